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

// Start resumes the trades left in flight whose lease has ended (after a crash or a restart:
// each is queried at once, closed if its poll window is over; a trade another live server is
// driving keeps its lease and is left to it) and runs the background sweep until ctx ends or
// Stop is called. It returns after the resume is scheduled; call it once.
func (s *Service) Start(ctx context.Context) error {
	s.activeMu.Lock()
	if s.started {
		s.activeMu.Unlock()
		return errors.New("platform: already started")
	}
	s.started = true
	s.activeMu.Unlock()
	if err := s.sweep(ctx); err != nil {
		return s.internal("resume in-flight trades", err)
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
	if s.recon.opts.Enabled {
		s.drivers.Add(1)
		go func() {
			defer s.drivers.Done()
			s.recon.loop(ctx)
		}()
	}
	return nil
}

// Stop ends the sweep and every payment driver and waits for them. Trades still open stay
// in the database with their lease ended, so the next Start (or another server's sweep)
// takes them over at once.
func (s *Service) Stop() {
	s.activeMu.Lock() // spawnDriver checks s.bg and adds to s.drivers under it: none after this
	s.stop()
	ids := make([]uint, 0, len(s.active))
	for id := range s.active {
		ids = append(ids, id)
	}
	s.activeMu.Unlock()
	s.drivers.Wait()
	commits, writes := s.writes.Stats()
	s.log.Info("platform: trade writes committed", "commits", commits, "writes", writes)
	if len(ids) == 0 {
		return
	}
	now, err := s.dbNow(context.Background())
	if err == nil {
		err = s.db.Model(&store.Trade{}).Where("id IN ? AND status IN ?", ids,
			[]string{string(domain.StatusSent), string(domain.StatusPending), string(domain.StatusClosing)}).
			Update("next_check_at", now).Error
	}
	if err != nil {
		s.log.Error("platform: hand back open trades on stop", "err", err)
	}
}

// failUnsent fails a trade left in created: it was never sent (sent is recorded before the
// request leaves), so nothing can have been charged. Only one older than Poll.Unsent on the
// database clock is taken, and the compare-and-set from created decides against a sender that
// marks it sent meanwhile: then the trade is left to its sender and its lease.
func (s *Service) failUnsent(t *store.Trade) {
	s.settle(t, domain.StatusFailed, bySweep, nil, "未发出（程序中断）", true)
}

// sweepLoop runs a sweep every Poll.Sweep, and purges expired short-lived rows every
// purgeEvery (first at once), until ctx ends or the service stops.
func (s *Service) sweepLoop(ctx context.Context) {
	tick := time.NewTicker(s.poll.Sweep)
	defer tick.Stop()
	s.purgeExpired(ctx)
	lastPurge := s.now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.bg.Done():
			return
		case <-tick.C:
			_ = s.sweep(ctx) // errors are logged; the next tick tries again
			if s.now().Sub(lastPurge) >= purgeEvery {
				s.purgeExpired(ctx)
				lastPurge = s.now()
			}
		}
	}
}

// sweep takes on every open trade whose lease ran out (its driver died with another server,
// this server restarted, or it is unknown and due for a check), and fails stale never-sent
// trades.
func (s *Service) sweep(ctx context.Context) error {
	now, err := s.dbNow(ctx)
	if err != nil {
		return err
	}
	due, err := store.DueTrades(ctx, s.db, now, sweepBatch)
	if err != nil {
		s.log.Error("platform: sweep", "err", err)
		return err
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
		s.log.Info("platform: taking over trade", "reqsn", t.ReqSN, "kind", t.Kind, "status", t.Status)
		s.spawnDriver(t.ID, now)
	}
	var stale []store.Trade
	if err := s.db.WithContext(ctx).Where("status = ? AND created_at < ?", domain.StatusCreated,
		now.Add(-s.poll.Unsent)).Limit(sweepBatch).Find(&stale).Error; err != nil {
		s.log.Error("platform: sweep created", "err", err)
		return err
	}
	for i := range stale {
		s.failUnsent(&stale[i])
	}
	return nil
}
