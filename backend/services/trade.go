package services

import (
	"context"

	"xiaotongfu/backend/platform"
)

// TradeService queries trades and day statistics (manual §5).
type TradeService struct{ c *Core }

// NewTradeService binds the trade query methods to c.
func NewTradeService(c *Core) *TradeService { return &TradeService{c: c} }

// List returns one page of trades, newest first (today when f.Day is empty).
func (s *TradeService) List(f platform.TradeFilter) (*platform.TradePage, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.TradePage, error) {
		return api.ListTrades(ctx, cr, f)
	})
}

// Stats sums one day (yyyy-MM-dd; today when empty) of this terminal's store.
func (s *TradeService) Stats(day string) (*platform.DayStats, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.DayStats, error) {
		return api.DayStats(ctx, cr, day)
	})
}
