package platform

import (
	"context"
	"time"
)

// API is everything a desktop terminal asks of the platform. *Service implements it in
// process (embedded mode); httpapi.Client implements it over HTTP against xtfd. Rules are
// enforced behind this interface, never only in the UI.
type API interface {
	TerminalAPI
	AccountAPI
	CashierAPI
	NoticeAPI
	PaymentAPI
	HandoverAPI
	ReconcileAPI
}

// Creds identify the caller: the terminal's token (issued at initialisation) and, once a
// cashier has logged in, the session token.
type Creds struct {
	TerminalToken string `json:"terminalToken"`
	SessionToken  string `json:"sessionToken,omitempty"`
}

// TerminalAPI initialises a terminal and changes its store (manual §1, §2.1).
type TerminalAPI interface {
	// RequestInitCode sends an SMS code to the merchant's registered phone.
	RequestInitCode(ctx context.Context, merchantNo string) (*SMSChallenge, error)
	// VerifyInitCode checks the code and returns a grant plus the merchant's stores.
	VerifyInitCode(ctx context.Context, merchantNo, code string) (*Grant, error)
	// CompleteInit binds this PC's terminal to the chosen store (0 when the merchant has
	// none): the terminal the PC named machineID already has with the merchant (same number,
	// a new token), or a new one. It resets the admin 01 password to the initial one (to be
	// changed at the first login) and returns the terminal token.
	CompleteInit(ctx context.Context, grantToken string, storeID uint, machineID string) (*TerminalInfo, error)
	// VerifyAdmin checks an admin password on this terminal without logging in (the login
	// screen's 连接设置); wrong passwords count as wrong logins of admin 01 here.
	VerifyAdmin(ctx context.Context, terminalToken, password string) error
	// Terminal describes the terminal behind creds (no session needed).
	Terminal(ctx context.Context, creds Creds) (*TerminalInfo, error)
	// RequestStoreChangeCode sends an SMS code for changing this terminal's store.
	RequestStoreChangeCode(ctx context.Context, creds Creds) (*SMSChallenge, error)
	// VerifyStoreChangeCode checks the code and returns a grant with the stores.
	VerifyStoreChangeCode(ctx context.Context, creds Creds, code string) (*Grant, error)
	// ChangeStore moves this terminal to another store of its merchant.
	ChangeStore(ctx context.Context, creds Creds, grantToken string, storeID uint) (*TerminalInfo, error)
	// ListTerminals lists the merchant's terminals (admins; 设置 → 终端管理).
	ListTerminals(ctx context.Context, creds Creds) ([]TerminalRow, error)
	// RevokeTerminal stops another terminal of the merchant for good (admins, audited).
	RevokeTerminal(ctx context.Context, creds Creds, termNo string) error
}

// AccountAPI logs cashiers in and out and manages their own profile (manual §2.2–2.4, §3).
type AccountAPI interface {
	Login(ctx context.Context, terminalToken, account, password string) (*SessionInfo, error)
	Logout(ctx context.Context, creds Creds) error
	Me(ctx context.Context, creds Creds) (*Profile, error)
	ChangePassword(ctx context.Context, creds Creds, oldPassword, newPassword string) error
}

// CashierAPI is the admin's cashier management (manual §8.5).
type CashierAPI interface {
	ListCashiers(ctx context.Context, creds Creds, f CashierFilter) ([]Profile, error)
	AddCashier(ctx context.Context, creds Creds, in CashierInput) (*Profile, error)
	UpdateCashier(ctx context.Context, creds Creds, account string, in CashierInput) (*Profile, error)
	NewCaptcha(ctx context.Context, creds Creds) (*Captcha, error)
	ResetPassword(ctx context.Context, creds Creds, account, captchaID, captchaAnswer string) error
	DeleteCashier(ctx context.Context, creds Creds, account string) error
}

