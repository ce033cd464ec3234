package store

import "time"

// Merchant is a shop's Allinpay merchant (商户号) as the platform knows it.
type Merchant struct {
	ID         uint   `gorm:"primaryKey"`
	MerchantNo string `gorm:"size:32;uniqueIndex;not null"` // what the shop types at initialisation
	Name       string `gorm:"size:100;not null"`
	Phone      string `gorm:"size:20;not null"` // registered phone; SMS codes go here
	CusID      string `gorm:"size:15"`          // Allinpay cusid (defaults to MerchantNo)
	AppID      string `gorm:"size:8"`           // Allinpay appid
	PayLimit   int64  // single-payment limit in fen; 0 means domain.DefaultPayLimit
	CreatedAt  time.Time
}

// Store is one shop (门店) of a merchant.
type Store struct {
	ID         uint   `gorm:"primaryKey"`
	MerchantID uint   `gorm:"index;not null"`
	Name       string `gorm:"size:100;not null"`
	Address    string `gorm:"size:200"`
	CreatedAt  time.Time
}

// Terminal is one installed desktop (a PC beside a till). Its token is issued at
// initialisation and stored hashed.
type Terminal struct {
	ID         uint `gorm:"primaryKey"`
	MerchantID uint `gorm:"index;uniqueIndex:idx_terminal_machine,priority:1;not null"`
	// MachineHash is the SHA-256 of the PC's machine id (kept in its data folder): the same PC
	// initialised again for the same merchant gets this terminal back. NULL for a terminal of
	// a desktop that sent none, and once the terminal is revoked.
	MachineHash *string `gorm:"size:64;uniqueIndex:idx_terminal_machine,priority:2"`
	StoreID     uint    `gorm:"index;not null"`
	TermNo      string  `gorm:"size:8;not null"` // 8-digit terminal number sent in terminfo
	Name        string  `gorm:"size:100"`
	TokenHash   string  `gorm:"size:64;uniqueIndex;not null"`
	RevokedAt   *time.Time
	CreatedAt   time.Time
	LastSeenAt  time.Time
}

