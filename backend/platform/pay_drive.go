package platform

import (
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

// spawnDriver starts a goroutine that resolves trade id, first querying at first, unless one
// of this process already drives it.
func (s *Service) spawnDriver(id uint, first time.Time) {
	s.activeMu.Lock()
	if s.active[id] || s.bg.Err() != nil {
		s.activeMu.Unlock()
		return
	}
	s.active[id] = true
	s.drivers.Add(1)
	s.activeMu.Unlock()
	go func() {
		defer func() {
			s.activeMu.Lock()
			delete(s.active, id)
			s.activeMu.Unlock()
			s.drivers.Done()
		}()
		s.drive(id, first)
	}()
}

// drive resolves one open trade by the rules of DESIGN.md: query (first at first, then every
// Poll.Every) until the poll window after its creation ends; then close a pay and query again;
// whatever is still unresolved becomes unknown for the sweep. An unknown trade gets one check.
// A trade found closing is closed only when the drive began with it (a sweep's takeover): one
// that someone moved to closing meanwhile (the cashier's 撤销本笔, another server) is theirs.
// Times are on the database clock; a failure to read it ends the drive (the lease runs out and
// a sweep takes the trade over).
func (s *Service) drive(id uint, first time.Time) {
	t, err := s.reload(s.bg, id)
	if err != nil {
		s.log.Error("platform: load trade to drive", "id", id, "err", err)
		return
	}
	gw, err := s.gatewayOfTrade(t)
	if err != nil {
		return
	}
	next := first
	for resumed := true; ; resumed = false {
		switch domain.TradeStatus(t.Status) {
		case domain.StatusUnknown:
			s.checkUnknown(gw, t)
			return
		case domain.StatusClosing:
			if resumed {
				s.closeAndSettle(gw, t)
			}
			return
		case domain.StatusSent, domain.StatusPending:
		default:
			return // final, or created (never sent: the sweep fails it)
		}
		deadline := t.CreatedAt.Add(s.poll.Window)
		now, err := s.dbNow(s.bg)
		if err != nil {
			return
		}
		if !now.Before(deadline) {
			s.windowOver(gw, t)
			return
		}
		if next.After(deadline) {
			next = deadline
		}
		if !s.sleep(next.Sub(now)) {
			return
		}
		if now, err = s.dbNow(s.bg); err != nil {
			return
		}
		if now.Before(deadline) && s.pollOnce(gw, t) {
			return
		}
		next = now.Add(s.poll.Every)
		if t, err = s.reload(s.bg, id); err != nil {
			return
		}
	}
}

// sleep waits for d, or returns false when the service stops.
func (s *Service) sleep(d time.Duration) bool {
	if d <= 0 {
		return s.bg.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-s.bg.Done():
		return false
	}
}

// pollOnce queries the trade and settles it on a final answer; it reports whether it did.
func (s *Service) pollOnce(gw gateway.Provider, t *store.Trade) bool {
	res, err := gw.Query(s.bg, gateway.QueryRequest{ReqSN: t.ReqSN})
	v, r, msg := judge(t, res, err)
	s.log.Debug("platform: query", "reqsn", t.ReqSN, "verdict", v, "err", err)
	switch v {
	case verdictMismatch:
		s.flagMismatch(t, byDriver, r, msg)
		return true
	case verdictSuccess:
		s.settle(t, domain.StatusSuccess, byDriver, r, msg, false)
		return true
	case verdictFailed:
		s.settle(t, domain.StatusFailed, byDriver, r, msg, false)
		return true
	case verdictUnknown:
	default:
		msg = "" // a refusal's raw retmsg is for the log only
	}
	now, err := s.dbNow(s.bg)
	if err != nil {
		return false
	}
	if err := s.markPending(t, byDriver, r, msg, now.Add(s.poll.Every), true); err != nil {
		s.log.Error("platform: mark pending", "reqsn", t.ReqSN, "err", err)
	}
	return false
}

// windowOver ends the poll window: a pay is closed and queried again; a reversal (which
// cannot be closed) is left unknown for the sweep, unless it was refused outright and the
// bank still has no trace of it.
func (s *Service) windowOver(gw gateway.Provider, t *store.Trade) {
	if t.Kind != string(domain.KindPay) {
		if s.markUnknown(t, nil, "") == nil && t.Status == string(domain.StatusUnknown) && t.RetCode != "" {
			s.checkUnknown(gw, t)
		}
		return
	}
	now, err := s.dbNow(s.bg)
	if err != nil {
		return
	}
	ok, err := s.moveNow(s.bg, t, domain.StatusClosing, byDriver, map[string]any{"next_check_at": now.Add(s.poll.Lease)})
	if err != nil || !ok {
		return
	}
	s.closeAndSettle(gw, t)
}

// closeAndSettle closes a pay still processing after its window, then queries it: paid in the
// meantime stays paid (the cashier decides whether to refund); a final failure becomes closed.
// No trace of the trade is not final: the request may still be in the network and land after
// the close, so the trade becomes unknown (待确认) and checkUnknown keeps looking until
// Poll.MaxCheck; only a request the bank refused outright (v12) fails at once. Anything else
// (no answer) also becomes unknown for the sweep.
func (s *Service) closeAndSettle(gw gateway.Provider, t *store.Trade) {
	cres, cerr := gw.Close(s.bg, gateway.CloseRequest{OldReqSN: t.ReqSN, OldTrxID: t.TrxID})
	cv, _, cmsg := classify(cres, cerr)
	s.log.Info("platform: close after poll window", "reqsn", t.ReqSN, "verdict", cv, "errmsg", cmsg, "err", cerr)
	res, err := gw.Query(s.bg, gateway.QueryRequest{ReqSN: t.ReqSN})
	v, r, msg := judge(t, res, err)
	switch v {
	case verdictMismatch:
		s.flagMismatch(t, byDriver, r, msg)
	case verdictSuccess:
		s.log.Warn("platform: trade paid while being closed; kept as paid", "reqsn", t.ReqSN)
		s.settle(t, domain.StatusSuccess, byDriver, r, msg, false)
	case verdictFailed:
		s.settle(t, domain.StatusClosed, byDriver, r, msg, false)
	case verdictNotFound:
		if t.RetCode != "" {
			s.noTrade(t, r)
			return
		}
		s.markUnknown(t, r, msgNoTraceYet)
	default:
		s.markUnknown(t, r, "")
	}
}

// Messages of a trade the acquirer has no trace of: still checked, and, after Poll.MaxCheck,
// closed for good.
const (
	msgNoTraceYet = "通联暂无此交易记录，已关单，继续核对（待确认）"
	msgNoTrade    = "通联无此交易"
)

// checkUnknown is the sweep's look at an unknown trade: settle it if the acquirer now knows
// the outcome; close a pay again if still processing. A trade the acquirer has no trace of is
// settled by noTrade once it was refused outright or Poll.MaxCheck has passed since it was
// created (on the database clock); anything else after MaxCheck needs a person (it is still
// checked every Poll.Slow; see RecheckTrade).
func (s *Service) checkUnknown(gw gateway.Provider, t *store.Trade) {
	res, err := gw.Query(s.bg, gateway.QueryRequest{ReqSN: t.ReqSN})
	v, r, msg := judge(t, res, err)
	now, err := s.dbNow(s.bg)
	if err != nil {
		return
	}
	isPay := t.Kind == string(domain.KindPay)
	horizon := now.Sub(t.CreatedAt) >= s.poll.MaxCheck
	switch {
	case v == verdictMismatch:
		s.flagMismatch(t, byDriver, r, msg)
		return
	case v == verdictSuccess:
		s.settle(t, domain.StatusSuccess, byDriver, r, msg, false)
		return
	case v == verdictFailed && isPay:
		s.settle(t, domain.StatusClosed, byDriver, r, msg, false)
		return
	case v == verdictFailed:
		s.settle(t, domain.StatusFailed, byDriver, r, msg, false)
		return
	case v == verdictNotFound && (t.RetCode != "" || horizon):
		s.noTrade(t, r)
		return
	case v == verdictProcessing && isPay:
		gw.Close(s.bg, gateway.CloseRequest{OldReqSN: t.ReqSN, OldTrxID: t.TrxID})
	}
	if horizon {
		s.log.Error("platform: trade still unresolved after the maximum check time; needs a person", "reqsn", t.ReqSN)
	}
	if _, err := s.moveNow(s.bg, t, domain.StatusUnknown, byDriver,
		map[string]any{"next_check_at": s.nextCheck(t, now), "queries": gormIncr}); err != nil {
		s.log.Error("platform: schedule the next check", "reqsn", t.ReqSN, "err", err)
	}
}

// nextCheck is when the sweep looks at an unknown trade again, now being the database's
// time: every Poll.Sweep, and every Poll.Slow once Poll.MaxCheck has passed since it was
// created. It is never dropped: a reversal holds its reservation until the acquirer answers
// or a person re-checks it.
func (s *Service) nextCheck(t *store.Trade, now time.Time) time.Time {
	if now.Sub(t.CreatedAt) >= s.poll.MaxCheck {
		return now.Add(s.poll.Slow)
	}
	return now.Add(s.poll.Sweep)
}

// gatewayOfTrade returns the gateway of the trade's merchant.
func (s *Service) gatewayOfTrade(t *store.Trade) (gateway.Provider, error) {
	var m store.Merchant
	if err := s.db.WithContext(s.bg).First(&m, t.MerchantID).Error; err != nil {
		s.log.Error("platform: load merchant of trade", "reqsn", t.ReqSN, "err", err)
		return nil, err
	}
	return s.providerFor(&m)
}