// NoticeAPI lists announcements (manual §7).
type NoticeAPI interface {
	ListNotices(ctx context.Context, creds Creds, limit int) ([]Notice, error)
	ReadNotice(ctx context.Context, creds Creds, id uint) (*Notice, error)
}

// PaymentAPI charges, queries, voids and refunds (manual §4–6).
type PaymentAPI interface {
	// Pay persists a trade, sends it, and returns it as it stands after the first answer:
	// success, failed, or pending (the platform keeps querying; poll GetTrade).
	Pay(ctx context.Context, creds Creds, in PayInput) (*Trade, error)
	// GetTrade returns one trade of this merchant by ID (cashiers: only their own).
	GetTrade(ctx context.Context, creds Creds, id uint) (*Trade, error)
	// FindTrade returns the trade whose reqsn or trxid is tradeNo, on any day, with the
	// visibility of ListTrades (cashiers: only their own; admins: their store's).
	FindTrade(ctx context.Context, creds Creds, tradeNo string) (*Trade, error)
	// ListTrades lists trades, newest first (cashiers: only their own).
	ListTrades(ctx context.Context, creds Creds, f TradeFilter) (*TradePage, error)
	// Cancel voids a same-day payment in full; needs the admin password.
	Cancel(ctx context.Context, creds Creds, in ReverseInput) (*Trade, error)
	// Refund returns part or all of a payment; needs the admin password.
	Refund(ctx context.Context, creds Creds, in ReverseInput) (*Trade, error)
	// DayStats sums the trades of this store for one day (manual §5.3).
	DayStats(ctx context.Context, creds Creds, day string) (*DayStats, error)
	// PeriodStats is DayStats over the period, store, cashier, terminal and channel of f.
	PeriodStats(ctx context.Context, creds Creds, f TradeFilter) (*DayStats, error)
	// TradeTotals sums every trade f matches, with the visibility of ListTrades.
	TradeTotals(ctx context.Context, creds Creds, f TradeFilter) (*TradeTotals, error)
	// TradeStores lists the merchant's stores an admin may query (a cashier: forbidden).
	TradeStores(ctx context.Context, creds Creds) ([]StoreInfo, error)
	// ClosePay is 撤销本笔: it closes this terminal's pay still waiting for the customer now,
	// queries it and returns it as the state machine leaves it (paid meanwhile stays paid).
	ClosePay(ctx context.Context, creds Creds, id uint) (*Trade, error)
	// RecheckTrade asks the acquirer about an unknown trade (待确认) now; admins only, audited.
	RecheckTrade(ctx context.Context, creds Creds, id uint) (*Trade, error)
}

// HandoverAPI closes and lists shifts (交接班, issue 12; see handover.go).
type HandoverAPI interface {
	// HandoverPreview is what Handover would report now, closing nothing (the prompt).
	HandoverPreview(ctx context.Context, creds Creds) (*Handover, error)
	// Handover closes the shift of the caller's cashier on this terminal since their previous
	// handover there. It is final: a handover is never changed afterwards.
	Handover(ctx context.Context, creds Creds) (*Handover, error)
	// Handovers lists handovers, newest first: an admin sees the store's, a cashier their own.
	Handovers(ctx context.Context, creds Creds, f HandoverFilter) (*HandoverPage, error)
}

// SMSChallenge says where a code went and when another may be asked for.
type SMSChallenge struct {
	MaskedPhone string `json:"maskedPhone"` // e.g. 138****0000
	ResendAfter int    `json:"resendAfter"` // seconds
	ExpiresIn   int    `json:"expiresIn"`   // seconds
}

// Grant proves a verified SMS code; it is used once, within minutes.
type Grant struct {
	Token  string      `json:"token"`
	Stores []StoreInfo `json:"stores"`
}

// StoreInfo is a store as the desktop shows it.
type StoreInfo struct {
	ID   uint   `json:"id"`
	Name string `json:"name"`
}

