package platform

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// Trade visibility (manual §5.1): a cashier sees only the trades they made (in their
// merchant); an admin sees every trade of the terminal's current store.

var errTradeNotFound = domain.Errorf(domain.CodeNotFound, "找不到该交易")

// GetTrade returns one trade the caller may see.
func (s *Service) GetTrade(ctx context.Context, creds Creds, id uint) (*Trade, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	t, err := s.firstVisible(s.visibleTrades(ctx, c).Where("id = ?", id), "get trade")
	if err != nil {
		return nil, err
	}
	return s.oneDTO(ctx, t)
}

// FindTrade returns the trade the caller may see (as ListTrades) whose order number (reqsn)
// or acquirer number (trxid) is exactly tradeNo, whatever its day: the 撤销/退货 screen looks up
// an original trade typed by hand, possibly days later.
func (s *Service) FindTrade(ctx context.Context, creds Creds, tradeNo string) (*Trade, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	no := strings.TrimSpace(tradeNo)
	if no == "" {
		return nil, domain.FieldError("tradeNo", "请输入交易单号")
	}
	if len(no) > 64 {
		return nil, domain.FieldError("tradeNo", "交易单号格式不正确")
	}
	t, err := s.firstVisible(s.visibleTrades(ctx, c).Where("req_sn = ? OR trx_id = ?", no, no).Order("id"), "find trade")
	if err != nil {
		return nil, err
	}
	return s.oneDTO(ctx, t)
}

// ListTrades lists the trades of a period (TradeFilter) the caller may see, newest first.
func (s *Service) ListTrades(ctx context.Context, creds Creds, f TradeFilter) (*TradePage, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	q, _, err := s.periodTrades(ctx, c, f)
	if err != nil {
		return nil, err
	}
	page := &TradePage{Trades: []Trade{}, MaxDays: s.maxDays}
	if err := q.Session(&gorm.Session{}).Count(&page.Total).Error; err != nil {
		return nil, s.internal("count trades", err)
	}
	limit := f.Limit
	if limit <= 0 || limit > maxPage {
		limit = 50
	}
	q = q.Order("created_at DESC, id DESC").Limit(limit)
	if f.BeforeID != 0 {
		if q, err = s.keysetAfter(ctx, c, q, f.BeforeID); err != nil {
			return nil, err
		}
	} else {
		q = q.Offset(max(f.Offset, 0))
	}
	var ts []store.Trade
	if err := q.Find(&ts).Error; err != nil {
		return nil, s.internal("list trades", err)
	}
	if page.Trades, err = s.toDTOs(ctx, ts); err != nil {
		return nil, err
	}
	return page, nil
}

// maxPage is the most trades one ListTrades call returns.
const maxPage = 1000

// filterTrades applies the kind, channel, status, trade number and terminal filters.
func filterTrades(q *gorm.DB, c *Caller, f TradeFilter) (*gorm.DB, error) {
	switch domain.TradeKind(f.Kind) {
	case "":
	case domain.KindPay, domain.KindCancel, domain.KindRefund:
		q = q.Where("kind = ?", f.Kind)
	default:
		return nil, domain.FieldError("kind", "交易类型无效")
	}
	switch domain.Channel(f.Channel) {
	case "":
	case domain.ChannelWeChat, domain.ChannelAlipay, domain.ChannelUnionPay:
		q = q.Where("channel = ?", f.Channel)
	default:
		return nil, domain.FieldError("channel", "支付方式无效")
	}
	if f.Status != "" {
		st := domain.TradeStatus(f.Status)
		if !st.Final() && !st.InFlight() && st != domain.StatusUnknown {
			return nil, domain.FieldError("status", "交易状态无效")
		}
		q = q.Where("status = ?", f.Status)
	}
	if no := strings.TrimSpace(f.TradeNo); no != "" {
		if len(no) > 32 || strings.ContainsAny(no, `%_\'"`) {
			return nil, domain.FieldError("tradeNo", "交易单号格式不正确")
		}
		q = q.Where("req_sn = ? OR trx_id = ? OR req_sn LIKE ? OR trx_id LIKE ?", no, no, "%"+no, "%"+no)
	}
	if f.Terminal {
		q = q.Where("terminal_id = ?", c.Terminal.ID)
	}
	return q, nil
}

