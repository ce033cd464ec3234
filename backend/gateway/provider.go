// Package gateway defines how 小通付 talks to an acquirer: the Provider interface with typed
// requests and results, and the three error kinds a caller must tell apart.
//
// Amounts are int64 fen. A processing trade (trxstatus 2000/2008) is a State, not an error.
package gateway

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Provider is an acquirer API for 被扫 (merchant scans the customer's code) payments.
//
// Every method returns a verified *Result and a nil error when the trade is a success,
// processing (2000/2008), not found (1001) or in a state the status does not settle
// (StateUnknown: 3888, 3089, any odd code). A final business failure (3xxx) returns the
// *Result together with an *ErrFailed. ErrNotAccepted and ErrUnknown come with a nil Result.
type Provider interface {
	// Pay charges a payment code (unitorder/scanqrpay).
	Pay(ctx context.Context, req PayRequest) (*Result, error)
	// Query asks for the state of a pay, cancel or refund trade (tranx/query).
	Query(ctx context.Context, req QueryRequest) (*Result, error)
	// Cancel voids a same-day trade for its full amount (tranx/cancel).
	Cancel(ctx context.Context, req ReverseRequest) (*Result, error)
	// Refund returns part or all of a paid trade (tranx/refund).
	Refund(ctx context.Context, req ReverseRequest) (*Result, error)
	// Close closes an unpaid processing trade (tranx/close).
	Close(ctx context.Context, req CloseRequest) (*Result, error)
	// Statement downloads the merchant's daily statement (对账单, trxfile/get) of one China
	// business day, yyyyMMdd.
	Statement(ctx context.Context, date string) (*Statement, error)
}

// PayRequest is one 被扫 payment attempt. ReqSN is generated once and stored before sending.
type PayRequest struct {
	ReqSN    string // our order number, ≤32 chars, unique per merchant
	Amount   int64  // fen, > 0
	AuthCode string // the customer's payment code
	Body     string // optional order title
	Remark   string // optional remark
	TermNo   string // optional terminal number for terminfo; the client's configured one when empty
}

// QueryRequest names a trade by our ReqSN or the acquirer's TrxID (TrxID wins when both are set).
type QueryRequest struct {
	ReqSN string
	TrxID string
}

// ReverseRequest is a cancel or refund: a new ReqSN of its own, the amount, and the original trade.
type ReverseRequest struct {
	ReqSN    string
	Amount   int64 // fen; the full original amount for a cancel
	OldReqSN string
	OldTrxID string
	Remark   string
}

// CloseRequest names the processing trade to close.
type CloseRequest struct {
	OldReqSN string
	OldTrxID string
}

// State is what a trxstatus means for the caller.
type State int

const (
	// StateSuccess is trxstatus 0000.
	StateSuccess State = iota + 1
	// StateProcessing is 2000 or 2008: query again later.
	StateProcessing
	// StateNotFound is 1001: the acquirer has no such trade (yet).
	StateNotFound
	// StateFailed is a final business failure: 3 and three digits, except the codes of
	// StateUnknown. See ErrMsg.
	StateFailed
	// StateUnknown is a status that does not settle the trade: 3888 (duplicate reqsn, query
	// the original), 3089 (cancel abnormal, query and alert) or a code outside the documented
	// families. The caller must query by reqsn; it must never treat it as a failure.
	StateUnknown
)

// String names the state for logs.
func (s State) String() string {
	switch s {
	case StateSuccess:
		return "success"
	case StateProcessing:
		return "processing"
	case StateNotFound:
		return "notfound"
	case StateFailed:
		return "failed"
	case StateUnknown:
		return "unknown"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// StateOf maps a trxstatus code to a State.
func StateOf(trxstatus string) State {
	switch trxstatus {
	case "0000":
		return StateSuccess
	case "2000", "2008":
		return StateProcessing
	case "1001":
		return StateNotFound
	case "3888", "3089":
		return StateUnknown
	}
	if len(trxstatus) == 4 && trxstatus[0] == '3' && strings.Trim(trxstatus, "0123456789") == "" {
		return StateFailed
	}
	return StateUnknown
}

// Result is a verified, accepted (retcode SUCCESS) response.
type Result struct {
	TrxStatus string // raw trxstatus, e.g. "0000", "2008", "3088"
	State     State
	TrxID     string // acquirer serial number
	ChnlTrxID string // WeChat / Alipay order number
	ReqSN     string
	TrxCode   string // VSP501 etc.
	Amount    int64  // trxamt, fen (0 when absent)
	InitAmt   int64  // initamt, fen (0 when absent)
	Fee       int64  // fee, fen (0 when absent)
	FinTime   string // yyyyMMddHHmmss
	Acct      string // payer id
	ErrMsg    string
	Fields    map[string]string // every received field with its exact text, sign included
}

// ErrNotAccepted reports that the acquirer did not accept the request
// (retcode FAIL, PARAMERR or SIGNAUTHERR). Nothing was charged by this request,
// though under version 11 FAIL is generic, so a pay should still be queried once.
type ErrNotAccepted struct {
	RetCode string
	RetMsg  string
	Local   bool // true when the client refused the request itself and sent nothing
}

func (e *ErrNotAccepted) Error() string {
	if e.Local {
		return fmt.Sprintf("gateway: not sent, bad request: %s", e.RetMsg)
	}
	return fmt.Sprintf("gateway: not accepted: %s %s", e.RetCode, e.RetMsg)
}

// ErrUnknown reports that the outcome is unknown: transport error, timeout, HTTP error,
// SYSTEMERR, a body that is not a JSON object of strings, or a missing or wrong signature.
// The caller must query; it must never treat this as a failure.
type ErrUnknown struct {
	Op  string // "pay", "query", ...
	Err error
}

func (e *ErrUnknown) Error() string {
	return fmt.Sprintf("gateway: %s: outcome unknown: %v", e.Op, e.Err)
}

// Unwrap returns the cause.
func (e *ErrUnknown) Unwrap() error { return e.Err }

// ErrFailed reports a final business failure (StateFailed: trxstatus 3xxx).
// Result holds the verified response.
type ErrFailed struct {
	Result *Result
}

func (e *ErrFailed) Error() string {
	return fmt.Sprintf("gateway: trade failed: %s %s", e.Result.TrxStatus, e.Result.ErrMsg)
}

// IsUnknown reports whether err means the outcome is unknown.
func IsUnknown(err error) bool {
	var u *ErrUnknown
	return errors.As(err, &u)
}

// IsNotAccepted reports whether err means the request was not accepted.
func IsNotAccepted(err error) bool {
	var n *ErrNotAccepted
	return errors.As(err, &n)
}

// AsFailed returns the business failure in err, if any.
func AsFailed(err error) (*ErrFailed, bool) {
	var f *ErrFailed
	ok := errors.As(err, &f)
	return f, ok
}
