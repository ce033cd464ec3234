package platform

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// Queries over a period (issue 12 §4): a period of whole days in the shop's time zone, at
// most maxDays long; an admin may narrow it to one store of the merchant and one cashier, a
// cashier sees only their own trades whatever they ask.

// DefaultMaxRangeDays is the longest period of one query when Options.MaxRangeDays is zero:
// a quarter (92 days covers any three calendar months).
const DefaultMaxRangeDays = 92

// period is the UTC bounds [from, to) of a TradeFilter's days, and how many days it spans.
type period struct {
	from, to time.Time
	days     int
}

// periodOf parses f's period: From–To, else the one day Day (today when all are empty).
func (s *Service) periodOf(f TradeFilter) (period, error) {
	if f.From == "" && f.To == "" {
		from, to, err := s.dayRange(f.Day)
		return period{from, to, 1}, err
	}
	if f.From == "" {
		f.From = f.To
	}
	if f.To == "" {
		f.To = f.From
	}
	from, err := time.ParseInLocation("2006-01-02", f.From, s.loc)
	if err != nil {
		return period{}, domain.FieldError("from", "日期格式应为 2006-01-02")
	}
	last, err := time.ParseInLocation("2006-01-02", f.To, s.loc)
	if err != nil {
		return period{}, domain.FieldError("to", "日期格式应为 2006-01-02")
	}
	if last.Before(from) {
		return period{}, domain.FieldError("to", "结束日期不能早于开始日期")
	}
	end := last.AddDate(0, 0, 1)
	days := int(end.Sub(from).Hours()/24 + 0.5)
	if days > s.maxDays {
		return period{}, domain.Errorf(domain.CodeRangeTooLong, "查询范围为 %d 天，超过单次最长 %d 天，请缩短日期范围", days, s.maxDays).
			With("days", days).With("maxDays", s.maxDays)
	}
	return period{from.UTC(), end.UTC(), days}, nil
}

// scopedTrades is the caller's part of the ledger narrowed to f's store and cashier: an
// admin's is one store of the merchant (the terminal's unless f.StoreID names another), a
// cashier's only their own trades (another cashier's account is refused, not emptied).
func (s *Service) scopedTrades(ctx context.Context, c *Caller, f TradeFilter) (*gorm.DB, error) {
	db := s.db.WithContext(ctx)
	// The store (checked below) and the cashier are the merchant's, so merchant_id is implied
	// and left out: the query then stays inside one index (migration 00006).
	q := db.Model(&store.Trade{})
	if !c.IsAdmin() {
		if f.Cashier != "" && f.Cashier != c.Cashier.Account {
			return nil, domain.Errorf(domain.CodeForbidden, "收银员只能查询自己的交易")
		}
		q = q.Where("cashier_id = ?", c.Cashier.ID)
		if f.StoreID != 0 {
			q = q.Where("store_id = ?", f.StoreID)
		}
		return q, nil
	}
	storeID := c.Terminal.StoreID
	if f.StoreID != 0 && f.StoreID != storeID {
		var n int64
		if err := db.Model(&store.Store{}).Where("id = ? AND merchant_id = ?", f.StoreID, c.Merchant.ID).Count(&n).Error; err != nil {
			return nil, s.internal("check store", err)
		}
		if n == 0 {
			return nil, domain.Errorf(domain.CodeNotFound, "门店不存在").With("field", "storeId")
		}
		storeID = f.StoreID
	}
	q = q.Where("store_id = ?", storeID)
	if f.Cashier == "" {
		return q, nil
	}
	var cs store.Cashier
	err := db.Select("id").Where("merchant_id = ? AND account = ?", c.Merchant.ID, f.Cashier).First(&cs).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound): // a deleted account: its trades kept its name
		return q.Where("cashier_account = ?", f.Cashier), nil
	case err != nil:
		return nil, s.internal("find cashier", err)
	}
	return q.Where("cashier_id = ?", cs.ID), nil
}

// periodTrades is the query of every trade f matches (paging aside) and its period.
func (s *Service) periodTrades(ctx context.Context, c *Caller, f TradeFilter) (*gorm.DB, period, error) {
	p, err := s.periodOf(f)
	if err != nil {
		return nil, p, err
	}
	q, err := s.scopedTrades(ctx, c, f)
	if err != nil {
		return nil, p, err
	}
	q = q.Where("created_at >= ? AND created_at < ?", p.from, p.to)
	q, err = filterTrades(q, c, f)
	return q, p, err
}

// TradeTotals sums every trade f matches (as ListTrades lists them, all pages): how many,
// and what successful payments (including ones voided later), voids and refunds moved.
func (s *Service) TradeTotals(ctx context.Context, creds Creds, f TradeFilter) (*TradeTotals, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	q, _, err := s.periodTrades(ctx, c, f)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Kind, Status string
		N, Amount    int64
	}
	if err := q.Select("kind, status, COUNT(*) AS n, SUM(amount) AS amount").Group("kind, status").Scan(&rows).Error; err != nil {
		return nil, s.internal("trade totals", err)
	}
	out := &TradeTotals{}
	for _, r := range rows {
		out.Count += r.N
		if r.Status != string(domain.StatusSuccess) && r.Status != string(domain.StatusCancelled) {
			continue
		}
		switch domain.TradeKind(r.Kind) {
		case domain.KindPay:
			out.PayCount, out.PayAmount = out.PayCount+r.N, out.PayAmount+r.Amount
		case domain.KindCancel:
			out.CancelCount, out.CancelAmount = out.CancelCount+r.N, out.CancelAmount+r.Amount
		case domain.KindRefund:
			out.RefundCount, out.RefundAmount = out.RefundCount+r.N, out.RefundAmount+r.Amount
		}
	}
	out.NetAmount = out.PayAmount - out.CancelAmount - out.RefundAmount
	return out, nil
}

// TradeStores lists the stores of the admin's merchant, by name, for the store filter.
func (s *Service) TradeStores(ctx context.Context, creds Creds) ([]StoreInfo, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	if err := s.requireAdmin(ctx, c, "按门店查询交易"); err != nil {
		return nil, err
	}
	var ss []store.Store
	if err := s.db.WithContext(ctx).Where("merchant_id = ?", c.Merchant.ID).Order("id").Find(&ss).Error; err != nil {
		return nil, s.internal("list stores", err)
	}
	out := make([]StoreInfo, len(ss))
	for i, st := range ss {
		out[i] = StoreInfo{ID: st.ID, Name: st.Name}
	}
	return out, nil
}

// keysetAfter narrows q to the trades after trade id in the list's order (created_at DESC,
// id DESC); a trade the caller may not see ends the list.
func (s *Service) keysetAfter(ctx context.Context, c *Caller, q *gorm.DB, id uint) (*gorm.DB, error) {
	var t store.Trade
	err := s.db.WithContext(ctx).Select("id", "created_at").Where("id = ? AND merchant_id = ?", id, c.Merchant.ID).First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return q.Where("1 = 0"), nil
	}
	if err != nil {
		return nil, s.internal("page key", err)
	}
	return q.Where("(created_at < ? OR (created_at = ? AND id < ?))", t.CreatedAt, t.CreatedAt, t.ID), nil
}
