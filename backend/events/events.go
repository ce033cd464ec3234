// Package events names every event the Go side sends to the UI and defines its payload.
// Names follow one style, "domain:action", and are mirrored in frontend/src/consts/events.ts.
// Services send events through an Emitter: Wails in the app, a Recorder in tests.
package events

// Event names (Go → UI).
const (
	// PayProgress is sent while a payment waits for its outcome, at most 10 times a second.
	PayProgress = "pay:progress"
	// PayResult is sent once when Pay returns; the payload is the platform.Trade.
	PayResult = "pay:result"
	// AmountDetected is sent when the amount due was read from the cashier software (issue 5).
	AmountDetected = "amount:detected"
	// WindowMode is sent when the window switches between main, quick-pay and floating.
	WindowMode = "window:mode"
	// BoxScan is sent when the scanner box reads a payment code.
	BoxScan = "box:scan"
	// BoxStatus is sent when the scanner box connects or disconnects.
	BoxStatus = "box:status"
	// HotkeyPressed is sent when a registered global hotkey fires.
	HotkeyPressed = "hotkey:pressed"
	// ExportProgress is sent while trades are exported, at most 10 times a second.
	ExportProgress = "export:progress"
	// DeviceNotice is sent when background device work after a payment failed (receipt
	// printing, voice broadcast); the payload is a Fault for the UI to show.
	DeviceNotice = "device:notice"
	// QuitAsk is sent when the tray's 退出 wants the UI to ask "交班后退出?" first; the UI
	// quits through WindowService.Quit (no payload).
	QuitAsk = "window:quitAsk"
)

// Scan is the BoxScan payload. Code is the full payment code, for the 收款 form only: it is
// never logged. CodeMasked keeps the last 4 digits, for display.
type Scan struct {
	Code       string `json:"code"`
	CodeMasked string `json:"codeMasked"`
	// OrderNo is the order number when the code is a receipt's QR code (domain.IsOrderNo):
	// 撤销/退货 and 交易查询 look it up; 收款 refuses it.
	OrderNo string `json:"orderNo,omitempty"`
}

// Count is the ExportProgress payload: how far an export is, in trades.
type Count struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// Fault is the DeviceNotice payload.
type Fault struct {
	Device  string         `json:"device"`            // printer or broadcast
	TradeID uint           `json:"tradeId,omitempty"` // the payment it followed
	Code    string         `json:"code"`              // error code for the UI to translate
	Params  map[string]any `json:"params,omitempty"`  // the code's parameters (e.g. the printer)
	Message string         `json:"message"`           // Chinese, for the log; shown when the code is unknown
}

// Progress is the PayProgress payload: where a waiting payment stands.
type Progress struct {
	TradeID   uint   `json:"tradeId"`
	ReqSN     string `json:"reqsn"`
	Status    string `json:"status"`    // domain.TradeStatus
	Queries   int    `json:"queries"`   // how many times the platform has queried the bank so far
	ElapsedMs int64  `json:"elapsedMs"` // since the cashier confirmed the payment
}

// Amount is the AmountDetected payload.
type Amount struct {
	Amount int64  `json:"amount"`          // fen
	Source string `json:"source"`          // domain.AmountSource
	Order  string `json:"order,omitempty"` // source pos: the cashier software's order number (outTradeNo)
}

// Mode is the WindowMode payload. Reason, Amount and Code are set when Go switches the
// mode itself (a hotkey, a box scan, a detected amount, the tray). Source is set when Amount
// was detected on the screen (ocr or textbox), so quick pay pays with that source.
type Mode struct {
	Mode   string `json:"mode"`             // main, quickpay or floating
	Reason string `json:"reason,omitempty"` // hotkey, box, amount or user
	Amount int64  `json:"amount,omitempty"` // fen: the amount for quick pay
	Source string `json:"source,omitempty"` // domain.AmountSource of a detected Amount: ocr or textbox
	Code   string `json:"code,omitempty"`   // the payment code the box read, for quick pay
	Order  string `json:"order,omitempty"`  // source pos: the order number the cashier software sent
}

// Reasons carried by window:mode (Mode.Reason) when Go switches the mode itself.
const (
	ReasonHotkey = "hotkey" // a global hotkey
	ReasonBox    = "box"    // the scanner box read a payment code
	ReasonAmount = "amount" // the amount watcher read a new amount
	ReasonUser   = "user"   // the cashier: tray menu, minimise, close
	ReasonPOS    = "pos"    // the cashier software asked for a payment over the POS API
)

// Hotkey is the HotkeyPressed payload.
type Hotkey struct {
	Name string `json:"name"` // quickPay or showMain (the 快捷键配置 rows)
}

// Window modes.
const (
	ModeMain     = "main"
	ModeQuickPay = "quickpay"
	ModeFloating = "floating"
)

// Emitter sends an event to the UI. Implementations must be safe for concurrent use.
type Emitter interface {
	Emit(name string, payload any)
}
