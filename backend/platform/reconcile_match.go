package platform

import (
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

// matching pairs a statement with our trades: by trxid when both carry one, else by reqsn.
type matching struct {
	byTrxID map[string]*store.Trade
	byReqSN map[string]*store.Trade
	day     map[uint]bool // our trades of the day (the others were found for a bank line only)
	seen    map[uint]bool // trades a bank line matched
	matched int
	diffs   []store.ReconcileDiff
}

// newMatching indexes the day's trades and the ones of other days named by the statement.
func newMatching(dayTrades, named []store.Trade) *matching {
	m := &matching{byTrxID: map[string]*store.Trade{}, byReqSN: map[string]*store.Trade{},
		day: map[uint]bool{}, seen: map[uint]bool{}}
	add := func(ts []store.Trade) {
		for i := range ts {
			t := &ts[i]
			if t.TrxID != "" {
				m.byTrxID[t.TrxID] = t
			}
			m.byReqSN[t.ReqSN] = t
		}
	}
	add(named)
	add(dayTrades)
	for _, t := range dayTrades {
		m.day[t.ID] = true
	}
	return m
}

// find is our trade of a statement line, or nil.
func (m *matching) find(r gateway.StatementRow) *store.Trade {
	if r.TrxID != "" {
		if t := m.byTrxID[r.TrxID]; t != nil {
			return t
		}
	}
	if t := m.byReqSN[r.ReqSN]; t != nil && r.ReqSN != "" && (r.TrxID == "" || t.TrxID == "" || t.TrxID == r.TrxID) {
		return t
	}
	return nil
}

// run compares every statement line, then every trade of the day no line named.
func (m *matching) run(rows []gateway.StatementRow, dayTrades []store.Trade) {
	for _, r := range rows {
		t := m.find(r)
		if t == nil {
			if r.Settled() {
				m.diffs = append(m.diffs, bankDiff(DiffOnlyBank, r))
			}
			continue
		}
		m.seen[t.ID] = true
		kind := lineVerdict(r, t)
		if kind == "" {
			m.matched++
			continue
		}
		d := bankDiff(kind, r)
		withTrade(&d, t)
		m.diffs = append(m.diffs, d)
	}
	for i := range dayTrades {
		t := &dayTrades[i]
		if m.seen[t.ID] || localVerdict(t) == "" {
			continue
		}
		d := store.ReconcileDiff{Kind: DiffOnlyLocal}
		withTrade(&d, t)
		m.diffs = append(m.diffs, d)
	}
}

// lineVerdict is the kind of difference between a statement line and our trade, "" when
// they agree.
func lineVerdict(r gateway.StatementRow, t *store.Trade) string {
	switch {
	case r.Amount != localAmount(t):
		return DiffAmountDiffers
	case r.Settled() != moved(t):
		return DiffStatusDiffers
	}
	return ""
}

// localVerdict is DiffOnlyLocal for a trade of the day that the statement should list (it
// moved money, or it is still open), "" for one that did not (failed, closed).
func localVerdict(t *store.Trade) string {
	if moved(t) || !domain.TradeStatus(t.Status).Final() {
		return DiffOnlyLocal
	}
	return ""
}

// moved reports whether our trade moved money: success, or a pay later voided (the
// statement lists the pay and the void apart).
func moved(t *store.Trade) bool {
	return t.Status == string(domain.StatusSuccess) || t.Status == string(domain.StatusCancelled)
}

// localAmount is what the acquirer charged when we know it, else what we asked.
func localAmount(t *store.Trade) int64 {
	if t.TrxAmt > 0 {
		return t.TrxAmt
	}
	return t.Amount
}

func bankDiff(kind string, r gateway.StatementRow) store.ReconcileDiff {
	return store.ReconcileDiff{Kind: kind, ReqSN: r.ReqSN, TrxID: r.TrxID, TradeKind: r.Kind,
		BankAmount: r.Amount, BankStatus: r.Status, TrxCode: clip(r.TrxCode, 32), BankTime: r.Time}
}

// withTrade fills our side of a difference.
func withTrade(d *store.ReconcileDiff, t *store.Trade) {
	id := t.ID
	d.TradeID, d.TradeKind, d.LocalAmount, d.LocalStatus = &id, t.Kind, localAmount(t), t.Status
	if d.ReqSN == "" {
		d.ReqSN = t.ReqSN
	}
	if d.TrxID == "" {
		d.TrxID = t.TrxID
	}
	if d.TrxCode == "" {
		d.TrxCode = t.TrxCode
	}
}
