package platform

import (
	"context"
	"sort"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// DayStats sums one day (yyyy-MM-dd, today when empty) of the terminal's store (manual §5.3):
// successful payments (including ones later voided), successful cancels and refunds, the net,
// payments per channel and per hour. A trade counts on the day and hour the acquirer completed
// it (fintime; created_at when absent). A cashier's figures cover only their own trades.
func (s *Service) DayStats(ctx context.Context, creds Creds, day string) (*DayStats, error) {
	return s.stats(ctx, creds, TradeFilter{Day: day}, true)
}

// PeriodStats is DayStats over f's period (From–To, at most MaxRangeDays), narrowed to f's
// store and cashier (admins; see ListTrades), terminal and channel, with every day's sums.
func (s *Service) PeriodStats(ctx context.Context, creds Creds, f TradeFilter) (*DayStats, error) {
	scope := TradeFilter{Day: f.Day, From: f.From, To: f.To, StoreID: f.StoreID, Cashier: f.Cashier,
		Channel: f.Channel, Terminal: f.Terminal}
	return s.stats(ctx, creds, scope, false)
}

// stats sums the successful trades of f's scope whose acquirer time falls in its period;
// ownStore keeps a cashier to the terminal's store too (the day statistics of §5.3).
func (s *Service) stats(ctx context.Context, creds Creds, f TradeFilter, ownStore bool) (*DayStats, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	p, err := s.periodOf(f)
	if err != nil {
		return nil, err
	}
	if ownStore && f.StoreID == 0 {
		f.StoreID = c.Terminal.StoreID
	}
	q, err := s.scopedTrades(ctx, c, f)
	if err != nil {
		return nil, err
	}
	if q, err = filterTrades(q, c, TradeFilter{Channel: f.Channel, Terminal: f.Terminal}); err != nil {
		return nil, err
	}
	rows, err := q.Where("created_at >= ? AND created_at < ? AND status IN ?", p.from.Add(-finSlack), p.to.Add(finSlack),
		[]string{string(domain.StatusSuccess), string(domain.StatusCancelled)}).
		Select("kind", "channel", "amount", "created_at", "fin_time").Rows()
	if err != nil {
		return nil, s.internal("period stats", err)
	}
	defer rows.Close()
	acc := newStatsAcc(p, s.loc)
	for rows.Next() {
		var t store.Trade
		if err := rows.Scan(&t.Kind, &t.Channel, &t.Amount, &t.CreatedAt, &t.FinTime); err != nil {
			return nil, s.internal("period stats", err)
		}
		acc.add(&t)
	}
	if err := rows.Err(); err != nil {
		return nil, s.internal("period stats", err)
	}
	return s.finishStats(ctx, c, f, acc), nil
}

// finishStats completes the sums with the period's days and the store's name.
func (s *Service) finishStats(ctx context.Context, c *Caller, f TradeFilter, acc *statsAcc) *DayStats {
	out := acc.result()
	storeID := f.StoreID
	if storeID == 0 {
		storeID = c.Terminal.StoreID
	}
	var st store.Store
	s.db.WithContext(ctx).Select("name").Where("merchant_id = ?", c.Merchant.ID).First(&st, storeID)
	out.StoreName = st.Name
	out.From = acc.p.from.In(s.loc).Format("2006-01-02")
	out.To = acc.p.to.In(s.loc).AddDate(0, 0, -1).Format("2006-01-02")
	if acc.p.days == 1 {
		out.Day = out.From
	}
	return out
}

// finSlack bounds how far a trade's fintime may be from its created_at (a customer paying
// late, clocks apart); trades created that far around the day are read and sorted by fintime.
const finSlack = 24 * time.Hour

// statsAcc adds up the successful trades of a period, each on its acquirer time.
type statsAcc struct {
	p        period
	loc      *time.Location
	out      *DayStats
	channels map[string]*ChannelStats
}

func newStatsAcc(p period, loc *time.Location) *statsAcc {
	a := &statsAcc{p: p, loc: loc, channels: map[string]*ChannelStats{},
		out: &DayStats{ByChannel: []ChannelStats{}, ByHour: make([]HourStats, 24), ByDay: make([]DaySum, p.days)}}
	for h := range a.out.ByHour {
		a.out.ByHour[h].Hour = h
	}
	start := p.from.In(loc)
	for d := range a.out.ByDay {
		a.out.ByDay[d].Day = start.AddDate(0, 0, d).Format("2006-01-02")
	}
	return a
}

// add counts t when the acquirer completed it within the period.
func (a *statsAcc) add(t *store.Trade) {
	at := acquirerTime(t)
	if at.Before(a.p.from) || !at.Before(a.p.to) {
		return
	}
	local := at.In(a.loc)
	start := a.p.from.In(a.loc)
	day := &a.out.ByDay[dayIndex(start, local, len(a.out.ByDay))]
	out := a.out
	switch domain.TradeKind(t.Kind) {
	case domain.KindPay:
		out.PayCount++
		out.PayAmount += t.Amount
		cs := a.channels[t.Channel]
		if cs == nil {
			cs = &ChannelStats{Channel: t.Channel}
			a.channels[t.Channel] = cs
		}
		cs.Count++
		cs.Amount += t.Amount
		h := &out.ByHour[local.Hour()]
		h.Count++
		h.Amount += t.Amount
		day.Count++
		day.Amount += t.Amount
		day.Net += t.Amount
	case domain.KindCancel:
		out.CancelCount++
		out.CancelAmount += t.Amount
		day.Net -= t.Amount
	case domain.KindRefund:
		out.RefundCount++
		out.RefundAmount += t.Amount
		day.Net -= t.Amount
	}
}

// dayIndex is the index of local's day counted from start's (both midnight-aligned zones).
func dayIndex(start, local time.Time, n int) int {
	y, m, d := local.Date()
	i := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)).Hours() / 24)
	return min(max(i, 0), n-1)
}

// result is the sums, channels by name and the net.
func (a *statsAcc) result() *DayStats {
	out := a.out
	for _, cs := range a.channels {
		out.ByChannel = append(out.ByChannel, *cs)
	}
	sort.Slice(out.ByChannel, func(i, j int) bool { return out.ByChannel[i].Channel < out.ByChannel[j].Channel })
	out.NetAmount = out.PayAmount - out.CancelAmount - out.RefundAmount
	return out
}
