package services

import (
	"regexp"
	"sync"
	"time"
)

// TestCode is a payment code the demo simulator answers in a scripted way.
type TestCode struct {
	Code    string `json:"code"`
	Outcome string `json:"outcome"` // what happens, in Chinese
}

// DemoInfo feeds the demo banner: the demo merchant, the last SMS code "sent", and the
// payment codes to try.
type DemoInfo struct {
	Enabled     bool       `json:"enabled"`
	MerchantNo  string     `json:"merchantNo"`
	LastSms     string     `json:"lastSms"`     // the code in the last message, e.g. "123456"
	LastSmsText string     `json:"lastSmsText"` // the whole last message
	LastSmsAt   *time.Time `json:"lastSmsAt"`   // null before the first message
	TestCodes   []TestCode `json:"testCodes"`
}

// Demo records the SMS messages of the console sender for the banner. Its OnSMS method
// plugs into platform.ConsoleSMS.OnSend.
type Demo struct {
	mu    sync.Mutex
	info  DemoInfo
	codes func() []TestCode
}

// NewDemo starts a demo feed for merchantNo. codes returns the test payment codes (fresh
// ones on every call); enabled=false keeps the feed (the log still gets the SMS) but hides
// the banner, e.g. embedded mode with real Allinpay keys.
func NewDemo(merchantNo string, enabled bool, codes func() []TestCode) *Demo {
	return &Demo{info: DemoInfo{Enabled: enabled, MerchantNo: merchantNo}, codes: codes}
}

// Enabled reports whether the demo banner is shown.
func (d *Demo) Enabled() bool { return d != nil && d.info.Enabled }

var smsCode = regexp.MustCompile(`\d{4,8}`)

// OnSMS records a message "sent" to phone; the phone is not kept.
func (d *Demo) OnSMS(_ string, text string) {
	now := time.Now()
	d.mu.Lock()
	defer d.mu.Unlock()
	d.info.LastSmsText = text
	d.info.LastSms = smsCode.FindString(text)
	d.info.LastSmsAt = &now
}

// Info returns a copy of the banner's data.
func (d *Demo) Info() DemoInfo {
	if d == nil {
		return DemoInfo{TestCodes: []TestCode{}}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	info := d.info
	info.TestCodes = []TestCode{}
	if d.codes != nil {
		info.TestCodes = d.codes()
	}
	return info
}
