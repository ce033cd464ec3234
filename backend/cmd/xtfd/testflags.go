package main

import (
	"flag"
	"time"

	"xiaotongfu/backend/platform"
)

// testFlags are test-only settings of `xtfd serve` (the chaos harness, scripts/chaos.sh): a
// clock offset, so that two servers on one database disagree about the time the way
// badly-synchronised hosts do, and a short poll schedule, so that trades settle in seconds.
// They are left at zero in production: the platform's defaults apply.
type testFlags struct {
	clockSkew time.Duration
	poll      platform.PollSchedule
}

// register adds the test-only flags to fs; their help says so.
func (t *testFlags) register(fs *flag.FlagSet) {
	fs.DurationVar(&t.clockSkew, "test-clock-skew", 0, "test only: run the platform's clock this far ahead (negative: behind)")
	for _, d := range []struct {
		p    *time.Duration
		name string
	}{
		{&t.poll.First, "first"}, {&t.poll.Every, "every"}, {&t.poll.Window, "window"}, {&t.poll.Sweep, "sweep"},
		{&t.poll.MaxCheck, "maxcheck"}, {&t.poll.Slow, "slow"}, {&t.poll.Lease, "lease"},
	} {
		fs.DurationVar(d.p, "test-poll-"+d.name, 0, "test only: PollSchedule."+d.name+" (0: the default)")
	}
}

// now is the platform's clock: nil (time.Now) without a skew.
func (t *testFlags) now() func() time.Time {
	if t.clockSkew == 0 {
		return nil
	}
	skew := t.clockSkew
	return func() time.Time { return time.Now().Add(skew) }
}
