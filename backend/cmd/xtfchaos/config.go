package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"time"
)

// config is what `xtfchaos run` is told.
type config struct {
	dsn       string        // the PostgreSQL database both xtfd servers share
	bin       string        // directory holding the xtfd, sybsim and xtfchaos binaries
	work      string        // logs and key files
	pgRestart string        // shell command that restarts PostgreSQL ("" skips that fault)
	duration  time.Duration // how long faults are injected
	settle    time.Duration // how long to wait, after healing, for every trade to settle
	desktops  int           // desktop processes
	terminals int           // terminals (cashiers) per desktop process
	skew      time.Duration // the second xtfd's clock offset
	pace      time.Duration // a cashier's pause between operations
	poll      pollFlags     // the xtfd poll schedule
	killEvery time.Duration // mean time between SIGKILLs (desktops; xtfd at twice this)
	stallFor  time.Duration // longest stalled write
}

// pollFlags is the short poll schedule given to both servers (-test-poll-* flags of xtfd).
type pollFlags struct {
	first, every, window, sweep, maxcheck, slow, lease time.Duration
}

// args are the -test-poll-* flags of xtfd for p.
func (p pollFlags) args() []string {
	out := []string{}
	for _, f := range []struct {
		name string
		d    time.Duration
	}{
		{"first", p.first}, {"every", p.every}, {"window", p.window}, {"sweep", p.sweep},
		{"maxcheck", p.maxcheck}, {"slow", p.slow}, {"lease", p.lease},
	} {
		out = append(out, "-test-poll-"+f.name, f.d.String())
	}
	return out
}

// parseRun reads the flags of `xtfchaos run`.
func parseRun(args []string, stderr io.Writer) (*config, error) {
	c := &config{}
	fs := flag.NewFlagSet("xtfchaos run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	self, _ := os.Executable()
	fs.StringVar(&c.dsn, "dsn", "", "postgres:// DSN of an empty database (scripts/pg-start.sh)")
	fs.StringVar(&c.bin, "bin", filepath.Dir(self), "directory with the xtfd, sybsim and xtfchaos binaries")
	fs.StringVar(&c.work, "work", "", "directory for logs (default: a new temporary directory)")
	fs.StringVar(&c.pgRestart, "pg-restart", "", "shell command that restarts PostgreSQL (empty: no restart fault)")
	fs.DurationVar(&c.duration, "duration", 5*time.Minute, "how long faults are injected")
	fs.DurationVar(&c.settle, "settle", 3*time.Minute, "how long to wait for every trade to settle afterwards")
	fs.IntVar(&c.desktops, "desktops", 4, "desktop processes")
	fs.IntVar(&c.terminals, "terminals", 6, "terminals per desktop process")
	fs.DurationVar(&c.skew, "skew", 5*time.Second, "clock offset of the second xtfd")
	fs.DurationVar(&c.pace, "pace", 100*time.Millisecond, "a cashier's pause between operations")
	fs.DurationVar(&c.killEvery, "kill-every", 20*time.Second, "mean time between desktop SIGKILLs (an xtfd's: twice this)")
	fs.DurationVar(&c.stallFor, "stall", 6*time.Second, "longest stalled write (a lock held by the harness)")
	fs.DurationVar(&c.poll.first, "poll-first", time.Second, "xtfd first query delay")
	fs.DurationVar(&c.poll.every, "poll-every", time.Second, "xtfd query interval")
	fs.DurationVar(&c.poll.window, "poll-window", 8*time.Second, "xtfd poll window")
	fs.DurationVar(&c.poll.sweep, "poll-sweep", 2*time.Second, "xtfd sweep interval")
	fs.DurationVar(&c.poll.maxcheck, "poll-maxcheck", 40*time.Second, "xtfd maximum check time of an unknown trade")
	fs.DurationVar(&c.poll.slow, "poll-slow", 5*time.Second, "xtfd check interval after the maximum check time")
	fs.DurationVar(&c.poll.lease, "poll-lease", 6*time.Second, "xtfd driver lease")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	switch {
	case fs.NArg() > 0:
		return nil, errors.New("unexpected arguments")
	case c.dsn == "":
		return nil, errors.New("-dsn is required")
	case c.desktops < 1 || c.terminals < 1:
		return nil, errors.New("-desktops and -terminals must be at least 1")
	}
	return c, nil
}

// plan is the faults of both hops: the late request lands after the poll window has closed
// but before the maximum check time, when the platform must still be looking for it.
func (c *config) plan() faultPlan {
	late := c.poll.window + c.poll.first
	return faultPlan{DropRequest: 2, DropAnswer: 2, DelayRequest: 3, DelayAnswer: 3, LateRequest: 2,
		MaxDelay: 2 * time.Second, LateMin: late, LateMax: max(late, c.poll.maxcheck/2)}
}
