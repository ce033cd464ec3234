package platform

import (
	"context"
	"errors"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// sweepBatch bounds how many due trades one sweep pass takes on.
const sweepBatch = 100

// Start resumes every trade left in flight (after a crash or a restart: each is queried at
// once, closed if its poll window is over) and runs the background sweep until ctx ends or
// Stop is called. It returns after the resume is scheduled; call it once.
func (s *Service) Start(ctx context.Context) error {
	s.activeMu.Lock()
	if s.started {
		s.activeMu.Unlock()
		return errors.New("platform: already started")
	}
	s.started = true
	s.activeMu.Unlock()
	if err := s.resume(ctx); err != nil {
		return err
	}
	s.activeMu.Lock()
	defer s.activeMu.Unlock()
	if s.bg.Err() != nil {
		return errors.New("platform: stopped")
	}
	s.drivers.Add(1)
	go func() {
		defer s.drivers.Done()
		s.sweepLoop(ctx)
	}()
	return nil
}

// Stop ends the sweep and every payment driver and waits for them. Trades still open stay
// in the database and are resumed by the next Start.
func (s *Service) Stop() {
	s.activeMu.Lock() // spawnDriver checks s.bg and adds to s.drivers under it: none after this
	s.stop()
	s.activeMu.Unlock()
	s.drivers.Wait()
}

// resume drives every trade of the ledger that is still in flight.
func (s *Service) resume(ctx context.Context) error {
	ts, err := store.InFlightTrades(ctx, s.db)
	if err != nil {
		return s.internal("list in-flight trades", err)
	}
	for i := range ts {
		t := &ts[i]
		if t.Status == string(domain.StatusCreated) {
			s.failUnsent(t)
			continue
		}
		s.log.Info("platform: resuming trade", "reqsn", t.ReqSN, "kind", t.Kind, "status", t.Status)
		s.spawnDriver(t.ID, s.now())
	}
	return nil
}

// failUnsent fails a trade left in created: it was never sent (sent is recorded before the
// request leaves), so nothing can have been charged. A young one may still be on its way to
// sent in another goroutine or server; it is left alone (the compare-and-set decides anyway).
func (s *Service) failUnsent(t *store.Trade) {
	if s.now().Sub(t.CreatedAt) < s.poll.First {
		return
	}
	s.settle(t, domain.StatusFailed, nil, "未发出（程序中断）", true)
}

// sweepLoop runs a sweep every Poll.Sweep until ctx ends or the service stops.
func (s *Service) sweepLoop(ctx context.Context) {
	tick := time.NewTicker(s.poll.Sweep)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.bg.Done():
			return
		case <-tick.C:
			s.sweep(ctx)
		}
	}
}

// sweep takes on every open trade whose lease ran out (its driver died with another server,
// or it is unknown and due for a check), and fails stale never-sent trades.
func (s *Service) sweep(ctx context.Context) {
	now := s.now().UTC()
	due, err := store.DueTrades(ctx, s.db, now, sweepBatch)
	if err != nil {
		s.log.Error("platform: sweep", "err", err)
		return
	}
	for i := range due {
		t := &due[i]
		s.activeMu.Lock()
		busy := s.active[t.ID]
		s.activeMu.Unlock()
		if busy {
			continue
		}
		ok, err := store.ClaimTrade(ctx, s.db, t.ID, t.NextCheckAt, now.Add(s.poll.Lease))
		if err != nil || !ok {
			continue
		}
		s.spawnDriver(t.ID, s.now())
	}
	var stale []store.Trade
	if err := s.db.WithContext(ctx).Where("status = ? AND created_at < ?", domain.StatusCreated,
		now.Add(-s.poll.First)).Limit(sweepBatch).Find(&stale).Error; err != nil {
		s.log.Error("platform: sweep created", "err", err)
		return
	}
	for i := range stale {
		s.failUnsent(&stale[i])
	}
}