// visibleTrades is the caller's scope of the ledger.
func (s *Service) visibleTrades(ctx context.Context, c *Caller) *gorm.DB {
	q := s.db.WithContext(ctx).Model(&store.Trade{}).Where("merchant_id = ?", c.Merchant.ID)
	if c.IsAdmin() {
		return q.Where("store_id = ?", c.Terminal.StoreID)
	}
	return q.Where("cashier_id = ?", c.Cashier.ID)
}

// dayRange parses a yyyy-MM-dd day of the shop's time zone (today when empty) into UTC bounds.
func (s *Service) dayRange(day string) (time.Time, time.Time, error) {
	var start time.Time
	if day == "" {
		n := s.now().In(s.loc)
		start = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, s.loc)
	} else {
		d, err := time.ParseInLocation("2006-01-02", day, s.loc)
		if err != nil {
			return time.Time{}, time.Time{}, domain.FieldError("day", "日期格式应为 2006-01-02")
		}
		start = d
	}
	return start.UTC(), start.AddDate(0, 0, 1).UTC(), nil
}

// tradeDTO loads one trade and renders it.
func (s *Service) tradeDTO(ctx context.Context, id uint) (*Trade, error) {
	t, err := s.reload(ctx, id)
	if err != nil {
		return nil, s.internal("load trade", err)
	}
	return s.oneDTO(ctx, t)
}

// firstVisible loads the first trade of q, a visibleTrades query: errTradeNotFound when there
// is none; what names the lookup in the log on any other error.
func (s *Service) firstVisible(q *gorm.DB, what string) (*store.Trade, error) {
	var t store.Trade
	err := q.First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, errTradeNotFound
	}
	if err != nil {
		return nil, s.internal(what, err)
	}
	return &t, nil
}

// oneDTO renders one trade as toDTOs does.
func (s *Service) oneDTO(ctx context.Context, t *store.Trade) (*Trade, error) {
	out, err := s.toDTOs(ctx, []store.Trade{*t})
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}

// toDTOs renders trades with their cashier account, store name and original order number.
func (s *Service) toDTOs(ctx context.Context, ts []store.Trade) ([]Trade, error) {
	if len(ts) == 0 {
		return []Trade{}, nil
	}
	cashiers, stores, origs := map[uint]string{}, map[uint]string{}, map[uint]string{}
	var cIDs, sIDs, oIDs []uint
	for _, t := range ts {
		cIDs, sIDs = append(cIDs, t.CashierID), append(sIDs, t.StoreID)
		if t.OrigTradeID != nil {
			oIDs = append(oIDs, *t.OrigTradeID)
		}
	}
	var cs []store.Cashier
	var ss []store.Store
	var os []store.Trade
	db := s.db.WithContext(ctx)
	if err := errors.Join(db.Select("id", "account").Find(&cs, cIDs).Error,
		db.Select("id", "name").Find(&ss, sIDs).Error, findOrigs(db, oIDs, &os)); err != nil {
		return nil, s.internal("load trade details", err)
	}
	for _, c := range cs {
		cashiers[c.ID] = c.Account
	}
	for _, st := range ss {
		stores[st.ID] = st.Name
	}
	for _, o := range os {
		origs[o.ID] = o.ReqSN
	}
	out := make([]Trade, len(ts))
	for i, t := range ts {
		out[i] = Trade{ID: t.ID, ReqSN: t.ReqSN, Kind: t.Kind, Status: t.Status, Amount: t.Amount,
			RefundedAmount: t.RefundedAmount, Channel: t.Channel, Source: t.Source, TrxID: t.TrxID,
			ChnlTrxID: t.ChnlTrxID, TrxCode: t.TrxCode, ErrMsg: t.ErrMsg, Queries: t.Queries, CashierAccount: cashiers[t.CashierID],
			StoreName: stores[t.StoreID], CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt}
		if t.CodeLast4 != "" {
			out[i].CodeMasked = "****" + t.CodeLast4
		}
		if t.OrigTradeID != nil {
			out[i].OrigReqSN = origs[*t.OrigTradeID]
		}
		if t.CashierAccount != "" {
			out[i].CashierAccount = t.CashierAccount // copied at creation: survives a deleted account
		}
	}
	return out, nil
}

// findOrigs loads the original trades of reversals (none when ids is empty).
func findOrigs(db *gorm.DB, ids []uint, out *[]store.Trade) error {
	if len(ids) == 0 {
		return nil
	}
	return db.Select("id", "req_sn").Find(out, ids).Error
}
