package platform

import (
	"context"
	"slices"
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
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	from, to, err := s.dayRange(day)
	if err != nil {
		return nil, err
	}
	var ts []store.Trade
	err = s.visibleTrades(ctx, c).Where("store_id = ? AND created_at >= ? AND created_at < ? AND status IN ?",
		c.Terminal.StoreID, from.Add(-finSlack), to.Add(finSlack), []string{string(domain.StatusSuccess), string(domain.StatusCancelled)}).
		Select("kind", "channel", "amount", "created_at", "fin_time").Find(&ts).Error
	if err != nil {
		return nil, s.internal("day stats", err)
	}
	ts = slices.DeleteFunc(ts, func(t store.Trade) bool {
		at := acquirerTime(&t)
		return at.Before(from) || !at.Before(to)
	})
	var st store.Store
	s.db.WithContext(ctx).Select("name").First(&st, c.Terminal.StoreID)
	out := sumDay(ts, s.loc)
	out.Day, out.StoreName = from.In(s.loc).Format("2006-01-02"), st.Name
	return out, nil
}

// finSlack bounds how far a trade's fintime may be from its created_at (a customer paying
// late, clocks apart); trades created that far around the day are read and sorted by fintime.
const finSlack = 24 * time.Hour

// sumDay adds up the successful trades of one day.
func sumDay(ts []store.Trade, loc *time.Location) *DayStats {
	out := &DayStats{ByChannel: []ChannelStats{}, ByHour: make([]HourStats, 24)}
	for h := range out.ByHour {
		out.ByHour[h].Hour = h
	}
	channels := map[string]*ChannelStats{}
	for _, t := range ts {
		switch domain.TradeKind(t.Kind) {
		case domain.KindPay:
			out.PayCount++
			out.PayAmount += t.Amount
			cs := channels[t.Channel]
			if cs == nil {
				cs = &ChannelStats{Channel: t.Channel}
				channels[t.Channel] = cs
			}
			cs.Count++
			cs.Amount += t.Amount
			h := out.ByHour[acquirerTime(&t).In(loc).Hour()]
			h.Count++
			h.Amount += t.Amount
			out.ByHour[h.Hour] = h
		case domain.KindCancel:
			out.CancelCount++
			out.CancelAmount += t.Amount
		case domain.KindRefund:
			out.RefundCount++
			out.RefundAmount += t.Amount
		}
	}
	for _, cs := range channels {
		out.ByChannel = append(out.ByChannel, *cs)
	}
	sort.Slice(out.ByChannel, func(i, j int) bool { return out.ByChannel[i].Channel < out.ByChannel[j].Channel })
	out.NetAmount = out.PayAmount - out.CancelAmount - out.RefundAmount
	return out
}
