package store

import "time"

// ReconcileRun is one reconciliation (对账) of a merchant's business day against the
// acquirer's statement: one row per merchant and day, updated when the day is run again.
type ReconcileRun struct {
	ID         uint      `gorm:"primaryKey"`
	MerchantID uint      `gorm:"uniqueIndex:idx_reconcile_day,priority:1;not null"`
	Day        string    `gorm:"size:10;uniqueIndex:idx_reconcile_day,priority:2;not null"` // yyyy-MM-dd, shop time
	Status     string    `gorm:"size:12;not null"`                                          // running, done or failed
	ErrorCode  string    `gorm:"size:32"`                                                   // why it failed (a domain code)
	Error      string    `gorm:"size:200"`                                                  // for the log and the admin
	BankRows   int       `gorm:"not null"`                                                  // lines in the statement
	LocalRows  int       `gorm:"not null"`                                                  // our trades of the day
	Matched    int       `gorm:"not null"`                                                  // pairs that agree
	StartedAt  time.Time `gorm:"not null"`
	FinishedAt *time.Time
}

// ReconcileDiff is one difference a run found. Kind is only_bank, only_local, amount_differs
// or status_differs; Resolved is set when a query settled our trade so that it agrees.
type ReconcileDiff struct {
	ID          uint   `gorm:"primaryKey"`
	RunID       uint   `gorm:"index;not null"`
	MerchantID  uint   `gorm:"index:idx_reconcile_open,priority:1;not null"`
	Kind        string `gorm:"size:16;not null"`
	ReqSN       string `gorm:"size:32"`
	TrxID       string `gorm:"size:32"`
	TradeID     *uint  `gorm:"index"` // our trade, NULL for only_bank
	TradeKind   string `gorm:"size:8"`
	BankAmount  int64  // fen, 0 for only_local
	LocalAmount int64  // fen, 0 for only_bank
	BankStatus  string `gorm:"size:12"` // trxstatus in the statement
	LocalStatus string `gorm:"size:12"` // our status when found (domain.TradeStatus)
	TrxCode     string `gorm:"size:32"`
	BankTime    string `gorm:"size:14"`
	Resolved    bool   `gorm:"index:idx_reconcile_open,priority:2;not null"`
	Note        string `gorm:"size:32"` // a code: how it was resolved, or why it needs a person
	CreatedAt   time.Time
}
