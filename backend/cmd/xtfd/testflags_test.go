package main

import (
	"io"
	"testing"
	"time"
)

func TestTestFlagsSkewAndPoll(t *testing.T) {
	f, err := parseServe([]string{"-test-clock-skew", "-10s", "-test-poll-window", "8s", "-test-poll-first", "1s"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if f.test.poll.Window != 8*time.Second || f.test.poll.First != time.Second || f.test.poll.Every != 0 {
		t.Fatalf("poll = %+v", f.test.poll)
	}
	now := f.test.now()
	if now == nil {
		t.Fatal("no clock for a skew")
	}
	if d := time.Until(now()); d > -9*time.Second || d < -11*time.Second {
		t.Fatalf("skewed clock is %v from now, want about -10s", d)
	}
	plain, err := parseServe(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if plain.test.now() != nil {
		t.Fatal("a clock without a skew; want nil (time.Now)")
	}
}
