package main

import (
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// TestSoakPlanRampsToTheLunchPeakAndBack: base rate in the first and last fifth, the peak in
// the middle fifth, linear in between.
func TestSoakPlanRampsToTheLunchPeakAndBack(t *testing.T) {
	p := soakPlan{d: 100 * time.Second, base: 1, peak: 11}
	for _, c := range []struct {
		at   time.Duration
		want float64
	}{{0, 1}, {19 * time.Second, 1}, {30 * time.Second, 6}, {50 * time.Second, 11}, {70 * time.Second, 6}, {85 * time.Second, 1}} {
		if got := p.rate(c.at); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("rate at %s = %v, want %v", c.at, got, c.want)
		}
	}
}

func soakRows(last sample, lastP99 time.Duration, bad int) []row {
	base := sample{rssMiB: 40, goroutines: 1100, fds: 1050}
	rows := []row{
		{at: time.Minute, srv: base, p99: 20 * time.Millisecond},
		{at: 2 * time.Minute, srv: base, p99: 20 * time.Millisecond},
		{at: 5 * time.Minute, srv: sample{rssMiB: 90, goroutines: 1400, fds: 1300}, p99: 80 * time.Millisecond},
		{at: 10 * time.Minute, srv: last, p99: lastP99},
	}
	rows[2].m.bad, rows[2].m.firstBad = bad, "pay_failed: 余额不足"
	return rows
}

// TestSoakVerdict: a soak back to its base figures passes; a bad operation, or p99, RSS,
// goroutines or open files that stayed up after the peak, fail it, each named.
func TestSoakVerdict(t *testing.T) {
	plan := soakPlan{d: 10 * time.Minute}
	ok := sample{rssMiB: 60, goroutines: 1150, fds: 1060}
	if broken := verdict(soakRows(ok, 60*time.Millisecond, 0), plan); len(broken) != 0 {
		t.Fatalf("a steady soak failed: %v", broken)
	}
	for name, c := range map[string]struct {
		last sample
		p99  time.Duration
		bad  int
	}{
		"bad operations": {ok, 60 * time.Millisecond, 3},
		"p99":            {ok, 200 * time.Millisecond, 0},
		"RSS":            {sample{rssMiB: 200, goroutines: 1150, fds: 1060}, 60 * time.Millisecond, 0},
		"goroutines":     {sample{rssMiB: 60, goroutines: 1500, fds: 1060}, 60 * time.Millisecond, 0},
		"open files":     {sample{rssMiB: 60, goroutines: 1150, fds: 1400}, 60 * time.Millisecond, 0},
	} {
		broken := verdict(soakRows(c.last, c.p99, c.bad), plan)
		if len(broken) != 1 || !strings.Contains(broken[0], name) {
			t.Errorf("%s: verdict %v", name, broken)
		}
	}
	if broken := verdict(soakRows(ok, 0, 0)[:1], plan); len(broken) != 1 || !strings.Contains(broken[0], "too short") {
		t.Errorf("a one-minute soak: %v", broken)
	}
}

// TestPayCodesAreFreshAndOfEveryChannel: consecutive codes differ, rotate through the three
// channels' patterns, and end in the outcome's digits.
func TestPayCodesAreFreshAndOfEveryChannel(t *testing.T) {
	seen := map[string]bool{}
	channels := map[domain.Channel]int{}
	for n := int64(1); n <= 30; n++ {
		c := payCode(n, "90")
		if seen[c] || !strings.HasSuffix(c, "90") {
			t.Fatalf("code %s repeated or without its outcome", c)
		}
		seen[c] = true
		ch, err := domain.ChannelOfCode(c)
		if err != nil {
			t.Fatalf("code %s: %v", c, err)
		}
		channels[ch]++
	}
	if len(channels) != 3 {
		t.Fatalf("channels %v", channels)
	}
}