// TerminalInfo describes an initialised terminal. Token is set only by CompleteInit.
type TerminalInfo struct {
	Token        string `json:"token,omitempty"`
	TermNo       string `json:"termNo"`
	MerchantNo   string `json:"merchantNo"`
	MerchantName string `json:"merchantName"`
	StoreID      uint   `json:"storeId"`
	StoreName    string `json:"storeName"`
	PayLimit     int64  `json:"payLimit"` // fen
}

// TerminalRow is one terminal of the merchant in 终端管理.
type TerminalRow struct {
	TermNo     string    `json:"termNo"`
	StoreName  string    `json:"storeName"`
	CreatedAt  time.Time `json:"createdAt"`
	LastSeenAt time.Time `json:"lastSeenAt"`
	Revoked    bool      `json:"revoked"`
	Current    bool      `json:"current"` // the terminal asking
}

// SessionInfo is a logged-in cashier.
type SessionInfo struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expiresAt"`
	Profile   Profile   `json:"profile"`
}

// Profile is a cashier account as shown to users (never the password hash).
type Profile struct {
	Account         string `json:"account"`
	Name            string `json:"name"`
	Phone           string `json:"phone"`
	Remark          string `json:"remark"`
	Role            string `json:"role"`
	PasswordChanged bool   `json:"passwordChanged"`
}

// CashierFilter narrows the cashier list; empty fields match all.
type CashierFilter struct {
	Account string `json:"account"`
	Name    string `json:"name"`
	Phone   string `json:"phone"`
}

// CashierInput adds or edits a cashier. Password is used only when adding.
type CashierInput struct {
	Account  string `json:"account"`
	Password string `json:"password"`
	Name     string `json:"name"`
	Phone    string `json:"phone"`
	Remark   string `json:"remark"`
}

// Captcha is an image captcha: PNG as a data URL.
type Captcha struct {
	ID    string `json:"id"`
	Image string `json:"image"`
}

// Notice is an announcement.
type Notice struct {
	ID          uint      `json:"id"`
	Title       string    `json:"title"`
	Body        string    `json:"body,omitempty"`
	PublishedAt time.Time `json:"publishedAt"`
	Read        bool      `json:"read"`
}

// PayInput is one payment as the cashier entered it. Amount is fen (already parsed).
// RequestID, when set, makes Pay idempotent for the calling terminal: the same RequestID sent
// again (after an answer lost on the network) returns the trade of the first call, never a
// second charge. 1–40 of A–Z a–z 0–9 - _.
type PayInput struct {
	Amount    int64  `json:"amount"`
	AuthCode  string `json:"authCode"`
	Source    string `json:"source"` // domain.AmountSource
	Remark    string `json:"remark,omitempty"`
	RequestID string `json:"requestId,omitempty"`
}

// ReverseInput is a void or refund of the trade with order number ReqSN (or acquirer TrxID).
// RequestID makes the call idempotent as for PayInput: sent again, it answers the first
// reversal and never reverses twice.
type ReverseInput struct {
	TradeNo       string `json:"tradeNo"`
	Amount        int64  `json:"amount"` // fen; ignored for a cancel (always the full amount)
	AdminPassword string `json:"adminPassword"`
	RequestID     string `json:"requestId,omitempty"`
}

// Trade is a trade as the desktop shows it. The payment code appears only masked.
type Trade struct {
	ID             uint      `json:"id"`
	ReqSN          string    `json:"reqsn"`
	Kind           string    `json:"kind"`
	Status         string    `json:"status"`
	Amount         int64     `json:"amount"`
	RefundedAmount int64     `json:"refundedAmount"`
	Channel        string    `json:"channel"`
	Source         string    `json:"source"`
	CodeMasked     string    `json:"codeMasked"`
	TrxID          string    `json:"trxid"`
	ChnlTrxID      string    `json:"chnltrxid"`
	TrxCode        string    `json:"trxcode"`
	ErrMsg         string    `json:"errmsg"`
	Queries        int       `json:"queries"` // queries sent to the acquirer so far
	OrigReqSN      string    `json:"origReqsn,omitempty"`
	CashierAccount string    `json:"cashier"`
	StoreName      string    `json:"storeName"`
	CreatedAt      time.Time `json:"createdAt"`
	UpdatedAt      time.Time `json:"updatedAt"`
}