// Cashier is a login account (收银员 or 管理员) of a merchant. An account is bound to at most
// one terminal at a time (manual §2.4, §3).
type Cashier struct {
	ID              uint   `gorm:"primaryKey"`
	MerchantID      uint   `gorm:"uniqueIndex:idx_cashier_account;not null"`
	Account         string `gorm:"size:32;uniqueIndex:idx_cashier_account;not null"`
	Name            string `gorm:"size:50"`
	Phone           string `gorm:"size:20"`
	Remark          string `gorm:"size:200"`
	Role            string `gorm:"size:16;not null"` // domain.Role
	PasswordHash    string `gorm:"size:100;not null"`
	PasswordChanged bool   // false while the password is the initial one
	// MustChangePassword is set when the platform gave the account its initial password
	// (initialisation, reset): the server then allows nothing but changing it, and the
	// password cannot authorise a void or refund.
	MustChangePassword bool
	BoundTerminalID    *uint `gorm:"index"`
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// Session is a logged-in cashier on a terminal; the token is stored hashed.
type Session struct {
	ID         uint   `gorm:"primaryKey"`
	TokenHash  string `gorm:"size:64;uniqueIndex;not null"`
	CashierID  uint   `gorm:"index;not null"`
	TerminalID uint   `gorm:"index;not null"`
	ExpiresAt  time.Time
	CreatedAt  time.Time
}

// SMSCode is one verification code sent to a merchant's phone, stored hashed.
type SMSCode struct {
	ID         uint   `gorm:"primaryKey"`
	MerchantID uint   `gorm:"index;not null"`
	Purpose    string `gorm:"size:16;not null"` // "init" or "store"
	TerminalID *uint  // the terminal asking, for a store change
	Phone      string `gorm:"size:20;not null"`
	CodeHash   string `gorm:"size:64;not null"`
	Attempts   int
	ExpiresAt  time.Time
	UsedAt     *time.Time
	CreatedAt  time.Time
}

// Grant is a short-lived token proving an SMS code was verified (to pick a store next).
type Grant struct {
	ID         uint   `gorm:"primaryKey"`
	TokenHash  string `gorm:"size:64;uniqueIndex;not null"`
	MerchantID uint   `gorm:"not null"`
	Purpose    string `gorm:"size:16;not null"`
	TerminalID *uint  // set for a store change of an existing terminal
	ExpiresAt  time.Time
	UsedAt     *time.Time
}

// Captcha is an image captcha challenge; the answer is stored hashed.
type Captcha struct {
	ID         string `gorm:"primaryKey;size:32"`
	AnswerHash string `gorm:"size:64;not null"`
	CashierID  uint   // the admin it was shown to; only they may answer it
	ExpiresAt  time.Time
	UsedAt     *time.Time
}

// Notice is an announcement (公告). MerchantID nil means every merchant.
type Notice struct {
	ID          uint      `gorm:"primaryKey"`
	MerchantID  *uint     `gorm:"index"`
	Title       string    `gorm:"size:100;not null"`
	Body        string    `gorm:"type:text;not null"`
	PublishedAt time.Time `gorm:"index"`
}

// NoticeRead marks a notice as read by a cashier.
type NoticeRead struct {
	NoticeID  uint `gorm:"primaryKey"`
	CashierID uint `gorm:"primaryKey"`
	ReadAt    time.Time
}

// Audit is one admin action or failed login.
type Audit struct {
	ID         uint      `gorm:"primaryKey"`
	At         time.Time `gorm:"index"`
	MerchantID uint      `gorm:"index"`
	TerminalID uint
	CashierID  uint
	Actor      string `gorm:"size:32"` // account as typed, also for failed logins
	Action     string `gorm:"size:32;not null"`
	Detail     string `gorm:"size:500"`
	OK         bool
	Client     string `gorm:"size:64"` // the client address the request came from
}

// Throttle counts attempts of one kind under one scope (what, whose, from where) until
// WindowEnds; at a limit the scope is refused until then. See platform/throttle.go.
type Throttle struct {
	Scope      string    `gorm:"primaryKey;size:191"`
	Count      int       `gorm:"not null"`
	WindowEnds time.Time `gorm:"index;not null"`
}

// Trade is one pay, cancel or refund attempt. It is written before any request leaves the
// machine and updated as the acquirer answers.
type Trade struct {
	ID             uint   `gorm:"primaryKey"`
	MerchantID     uint   `gorm:"uniqueIndex:idx_trade_reqsn;index:idx_trade_day,priority:1;not null"`
	ReqSN          string `gorm:"size:32;uniqueIndex:idx_trade_reqsn;not null"`
	StoreID        uint   `gorm:"index;index:idx_trade_store_day,priority:1;not null"`
	TerminalID     uint   `gorm:"index;not null"`
	CashierID      uint   `gorm:"index;index:idx_trade_cashier_day,priority:1;not null"`
	CashierAccount string `gorm:"size:32"`                                                                                            // the cashier's account when the trade was made (kept if the account is deleted)
	Kind           string `gorm:"size:8;not null;index:idx_trade_store_day,priority:3;index:idx_trade_cashier_day,priority:3"`        // domain.TradeKind
	Status         string `gorm:"size:12;index;not null;index:idx_trade_store_day,priority:4;index:idx_trade_cashier_day,priority:4"` // domain.TradeStatus
	Amount         int64  `gorm:"not null;index:idx_trade_store_day,priority:6;index:idx_trade_cashier_day,priority:6"`               // fen, always positive; a refund's own amount
	RefundedAmount int64  // fen refunded or cancelled so far (pay trades)
	OrigTradeID    *uint  `gorm:"index"`                                                                               // the pay trade a cancel or refund reverses
	Channel        string `gorm:"size:12;index:idx_trade_store_day,priority:5;index:idx_trade_cashier_day,priority:5"` // domain.Channel
	Source         string `gorm:"size:8"`                                                                              // domain.AmountSource
	CodeHash       string `gorm:"size:64;index"`                                                                       // SHA-256 of the payment code: never charge a code twice
	CodeLast4      string `gorm:"size:4"`
	TrxID          string `gorm:"size:32;index"`
	ChnlTrxID      string `gorm:"size:64"`
	TrxCode        string `gorm:"size:8"`
	TrxStatus      string `gorm:"size:4"`
	ErrMsg         string `gorm:"size:200"`
	// RetCode is PARAMERR or SIGNAUTHERR when the acquirer (version 12) refused the request
	// outright: the trade fails if the acquirer still has no trace of it after the poll window.
	RetCode     string     `gorm:"size:12"`
	FinTime     string     `gorm:"size:14"`
	TrxAmt      int64      // fen the acquirer says it charged (trxamt; after discounts), 0 until known
	InitAmt     int64      // fen the acquirer says was asked (initamt), 0 until known
	Fee         int64      // the acquirer's fee in fen, 0 until known
	Remark      string     `gorm:"size:100"`
	Queries     int        // queries sent so far
	NextCheckAt *time.Time `gorm:"index"` // when the sweep should look at it again
	// InFlightTerminal is the terminal ID while a pay is created/sent/pending/closing, NULL
	// otherwise: the unique index allows one payment in flight per terminal, across processes.
	InFlightTerminal *uint `gorm:"uniqueIndex"`
	// CodeLock is CodeHash while the payment code may not be charged again, NULL once the
	// acquirer declined it outright: the unique index forbids a second pay with the same code.
	CodeLock *string `gorm:"size:64;uniqueIndex"`
	// ClientKey is "<terminal id>:<the desktop's request id>" for a pay the desktop may send
	// again after a lost answer: the unique index makes the retry find the first trade.
	ClientKey *string `gorm:"size:64;uniqueIndex"`
	// HandoverID is the handover (交接班) that reported this trade, NULL until one does: a
	// trade is claimed once, by the first handover of its cashier and terminal after it is final.
	HandoverID *uint     `gorm:"index"`
	CreatedAt  time.Time `gorm:"index:idx_trade_day,priority:2;index:idx_trade_store_day,priority:2;index:idx_trade_cashier_day,priority:2"`
	UpdatedAt  time.Time
}

// Handover is one closed shift (交接班) of a cashier on a terminal. Rows are only ever
// inserted: the unique (terminal, cashier, seq) key lets exactly one of two concurrent
// handovers close a shift; Sums is the platform's HandoverSums as JSON.
type Handover struct {
	ID             uint      `gorm:"primaryKey"`
	MerchantID     uint      `gorm:"uniqueIndex:idx_handover_no,priority:1;not null"`
	No             string    `gorm:"size:64;uniqueIndex:idx_handover_no,priority:2;not null"` // 交接班单号
	StoreID        uint      `gorm:"index;not null"`
	TerminalID     uint      `gorm:"uniqueIndex:idx_handover_seq,priority:1;not null"`
	CashierID      uint      `gorm:"uniqueIndex:idx_handover_seq,priority:2;not null"`
	Seq            int       `gorm:"uniqueIndex:idx_handover_seq,priority:3;not null"` // 1, 2, … per terminal and cashier
	CashierAccount string    `gorm:"size:32;not null"`
	TermNo         string    `gorm:"size:8;not null"`
	FromTime       time.Time `gorm:"not null"`
	ToTime         time.Time `gorm:"index;not null"`
	Sums           string    `gorm:"type:text;not null"`
	CreatedAt      time.Time
}

// All lists every model; the migrations in migrations/ build their tables (TestMigrationsMatchModels).
func All() []any {
	return []any{&Merchant{}, &Store{}, &Terminal{}, &Cashier{}, &Session{}, &SMSCode{}, &Grant{},
		&Captcha{}, &Notice{}, &NoticeRead{}, &Audit{}, &Trade{}, &Throttle{}, &Handover{},
		&ReconcileRun{}, &ReconcileDiff{}}
}
