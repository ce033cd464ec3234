package domain

// TradeStatus is where a trade stands in the payment state machine (DESIGN.md).
type TradeStatus string

// Trade states. Success, Failed, Closed and Cancelled are final; the rest may still change.
const (
	StatusCreated   TradeStatus = "created"   // persisted, not yet sent
	StatusSent      TradeStatus = "sent"      // request on the wire, no answer yet
	StatusPending   TradeStatus = "pending"   // acquirer says processing, or outcome unknown: being queried
	StatusClosing   TradeStatus = "closing"   // poll window over, close sent
	StatusSuccess   TradeStatus = "success"   // paid (or the cancel/refund went through)
	StatusFailed    TradeStatus = "failed"    // declined or not accepted; nothing charged
	StatusClosed    TradeStatus = "closed"    // closed unpaid
	StatusCancelled TradeStatus = "cancelled" // a paid trade later voided in full
	StatusUnknown   TradeStatus = "unknown"   // still unresolved after every rule; needs a person (待确认)
)

// Final reports whether the status can no longer change by itself.
func (s TradeStatus) Final() bool {
	switch s {
	case StatusSuccess, StatusFailed, StatusClosed, StatusCancelled:
		return true
	}
	return false
}

// InFlight reports whether a request for this trade may still be moving money.
func (s TradeStatus) InFlight() bool {
	switch s {
	case StatusCreated, StatusSent, StatusPending, StatusClosing:
		return true
	}
	return false
}

// TradeKind tells a payment from a void or a refund.
type TradeKind string

// Trade kinds.
const (
	KindPay    TradeKind = "pay"
	KindCancel TradeKind = "cancel" // 撤销: same day, full amount
	KindRefund TradeKind = "refund" // 退货: partial allowed
)

// AmountSource records where the amount of a payment came from.
type AmountSource string

// Amount sources.
const (
	SourceManual  AmountSource = "manual"  // typed by the cashier
	SourceBox     AmountSource = "box"     // the scanner box flow (quick pay)
	SourceTextBox AmountSource = "textbox" // read from the cashier software's text box
	SourceOCR     AmountSource = "ocr"     // recognised on screen
	SourcePole    AmountSource = "pole"    // read from the cashier software's customer display (客显)
	SourcePOS     AmountSource = "pos"     // asked for by the cashier software over the POS API
)

// Valid reports whether s is a known source.
func (s AmountSource) Valid() bool {
	switch s {
	case SourceManual, SourceBox, SourceTextBox, SourceOCR, SourcePole, SourcePOS:
		return true
	}
	return false
}

// Role is a cashier account's role.
type Role string

// Roles.
const (
	RoleAdmin   Role = "admin"
	RoleCashier Role = "cashier"
)

// InitialPassword is what a new or reset account's password is (manual §8.5 3).
const InitialPassword = "1111111"

// AdminAccount is the admin account created by initialisation (manual §1).
const AdminAccount = "01"
