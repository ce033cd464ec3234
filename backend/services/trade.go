package services

import (
	"context"

	"xiaotongfu/backend/platform"
)

// TradeService queries trades and day statistics (manual §5).
type TradeService struct {
	c *Core
}

// NewTradeService binds the trade query methods to c.
func NewTradeService(c *Core) *TradeService { return &TradeService{c: c} }

// List returns one page of trades, newest first (today when f.Day is empty).
func (s *TradeService) List(f platform.TradeFilter) (*platform.TradePage, error) {
	return s.list(s.c.context(), f)
}

// list is List bounded by ctx (an export's job).
func (s *TradeService) list(ctx context.Context, f platform.TradeFilter) (*platform.TradePage, error) {
	return call(s.c, func(_ context.Context, api platform.API, cr platform.Creds) (*platform.TradePage, error) {
		return api.ListTrades(ctx, cr, f)
	})
}

// Stats sums one day (yyyy-MM-dd; today when empty) of this terminal's store.
func (s *TradeService) Stats(day string) (*platform.DayStats, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.DayStats, error) {
		return api.DayStats(ctx, cr, day)
	})
}

// Totals sums every trade matching f (all pages): how many, and what the successful
// payments, voids and refunds moved.
func (s *TradeService) Totals(f platform.TradeFilter) (*platform.TradeTotals, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.TradeTotals, error) {
		return api.TradeTotals(ctx, cr, f)
	})
}

// PeriodStats sums f's period (store, cashier, terminal and channel as f says) per channel,
// day and hour, for 统计.
func (s *TradeService) PeriodStats(f platform.TradeFilter) (*platform.DayStats, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.DayStats, error) {
		return api.PeriodStats(ctx, cr, f)
	})
}

// Stores lists the merchant's stores for an admin's store filter (a cashier: forbidden).
func (s *TradeService) Stores() ([]platform.StoreInfo, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) ([]platform.StoreInfo, error) {
		return api.TradeStores(ctx, cr)
	})
}

// Lookup finds the trade with order number (reqsn) or acquirer number (trxid) tradeNo on any
// day, as the caller may see it (cashiers: their own; admins: this store's), for the 撤销/退货
// screen's original trade typed by hand. Unknown or not visible: not_found.
func (s *TradeService) Lookup(tradeNo string) (*platform.Trade, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error) {
		return api.FindTrade(ctx, cr, tradeNo)
	})
}
