package posapi

import (
	"log/slog"
	"sync"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// Till is the terminal the POS API takes payments on; the desktop's services implement it with
// the cashier's session, the payment slot and the quick-pay dialog, so the POS gets no more
// than the terminal already allows.
type Till interface {
	// PayLimit is the terminal's single-payment limit in fen.
	PayLimit() (int64, error)
	// Charge takes in.Amount from the payment code in.AuthCode as the pay screen does (holding
	// the payment slot, waiting for the outcome, reporting it); in.RequestID is set. A declined
	// payment returns its failed trade together with the reason.
	Charge(in platform.PayInput) (*platform.Trade, error)
	// Offer opens the quick-pay dialog with the order's amount, for the customer's code to
	// come from the scanner box or the keyboard.
	Offer(outTradeNo string, amount int64)
	// Trade returns trade id as it stands now.
	Trade(id uint) (*platform.Trade, error)
	// Refund refunds a payment; in carries the admin password and a request id.
	Refund(in platform.ReverseInput) (*platform.Trade, error)
}

// Errors of the POS API (the codes are in the OpenAPI description).
var (
	errAmountMismatch = domain.Errorf(domain.CodeConflict, "此订单号已用于另一金额的收款")
	errNoOrder        = domain.Errorf(domain.CodeNotFound, "没有此订单号的收款")
	errBusyOrder      = domain.Errorf(domain.CodePayInFlight, "此订单正在收款，请等待结果")
	errOrderSettled   = domain.Errorf(domain.CodeConflict, "此订单已收款或正在确认结果，请勿重复收款")
	errRefundReused   = domain.Errorf(domain.CodeConflict, "此退款单号已用于另一金额的退款")
	errNotPaid        = domain.Errorf(domain.CodeReverseNotAllowed, "此订单没有成功的收款，不能退款")
)

// Book decides, per order number, whether a request charges, opens the dialog, or only
// answers what is already there. Its decisions are serialised, and the order is written
// before any charge, so concurrent duplicates give exactly one charge.
type Book struct {
	orders *Orders
	till   Till
	log    *slog.Logger

	mu       sync.Mutex
	charging map[string]bool // orders whose charge is running
	changed  chan struct{}   // closed (and replaced) whenever an order changes
}

// NewBook keeps orders in o and charges on till.
func NewBook(o *Orders, till Till, log *slog.Logger) *Book {
	if log == nil {
		log = slog.Default()
	}
	return &Book{orders: o, till: till, log: log, charging: map[string]bool{}, changed: make(chan struct{})}
}

// Pay is a POS's payment request: with code it charges at once (in the background; follow it
// with Get), without it opens the quick-pay dialog. created is true for a new order number.
func (b *Book) Pay(no string, amount int64, code string) (p Payment, created bool, err error) {
	b.mu.Lock()
	ord, created, start, err := b.decide(no, amount, code)
	b.mu.Unlock()
	if err != nil {
		return Payment{}, false, err
	}
	if start && code != "" {
		go b.charge(ord, code)
	} else if start {
		b.till.Offer(ord.OutTradeNo, ord.Amount)
	}
	p, err = b.Get(no)
	return p, created, err
}

// PayOffered charges the code the customer showed in the quick-pay dialog for order no, at the
// order's own amount, and returns the trade as the pay screen would.
func (b *Book) PayOffered(no, code string) (*platform.Trade, error) {
	b.mu.Lock()
	ord, found, err := b.orders.Get(no)
	if err == nil && !found {
		err = errNoOrder
	}
	start, running := false, b.charging[no]
	if err == nil {
		ord, _, start, err = b.decide(no, ord.Amount, code)
	}
	b.mu.Unlock()
	switch {
	case err != nil:
		return nil, err
	case !start && running:
		return nil, errBusyOrder
	case !start:
		return nil, errOrderSettled
	}
	return b.charge(ord, code)
}

// decide finds or writes order no (the caller holds mu) and says whether to start: a charge
// when code is set, else the dialog. It starts nothing while a charge runs, or while the current
// attempt's trade is paid or unresolved; after a declined or closed trade a new code (or the
// dialog) starts the next attempt, while the same code only answers the decline again.
func (b *Book) decide(no string, amount int64, code string) (ord Order, created, start bool, err error) {
	ord = Order{OutTradeNo: no, Amount: amount, Attempt: 1}
	if created, err = b.orders.Create(&ord); err != nil {
		return ord, false, false, err
	}
	if !created {
		if ord, _, err = b.orders.Get(no); err != nil {
			return ord, false, false, err
		}
	}
	if ord.Amount != amount {
		return ord, false, false, errAmountMismatch.With("amount", ord.Amount)
	}
	if b.charging[no] {
		return ord, created, false, nil
	}
	if ord.TradeID != 0 {
		t, err := b.till.Trade(ord.TradeID)
		if err != nil {
			return ord, created, false, err
		}
		st := domain.TradeStatus(t.Status)
		if st != domain.StatusFailed && st != domain.StatusClosed || code != "" && hashCode(code) == ord.CodeHash {
			return ord, created, false, nil
		}
		ord.Attempt, ord.TradeID, ord.CodeHash, ord.ErrorCode = ord.Attempt+1, 0, "", ""
	}
	if code == "" {
		return ord, created, true, b.orders.Save(&ord)
	}
	ord.CodeHash, ord.ErrorCode = hashCode(code), ""
	if err := b.orders.Save(&ord); err != nil {
		return ord, created, false, err
	}
	b.charging[no] = true
	return ord, created, true, nil
}

// charge sends the order's current attempt and records its trade (or why there is none).
// Without a trade the attempt is kept: its request id makes a resend safe.
func (b *Book) charge(ord Order, code string) (*platform.Trade, error) {
	t, err := b.till.Charge(platform.PayInput{Amount: ord.Amount, AuthCode: code,
		Source: string(domain.SourcePOS), RequestID: ord.RequestID()})
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.charging, ord.OutTradeNo)
	ord.ErrorCode = ""
	if t != nil {
		ord.TradeID = t.ID
	} else if err != nil {
		ord.ErrorCode = string(domain.CodeOf(err))
	}
	if serr := b.orders.Save(&ord); serr != nil {
		b.log.Error("posapi: order not saved after its charge", "order", ord.OutTradeNo, "trade", ord.TradeID, "err", serr)
	}
	b.log.Info("posapi: charged", "order", ord.OutTradeNo, "attempt", ord.Attempt, "trade", ord.TradeID, "err", err)
	close(b.changed)
	b.changed = make(chan struct{})
	return t, err
}

