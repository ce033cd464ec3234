package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"sync"
	"time"

	"gorm.io/gorm"
)

// Fault names of the scheduled faults, as counted and printed.
const (
	fKillDesktop = "SIGKILL desktop"
	fKillXtfd    = "SIGKILL xtfd"
	fPGRestart   = "PostgreSQL restart"
	fTableLock   = "stalled writes: trades table locked"
	fRowLock     = "stalled writes: open trade rows locked"
)

// chaos injects faults for d: both proxies misbehave throughout, and at random intervals a
// desktop or an xtfd is SIGKILLed and started again, the trades table or its open rows are
// locked by the harness for a few seconds, and PostgreSQL is restarted (at a third and at two
// thirds of the run).
func (s *stack) chaos(ctx context.Context, db *gorm.DB, d time.Duration) {
	end := time.Now().Add(d)
	s.faults(true)
	defer s.faults(false)
	var wg sync.WaitGroup
	wg.Go(func() { s.every(ctx, end, s.cfg.killEvery, s.killDesktop) })
	wg.Go(func() { s.every(ctx, end, 2*s.cfg.killEvery, func() { s.killXtfd(ctx) }) })
	wg.Go(func() { s.every(ctx, end, s.cfg.killEvery/2, func() { s.stall(ctx, db) }) })
	if s.cfg.pgRestart != "" {
		wg.Go(func() {
			for _, at := range []time.Duration{d / 3, 2 * d / 3} {
				if !sleepUntil(ctx, end.Add(at-d)) {
					return
				}
				s.restartPG(ctx)
			}
		})
	}
	wg.Wait()
}

// every runs fn at random intervals around mean until end.
func (s *stack) every(ctx context.Context, end time.Time, mean time.Duration, fn func()) {
	for {
		next := time.Now().Add(mean/2 + time.Duration(rand.Int64N(int64(mean)+1)))
		if next.After(end) || !sleepUntil(ctx, next) {
			return
		}
		fn()
	}
}

// killDesktop SIGKILLs a random desktop process and starts it again a moment later.
func (s *stack) killDesktop() {
	d := s.desktops[rand.IntN(len(s.desktops))]
	d.kill()
	s.counts.add(fKillDesktop)
	time.Sleep(time.Duration(500+rand.IntN(1500)) * time.Millisecond)
	if err := d.start(); err != nil {
		s.counts.add("desktop restart failed")
	}
}

// killXtfd SIGKILLs a random xtfd in the middle of its work and starts it again.
func (s *stack) killXtfd(ctx context.Context) {
	i := rand.IntN(len(s.xtfd))
	s.xtfd[i].kill()
	s.counts.add(fKillXtfd)
	time.Sleep(time.Duration(1000+rand.IntN(2000)) * time.Millisecond)
	s.ensureUp(ctx, i)
}

// ensureUp starts xtfd i if it is not running, and again if it exits before it answers (it
// refuses to start while PostgreSQL is down), until it answers, for up to two minutes.
func (s *stack) ensureUp(ctx context.Context, i int) bool {
	x, url := s.xtfd[i], s.xtfdURL[i]+"/healthz"
	deadline := time.Now().Add(2 * time.Minute)
	for ctx.Err() == nil && time.Now().Before(deadline) {
		if !x.running() {
			if err := x.start(); err != nil {
				break
			}
		}
		if waitHTTP(ctx, url) == nil {
			return true
		}
		time.Sleep(time.Second)
	}
	s.counts.add(x.name + " did not come back")
	return false
}

// stall holds a lock through the harness's own connection for up to cfg.stallFor: either the
// whole trades table (every insert and update waits) or the rows of the open trades (their
// transitions wait, while new trades go on).
func (s *stack) stall(ctx context.Context, db *gorm.DB) {
	hold := time.Second + time.Duration(rand.Int64N(int64(s.cfg.stallFor)))
	sql, name := "LOCK TABLE trades IN EXCLUSIVE MODE", fTableLock
	if rand.IntN(2) == 0 {
		sql = "SELECT id FROM trades WHERE status IN ('created','sent','pending','closing','unknown') FOR UPDATE"
		name = fRowLock
	}
	tctx, cancel := context.WithTimeout(ctx, hold+10*time.Second)
	defer cancel()
	err := db.WithContext(tctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(sql).Error; err != nil {
			return err
		}
		sleepUntil(tctx, time.Now().Add(hold))
		return nil
	})
	if err == nil {
		s.counts.add(name)
	}
}

// restartPG runs the restart command (pg_ctl restart, which drops every connection).
func (s *stack) restartPG(ctx context.Context) {
	out, err := exec.CommandContext(ctx, "bash", "-c", s.cfg.pgRestart).CombinedOutput()
	if err != nil {
		s.counts.add(fmt.Sprintf("PostgreSQL restart failed (%v: %.200s)", err, out))
		return
	}
	s.counts.add(fPGRestart)
}

// sleepUntil waits until t; it reports false when ctx ended first.
func sleepUntil(ctx context.Context, t time.Time) bool {
	timer := time.NewTimer(time.Until(t))
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}
