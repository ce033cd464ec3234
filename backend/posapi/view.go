package posapi

import (
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// States of a Payment.
const (
	StateAwaitingCode = "awaiting_code" // the quick-pay dialog waits for the customer's code
	StateProcessing   = "processing"    // charging, or the bank has not decided yet
	StatePaid         = "paid"          // paid (see trade.refundedAmount for refunds)
	StateFailed       = "failed"        // declined or refused; nothing charged
	StateClosed       = "closed"        // closed unpaid (撤销本笔, or the wait ran out)
	StateCancelled    = "cancelled"     // paid, then voided in full
	StateUnknown      = "unknown"       // unresolved after every rule: the cashier must check (待确认)
)

// Payment is an order as the POS sees it.
type Payment struct {
	OutTradeNo string        `json:"outTradeNo"`
	Amount     int64         `json:"amount"` // fen
	State      string        `json:"state"`
	Attempt    int           `json:"attempt"`
	ErrorCode  string        `json:"errorCode,omitempty"` // why the last attempt got no trade
	Trade      *TradeSummary `json:"trade,omitempty"`
}

// Final reports whether the payment's state will not change without a new request.
func (p Payment) Final() bool { return p.State != StateProcessing && p.State != StateAwaitingCode }

// TradeSummary is the platform's trade of a payment or refund, without the code.
type TradeSummary struct {
	ReqSN          string    `json:"reqsn"`
	Kind           string    `json:"kind"`
	Status         string    `json:"status"`
	Amount         int64     `json:"amount"`
	RefundedAmount int64     `json:"refundedAmount"`
	Channel        string    `json:"channel"`
	TrxID          string    `json:"trxid,omitempty"`
	ErrMsg         string    `json:"errmsg,omitempty"`
	CreatedAt      time.Time `json:"createdAt"`
	UpdatedAt      time.Time `json:"updatedAt"`
}

// summary is t without what the POS does not need.
func summary(t *platform.Trade) *TradeSummary {
	if t == nil {
		return nil
	}
	return &TradeSummary{ReqSN: t.ReqSN, Kind: t.Kind, Status: t.Status, Amount: t.Amount,
		RefundedAmount: t.RefundedAmount, Channel: t.Channel, TrxID: t.TrxID, ErrMsg: t.ErrMsg,
		CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt}
}

// view is ord as a Payment: its state follows the trade, or the charge in progress.
func view(ord Order, t *platform.Trade, running bool) Payment {
	p := Payment{OutTradeNo: ord.OutTradeNo, Amount: ord.Amount, Attempt: ord.Attempt,
		ErrorCode: ord.ErrorCode, Trade: summary(t)}
	switch {
	case running:
		p.State = StateProcessing
	case t != nil:
		p.State = stateOf(domain.TradeStatus(t.Status))
	case ord.ErrorCode == string(domain.CodePayUnsure):
		p.State = StateUnknown // no answer from the platform: a resend with the same code is safe
	case ord.ErrorCode != "":
		p.State = StateFailed
	case ord.CodeHash != "":
		p.State = StateProcessing // written, its charge cut short (the app stopped): resend it
	default:
		p.State = StateAwaitingCode
	}
	return p
}

// stateOf maps a trade status to a Payment state.
func stateOf(st domain.TradeStatus) string {
	switch st {
	case domain.StatusSuccess:
		return StatePaid
	case domain.StatusFailed:
		return StateFailed
	case domain.StatusClosed:
		return StateClosed
	case domain.StatusCancelled:
		return StateCancelled
	case domain.StatusUnknown:
		return StateUnknown
	}
	return StateProcessing
}
