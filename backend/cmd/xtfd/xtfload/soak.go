package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// soakPlan is a shop's day compressed into d: every terminal pays at base pays a second,
// rising from 20 % of d to a lunch-hour peak from 40 % to 60 %, and back to base from 80 %;
// each also checks in every heartbeat as an idle desktop does.
type soakPlan struct {
	d          time.Duration
	base, peak float64 // pays per second of one terminal
	heartbeat  time.Duration
}

// rate is one terminal's pays per second at el into the soak.
func (p soakPlan) rate(el time.Duration) float64 {
	x := float64(el) / float64(p.d)
	up := 0.0
	switch {
	case x < 0.2 || x >= 0.8:
	case x < 0.4:
		up = (x - 0.2) / 0.2
	case x < 0.6:
		up = 1
	default:
		up = (0.8 - x) / 0.2
	}
	return p.base + (p.peak-p.base)*up
}

// outcome is a scripted payment: the simulator's last two code digits and the final status
// the terminal must see.
type outcome struct {
	digits string
	want   domain.TradeStatus
	share  float64
}

// outcomes are what the soak's customers do: mostly pay at once, some type a password
// (processing, then paid), some have too little money, some answers are lost (HTTP 500:
// xtfd must query and find the payment), a few time out at the bank.
var outcomes = []outcome{
	{"00", domain.StatusSuccess, 0.90}, {"90", domain.StatusSuccess, 0.06}, {"92", domain.StatusFailed, 0.02},
	{"94", domain.StatusSuccess, 0.01}, {"97", domain.StatusFailed, 0.01},
}

// soaker drives the terminals and counts what happens minute by minute.
type soaker struct {
	plan  soakPlan
	start time.Time
	seq   atomic.Int64
	mu    sync.Mutex
	cur   minute
}

// minute is what one minute of the soak did.
type minute struct {
	lat              []time.Duration
	pays, beats, bad int
	firstBad         string
}

// run drives every terminal until the plan's end.
func (s *soaker) run(ctx context.Context, terms []terminal) {
	ctx, cancel := context.WithDeadline(ctx, s.start.Add(s.plan.d))
	defer cancel()
	var wg sync.WaitGroup
	for _, t := range terms {
		wg.Go(func() { s.drive(ctx, t) })
	}
	wg.Wait()
}

// drive is one terminal's day: payments arrive as a Poisson process of the plan's rate
// (drawn at the peak rate and thinned), heartbeats at a fixed interval from a random phase.
func (s *soaker) drive(ctx context.Context, t terminal) {
	nextPay := time.Now().Add(expWait(s.plan.peak))
	nextBeat := time.Now().Add(rand.N(s.plan.heartbeat))
	for {
		at := nextPay
		if nextBeat.Before(nextPay) {
			at = nextBeat
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Until(at)):
		}
		if at.Equal(nextBeat) {
			nextBeat = nextBeat.Add(s.plan.heartbeat)
			_, err := t.api.Terminal(ctx, t.creds)
			s.count(func(m *minute) { m.beats++ }, err)
			continue
		}
		nextPay = nextPay.Add(expWait(s.plan.peak))
		if rand.Float64() < s.plan.rate(time.Since(s.start))/s.plan.peak {
			s.pay(ctx, t)
		}
	}
}

// expWait is a Poisson process's wait at rate events a second.
func expWait(rate float64) time.Duration {
	return time.Duration(rand.ExpFloat64() / rate * float64(time.Second))
}

// pay charges a fresh code of a random channel with a scripted outcome and follows the
// trade, as the desktop does, until it is final; anything but the scripted end is bad.
func (s *soaker) pay(ctx context.Context, t terminal) {
	o := pickOutcome()
	code := payCode(s.seq.Add(1), o.digits)
	t0 := time.Now()
	tr, err := t.api.Pay(ctx, t.creds, platform.PayInput{Amount: 1 + rand.Int64N(20000), AuthCode: code, Source: "manual"})
	took := time.Since(t0)
	if o.want == domain.StatusFailed && domain.CodeOf(err) == domain.CodePayFailed {
		err = nil
	}
	if err == nil {
		err = s.follow(ctx, t, tr, o.want)
	}
	if ctx.Err() != nil && err != nil {
		return // the soak ended mid-payment; not the server's failure
	}
	s.count(func(m *minute) { m.pays++; m.lat = append(m.lat, took) }, err)
}

// follow polls a trade not yet final, as the desktop's wait does, and checks its end.
func (s *soaker) follow(ctx context.Context, t terminal, tr *platform.Trade, want domain.TradeStatus) error {
	deadline := time.Now().Add(90 * time.Second)
	for !domain.TradeStatus(tr.Status).Final() {
		if time.Now().After(deadline) {
			return fmt.Errorf("trade %s still %s after 90 s", tr.ReqSN, tr.Status)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
		var err error
		if tr, err = t.api.GetTrade(ctx, t.creds, tr.ID); err != nil {
			return err
		}
	}
	got := domain.TradeStatus(tr.Status)
	if got != want && !(want == domain.StatusFailed && got == domain.StatusClosed) {
		return fmt.Errorf("trade %s ended %s, want %s", tr.ReqSN, got, want)
	}
	return nil
}

// count records one operation in the current minute; a non-nil err counts as bad.
func (s *soaker) count(f func(*minute), err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(&s.cur)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		s.cur.bad++
		if s.cur.firstBad == "" {
			s.cur.firstBad = err.Error()
		}
	}
}

// take returns the minute so far and starts a new one.
func (s *soaker) take() minute {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.cur
	s.cur = minute{}
	return m
}

// pickOutcome draws an outcome by its share.
func pickOutcome() outcome {
	r := rand.Float64()
	for _, o := range outcomes {
		if r < o.share {
			return o
		}
		r -= o.share
	}
	return outcomes[0]
}

// payCode is a fresh payment code (a code is charged once) of a channel chosen by n, ending
// in the outcome's digits: WeChat 18 digits from 13, Alipay 18 from 28, UnionPay 19 from 62.
func payCode(n int64, digits string) string {
	switch n % 3 {
	case 1:
		return fmt.Sprintf("28%014d%s", n, digits)
	case 2:
		return fmt.Sprintf("62%015d%s", n, digits)
	}
	return fmt.Sprintf("13%014d%s", n, digits)
}
