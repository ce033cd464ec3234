package platform

import (
	"context"
	"time"

	"xiaotongfu/backend/store"
)

// AuditReconcile records a reconciliation an admin ran by hand.
const AuditReconcile = "reconcile.run"

// Kinds of a reconciliation difference.
const (
	DiffOnlyBank      = "only_bank"      // in the statement, not here
	DiffOnlyLocal     = "only_local"     // here (paid or still open), not in the statement
	DiffAmountDiffers = "amount_differs" // both have it, with different amounts
	DiffStatusDiffers = "status_differs" // both have it, one settled and the other not
)

// Notes on a difference: how it was resolved, or why it waits for a person.
const (
	NoteQueryFixed = "query_fixed" // a query settled our trade and it now agrees
	NoteInFlight   = "in_flight"   // our trade is still being queried by its driver
	NoteNeedsAdmin = "needs_admin" // nothing automatic can settle it
)

// Run states and the codes of a failed run.
const (
	RunNone      = "none"
	RunRunning   = "running"
	RunDone      = "done"
	RunFailed    = "failed"
	RunNoGateway = "gateway_unavailable" // no acquirer client for the merchant
	RunRefused   = "statement_refused"   // the acquirer did not accept the request
	RunMalformed = "statement_malformed" // the file could not be read in full
	RunUnreached = "statement_unavailable"
)

// ReconcileOptions configure the daily reconciliation (对账) against the acquirer's statement.
type ReconcileOptions struct {
	// Enabled runs it in the background (Start): every Every, each merchant whose previous
	// day (shop time) has no finished run gets one, once the shop's clock is past Hour.
	Enabled bool
	Hour    int           // 0–23; the statement of a day is fetched at or after this hour of the next
	Every   time.Duration // how often the background loop looks; 10 min when zero
}

// DefaultReconcileHour is when yesterday's statement is fetched unless configured.
const DefaultReconcileHour = 10

// ReconcileAPI is the admin's view of reconciliation (issue 12; see docs/reconciliation.md).
type ReconcileAPI interface {
	// Reconciliation reports a day (yyyy-MM-dd; the latest run when empty) of the merchant.
	Reconciliation(ctx context.Context, creds Creds, day string) (*ReconcileReport, error)
	// Reconcile runs a day (yesterday when empty) now and reports it; audited.
	Reconcile(ctx context.Context, creds Creds, day string) (*ReconcileReport, error)
	// ReconcileOpen counts the merchant's unresolved differences (the badge).
	ReconcileOpen(ctx context.Context, creds Creds) (*ReconcileCount, error)
}

// ReconcileReport is one day's reconciliation. Status is none, running, done or failed;
// ErrorCode says why a run failed (RunRefused …). Money is fen.
type ReconcileReport struct {
	Day        string          `json:"day"`
	Status     string          `json:"status"`
	ErrorCode  string          `json:"errorCode,omitempty"`
	BankRows   int             `json:"bankRows"`
	LocalRows  int             `json:"localRows"`
	Matched    int             `json:"matched"`
	StartedAt  *time.Time      `json:"startedAt,omitempty"`
	FinishedAt *time.Time      `json:"finishedAt,omitempty"`
	Diffs      []ReconcileDiff `json:"diffs"`
	Open       int64           `json:"open"` // unresolved differences of every day
}

// ReconcileDiff is one difference. Kind is DiffOnlyBank …; Note is NoteQueryFixed ….
type ReconcileDiff struct {
	ID          uint   `json:"id"`
	Kind        string `json:"kind"`
	ReqSN       string `json:"reqsn"`
	TrxID       string `json:"trxid"`
	TradeKind   string `json:"tradeKind"`
	BankAmount  int64  `json:"bankAmount"`
	LocalAmount int64  `json:"localAmount"`
	BankStatus  string `json:"bankStatus"`
	LocalStatus string `json:"localStatus"`
	TrxCode     string `json:"trxCode"`
	BankTime    string `json:"bankTime"`
	Resolved    bool   `json:"resolved"`
	Note        string `json:"note"`
}

// ReconcileCount is the number of unresolved differences.
type ReconcileCount struct {
	Open int64 `json:"open"`
}

// reconciler runs and reports reconciliations; Service holds one and checks the caller.
type reconciler struct {
	s    *Service
	opts ReconcileOptions
}

// Reconciliation implements ReconcileAPI.
func (s *Service) Reconciliation(ctx context.Context, creds Creds, day string) (*ReconcileReport, error) {
	c, err := s.reconcileCaller(ctx, creds, "查看对账结果")
	if err != nil {
		return nil, err
	}
	return s.recon.report(ctx, c.Merchant.ID, day)
}

// Reconcile implements ReconcileAPI.
func (s *Service) Reconcile(ctx context.Context, creds Creds, day string) (*ReconcileReport, error) {
	c, err := s.reconcileCaller(ctx, creds, "对账")
	if err != nil {
		return nil, err
	}
	if day == "" {
		day = s.recon.yesterday()
	}
	if _, _, err := s.dayRange(day); err != nil {
		return nil, err
	}
	runErr := s.recon.run(ctx, &c.Merchant, day)
	s.auditCaller(ctx, c, AuditReconcile, "对账 "+day, runErr == nil)
	if runErr != nil {
		return nil, runErr
	}
	return s.recon.report(ctx, c.Merchant.ID, day)
}

// ReconcileOpen implements ReconcileAPI.
func (s *Service) ReconcileOpen(ctx context.Context, creds Creds) (*ReconcileCount, error) {
	c, err := s.reconcileCaller(ctx, creds, "查看对账结果")
	if err != nil {
		return nil, err
	}
	n, err := s.recon.open(ctx, c.Merchant.ID)
	if err != nil {
		return nil, err
	}
	return &ReconcileCount{Open: n}, nil
}

// reconcileCaller resolves creds to an admin.
func (s *Service) reconcileCaller(ctx context.Context, creds Creds, what string) (*Caller, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	if err := s.requireAdmin(ctx, c, what); err != nil {
		return nil, err
	}
	return c, nil
}

// diffDTO renders a stored difference.
func diffDTO(d store.ReconcileDiff) ReconcileDiff {
	return ReconcileDiff{ID: d.ID, Kind: d.Kind, ReqSN: d.ReqSN, TrxID: d.TrxID, TradeKind: d.TradeKind,
		BankAmount: d.BankAmount, LocalAmount: d.LocalAmount, BankStatus: d.BankStatus, LocalStatus: d.LocalStatus,
		TrxCode: d.TrxCode, BankTime: d.BankTime, Resolved: d.Resolved, Note: d.Note}
}