// TradeFilter narrows the trade list (manual §5.1). The period is From–To, both yyyy-MM-dd
// days of the shop's time zone, inclusive, at most Options.MaxRangeDays long; when both are
// empty it is the one day Day (today when empty too); one of them alone is that one day.
type TradeFilter struct {
	Day      string `json:"day"`
	From     string `json:"from"`
	To       string `json:"to"`
	StoreID  uint   `json:"storeId"` // admins: another store of the merchant (0: this terminal's)
	Cashier  string `json:"cashier"` // one cashier's account: any for admins, a cashier only their own
	Kind     string `json:"kind"`
	Channel  string `json:"channel"` // wechat, alipay or unionpay; a refund lists under its payment's
	Status   string `json:"status"`
	TradeNo  string `json:"tradeNo"`  // reqsn or trxid, exact or suffix
	Terminal bool   `json:"terminal"` // only this terminal
	Offset   int    `json:"offset"`
	Limit    int    `json:"limit"`
	// BeforeID, when set, pages by key instead of Offset: the trades listed after trade
	// BeforeID in the list's order (an export reads a long period this way).
	BeforeID uint `json:"beforeId,omitempty"`
}

// TradePage is one page of trades plus the total count and the longest period one query may
// span (MaxDays days).
type TradePage struct {
	Trades  []Trade `json:"trades"`
	Total   int64   `json:"total"`
	MaxDays int     `json:"maxDays"`
}

// TradeTotals sums every trade a TradeFilter matches (paging aside): Count trades in all;
// the money moved by successful payments (including ones voided later), voids and refunds
// (amounts positive, fen) and the net (payments minus voids and refunds).
type TradeTotals struct {
	Count        int64 `json:"count"`
	PayCount     int64 `json:"payCount"`
	PayAmount    int64 `json:"payAmount"`
	CancelCount  int64 `json:"cancelCount"`
	CancelAmount int64 `json:"cancelAmount"`
	RefundCount  int64 `json:"refundCount"`
	RefundAmount int64 `json:"refundAmount"`
	NetAmount    int64 `json:"netAmount"`
}

// DayStats sums one day or a period (From–To, yyyy-MM-dd) of one store, per channel, kind,
// day and hour (manual §5.3). Day is From when the period is one day, else "".
type DayStats struct {
	Day          string         `json:"day"`
	From         string         `json:"from"`
	To           string         `json:"to"`
	StoreName    string         `json:"storeName"`
	PayCount     int64          `json:"payCount"`
	PayAmount    int64          `json:"payAmount"`
	CancelCount  int64          `json:"cancelCount"`
	CancelAmount int64          `json:"cancelAmount"`
	RefundCount  int64          `json:"refundCount"`
	RefundAmount int64          `json:"refundAmount"`
	NetAmount    int64          `json:"netAmount"`
	ByChannel    []ChannelStats `json:"byChannel"`
	ByHour       []HourStats    `json:"byHour"`
	ByDay        []DaySum       `json:"byDay"` // every day of the period, oldest first
}

// DaySum is one day's successful payments and net of a period.
type DaySum struct {
	Day    string `json:"day"` // yyyy-MM-dd
	Count  int64  `json:"count"`
	Amount int64  `json:"amount"`
	Net    int64  `json:"net"`
}

// ChannelStats is one channel's share of a day.
type ChannelStats struct {
	Channel string `json:"channel"`
	Count   int64  `json:"count"`
	Amount  int64  `json:"amount"`
}

// HourStats is one hour's successful payments.
type HourStats struct {
	Hour   int   `json:"hour"`
	Count  int64 `json:"count"`
	Amount int64 `json:"amount"`
}