// Get returns order no as it stands, with its trade fetched from the platform.
func (b *Book) Get(no string) (Payment, error) {
	b.mu.Lock()
	ord, found, err := b.orders.Get(no)
	running := b.charging[no]
	b.mu.Unlock()
	if err != nil {
		return Payment{}, err
	}
	if !found {
		return Payment{}, errNoOrder
	}
	var t *platform.Trade
	if ord.TradeID != 0 {
		if t, err = b.till.Trade(ord.TradeID); err != nil {
			return Payment{}, err
		}
	}
	return view(ord, t, running), nil
}

// Changed returns a channel closed at the next change of any order's charge.
func (b *Book) Changed() <-chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.changed
}

// Refund refunds amount of order no's payment; refundNo is the POS's own number for the refund,
// so a retried refund returns the first one and a reused number with another amount is refused.
func (b *Book) Refund(no, refundNo string, amount int64, adminPassword string) (*platform.Trade, error) {
	p, err := b.Get(no)
	if err != nil {
		return nil, err
	}
	if p.Trade == nil || p.Trade.Status != string(domain.StatusSuccess) {
		return nil, errNotPaid
	}
	t, err := b.till.Refund(platform.ReverseInput{TradeNo: p.Trade.ReqSN, Amount: amount,
		AdminPassword: adminPassword, RequestID: requestID("posr", no+"/"+refundNo, 1)})
	if e := domain.AsError(err); err != nil && e.Field == "requestId" {
		return nil, errRefundReused
	}
	return t, err
}
