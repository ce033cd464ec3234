package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// probe reads the xtfd process's resident memory and open files from /proc and its
// goroutines from its -pprof listener.
type probe struct {
	pid   int
	pprof string // host:port
}

// sample is one reading of the server.
type sample struct {
	rssMiB, goroutines, fds int
}

func (p probe) read() (sample, error) {
	var s sample
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.pid))
	if err != nil {
		return s, err
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.Fields(v)[0])
			s.rssMiB = kb / 1024
		}
	}
	fds, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", p.pid))
	if err != nil {
		return s, err
	}
	s.fds = len(fds)
	resp, err := http.Get("http://" + p.pprof + "/debug/pprof/goroutine?debug=1")
	if err != nil {
		return s, err
	}
	defer resp.Body.Close()
	first, _ := bufio.NewReader(resp.Body).ReadString('\n')
	_, err = fmt.Sscanf(first, "goroutine profile: total %d", &s.goroutines)
	return s, err
}

// row is one minute's line of the soak's report.
type row struct {
	at       time.Duration
	rate     float64 // planned pays a second, all terminals
	m        minute
	p50, p99 time.Duration
	srv      sample
}

// report prints the row and returns it.
func (r row) print() {
	fmt.Printf("%5s  rate=%6.1f/s  pays=%6d  heartbeats=%6d  bad=%d  p50=%-6s p99=%-6s  rss=%dMiB goroutines=%d fds=%d\n",
		r.at.Round(time.Second), r.rate, r.m.pays, r.m.beats, r.m.bad, r.p50.Round(time.Millisecond),
		r.p99.Round(time.Millisecond), r.srv.rssMiB, r.srv.goroutines, r.srv.fds)
	if r.m.firstBad != "" {
		fmt.Printf("       first bad: %s\n", r.m.firstBad)
	}
}

// newRow summarises minute m at el into the soak.
func newRow(el time.Duration, rate float64, m minute, srv sample) row {
	slices.Sort(m.lat)
	pct := func(p float64) time.Duration {
		if len(m.lat) == 0 {
			return 0
		}
		return m.lat[min(len(m.lat)-1, int(float64(len(m.lat))*p))]
	}
	return row{at: el, rate: rate, m: m, p50: pct(0.5), p99: pct(0.99), srv: srv}
}

// verdict checks the soak's promises: nothing bad; at the end, back at the base rate, the
// p99, memory, goroutines and open files are where they were at the base rate before the
// peak (within the stated margins). It returns the broken ones.
func verdict(rows []row, plan soakPlan) []string {
	var broken []string
	for _, r := range rows {
		if r.m.bad > 0 {
			broken = append(broken, fmt.Sprintf("%s: %d bad operations (%s)", r.at.Round(time.Second), r.m.bad, r.m.firstBad))
		}
	}
	before, after := baseRows(rows, plan)
	if before == nil || after == nil {
		return append(broken, "the soak is too short to compare the base rate before and after the peak (give -soak ≥ 5m)")
	}
	check := func(what string, was, now, factor, slack float64) {
		if now > was*factor+slack {
			broken = append(broken, fmt.Sprintf("%s grew from %.0f to %.0f (allowed %.0f)", what, was, now, was*factor+slack))
		}
	}
	check("p99 (ms)", ms(before.p99), ms(after.p99), 2, 50)
	check("RSS (MiB)", float64(before.srv.rssMiB), float64(after.srv.rssMiB), 1.5, 32)
	check("goroutines", float64(before.srv.goroutines), float64(after.srv.goroutines), 1.2, 50)
	check("open files", float64(before.srv.fds), float64(after.srv.fds), 1.2, 50)
	return broken
}

// baseRows are the last full minute before the ramp (at most 20 % in) and the last minute.
func baseRows(rows []row, plan soakPlan) (before, after *row) {
	for i := range rows {
		if rows[i].at <= plan.d/5+5*time.Second && i > 0 {
			before = &rows[i]
		}
	}
	if len(rows) > 2 && rows[len(rows)-1].at >= plan.d*4/5 {
		after = &rows[len(rows)-1]
	}
	return before, after
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// soakFlags are what -soak runs with.
type soakFlags struct {
	url, smsLog, prefix string
	terminals           int
	plan                soakPlan
	every               time.Duration
	probe               probe
}

// runSoak sets up the terminals, plays the plan while printing a row every interval, and
// returns the exit code: 0 when every promise held.
func runSoak(ctx context.Context, f soakFlags) int {
	t0 := time.Now()
	terms, err := setupTerminals(ctx, f.url, f.smsLog, f.prefix, f.terminals)
	if err != nil {
		fmt.Fprintln(os.Stderr, "xtfload: soak setup:", err)
		return 1
	}
	fmt.Printf("soak: %d terminals ready in %s; %s at %.1f→%.1f pays/s, a heartbeat every %s\n", len(terms),
		time.Since(t0).Round(time.Second), f.plan.d, f.plan.base*float64(len(terms)), f.plan.peak*float64(len(terms)), f.plan.heartbeat)
	s := &soaker{plan: f.plan, start: time.Now()}
	done := make(chan struct{})
	go func() { s.run(ctx, terms); close(done) }()
	var rows []row
	tick := time.NewTicker(f.every)
	defer tick.Stop()
	for running := true; running; {
		select {
		case <-tick.C:
		case <-done:
			running = false
		}
		el := time.Since(s.start)
		srv, err := f.probe.read()
		if err != nil {
			fmt.Fprintln(os.Stderr, "xtfload: reading xtfd:", err)
			return 1
		}
		r := newRow(el, f.plan.rate(el)*float64(len(terms)), s.take(), srv)
		r.print()
		rows = append(rows, r)
	}
	if broken := verdict(rows, f.plan); len(broken) > 0 {
		fmt.Println("soak: FAILED")
		for _, b := range broken {
			fmt.Println("  -", b)
		}
		return 1
	}
	fmt.Println("soak: OK — no bad operation; p99, RSS, goroutines and open files back where they were")
	return 0
}
