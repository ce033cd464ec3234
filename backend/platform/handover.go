package platform

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// Handover is one shift of a cashier on a terminal (交接班), as closed by Handover or as
// HandoverPreview says it would be. Money is fen.
type Handover struct {
	No        string       `json:"no"`  // 交接班单号; empty in a preview
	Seq       int          `json:"seq"` // 1, 2, … per terminal and cashier
	TermNo    string       `json:"termNo"`
	Cashier   string       `json:"cashier"` // the cashier's account
	StoreName string       `json:"storeName"`
	From      time.Time    `json:"from"` // the previous handover's To, or the cashier's first trade here
	To        time.Time    `json:"to"`
	Sums      HandoverSums `json:"sums"`
}

// HandoverSums is what a shift reports: the trades that became final since the previous
// handover (counted), and the ones still open (named, not counted).
type HandoverSums struct {
	PayCount     int64             `json:"payCount"` // successful payments, including ones later voided
	PayAmount    int64             `json:"payAmount"`
	CancelCount  int64             `json:"cancelCount"` // successful voids (撤销)
	CancelAmount int64             `json:"cancelAmount"`
	RefundCount  int64             `json:"refundCount"` // successful refunds (退货)
	RefundAmount int64             `json:"refundAmount"`
	FailedCount  int64             `json:"failedCount"` // attempts that ended failed or closed: nothing moved
	NetAmount    int64             `json:"netAmount"`   // payments minus voids minus refunds
	ByChannel    []HandoverChannel `json:"byChannel"`
	// Open are the trades not final at To (待确认, 支付中): they are not counted here; the first
	// handover after they settle counts them and lists them in Late.
	Open []HandoverTrade `json:"open"`
	// Late are trades the previous handover listed as open that settled since: counted here.
	Late []HandoverTrade `json:"late"`
}

// HandoverChannel is one channel's share of a shift.
type HandoverChannel struct {
	Channel       string `json:"channel"`
	PayCount      int64  `json:"payCount"`
	PayAmount     int64  `json:"payAmount"`
	ReverseCount  int64  `json:"reverseCount"` // voids and refunds
	ReverseAmount int64  `json:"reverseAmount"`
	NetAmount     int64  `json:"netAmount"`
}

// HandoverTrade names one trade in a handover's Open or Late list.
type HandoverTrade struct {
	ReqSN     string    `json:"reqsn"`
	Kind      string    `json:"kind"`
	Status    string    `json:"status"`
	Amount    int64     `json:"amount"`
	Channel   string    `json:"channel"`
	CreatedAt time.Time `json:"createdAt"`
}

// HandoverFilter narrows the handover list. Day (yyyy-MM-dd, by To) is every day when empty;
// Account is one cashier's (admins only; a cashier may name only themself).
type HandoverFilter struct {
	Day     string `json:"day"`
	Account string `json:"account"`
	Offset  int    `json:"offset"`
	Limit   int    `json:"limit"`
}

// HandoverPage is one page of handovers plus the total count.
type HandoverPage struct {
	Handovers []Handover `json:"handovers"`
	Total     int64      `json:"total"`
}

// HandoverPreview implements HandoverAPI.
func (s *Service) HandoverPreview(ctx context.Context, creds Creds) (*Handover, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	to, err := s.dbNow(ctx)
	if err != nil {
		return nil, s.internal("handover preview", err)
	}
	sh, err := s.readShift(s.db.WithContext(ctx), c, to)
	if err != nil {
		return nil, s.internal("handover preview", err)
	}
	h := shiftDTO(sh, "")
	return h, s.nameStores(ctx, []*Handover{h}, []uint{c.Terminal.StoreID})
}

// handoverTries bounds how often Handover starts again after a concurrent handover of the
// same cashier and terminal closed the shift first.
const handoverTries = 5

var errHandoverBusy = domain.Errorf(domain.CodeConflict, "另一次交接班正在进行，请稍后再试")

// Handover implements HandoverAPI. Two at once for the same cashier and terminal chain: the
// unique (terminal, cashier, seq) key lets one close the shift, the other starts again after
// it (an empty shift from its To), or says CodeConflict after handoverTries.
func (s *Service) Handover(ctx context.Context, creds Creds) (*Handover, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	for try := 1; ; try++ {
		h, err := s.closeShift(ctx, c)
		if err == nil {
			s.log.Info("platform: handover", "no", h.No, "trades", h.Sums.PayCount+h.Sums.CancelCount+h.Sums.RefundCount, "open", len(h.Sums.Open))
			return h, s.nameStores(ctx, []*Handover{h}, []uint{c.Terminal.StoreID})
		}
		if !errors.Is(err, errShiftRace) {
			return nil, s.internal("handover", err)
		}
		if try == handoverTries {
			return nil, errHandoverBusy
		}
	}
}

// Handovers implements HandoverAPI.
func (s *Service) Handovers(ctx context.Context, creds Creds, f HandoverFilter) (*HandoverPage, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	q := s.db.WithContext(ctx).Model(&store.Handover{}).Where("merchant_id = ?", c.Merchant.ID)
	if c.IsAdmin() {
		q = q.Where("store_id = ?", c.Terminal.StoreID)
		if f.Account != "" {
			q = q.Where("cashier_account = ?", f.Account)
		}
	} else {
		if f.Account != "" && f.Account != c.Cashier.Account {
			return nil, domain.Errorf(domain.CodeForbidden, "收银员只能查看自己的交接班记录")
		}
		q = q.Where("cashier_id = ?", c.Cashier.ID)
	}
	if f.Day != "" {
		from, to, err := s.dayRange(f.Day)
		if err != nil {
			return nil, err
		}
		q = q.Where("to_time >= ? AND to_time < ?", from, to)
	}
	page := &HandoverPage{Handovers: []Handover{}}
	if err := q.Count(&page.Total).Error; err != nil {
		return nil, s.internal("count handovers", err)
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	var rows []store.Handover
	if err := q.Order("to_time DESC, id DESC").Offset(max(f.Offset, 0)).Limit(limit).Find(&rows).Error; err != nil {
		return nil, s.internal("list handovers", err)
	}
	return page, s.handoverDTOs(ctx, rows, page)
}

// handoverDTOs renders rows into page with their store names.
func (s *Service) handoverDTOs(ctx context.Context, rows []store.Handover, page *HandoverPage) error {
	page.Handovers = make([]Handover, len(rows))
	ptrs := make([]*Handover, len(rows))
	ids := make([]uint, len(rows))
	for i, r := range rows {
		page.Handovers[i] = Handover{No: r.No, Seq: r.Seq, TermNo: r.TermNo, Cashier: r.CashierAccount,
			From: r.FromTime, To: r.ToTime}
		if err := json.Unmarshal([]byte(r.Sums), &page.Handovers[i].Sums); err != nil {
			return s.internal("read handover "+r.No, err)
		}
		ptrs[i], ids[i] = &page.Handovers[i], r.StoreID
	}
	return s.nameStores(ctx, ptrs, ids)
}

// nameStores sets hs[i].StoreName to the name of store ids[i].
func (s *Service) nameStores(ctx context.Context, hs []*Handover, ids []uint) error {
	if len(ids) == 0 {
		return nil
	}
	var ss []store.Store
	if err := s.db.WithContext(ctx).Select("id", "name").Find(&ss, ids).Error; err != nil {
		return s.internal("load store names", err)
	}
	names := map[uint]string{}
	for _, st := range ss {
		names[st.ID] = st.Name
	}
	for i, h := range hs {
		h.StoreName = names[ids[i]]
	}
	return nil
}
