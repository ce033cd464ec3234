// Package scanner reads customer payment codes from the serial 扫码盒子 (manual §8.2): it opens
// the configured port, frames the box's output on CR / LF / CRLF, keeps only ASCII-digit codes of
// a plausible payment-code length, reconnects after an unplug and reports its status.
package scanner

import (
	"fmt"
	"slices"

	"go.bug.st/serial"

	"xiaotongfu/backend/domain"
)

// Parity names accepted in Settings.Parity.
const (
	ParityNone  = "none"
	ParityOdd   = "odd"
	ParityEven  = "even"
	ParityMark  = "mark"
	ParitySpace = "space"
)

// Stop-bit names accepted in Settings.StopBits.
const (
	StopBits1    = "1"
	StopBits1_5  = "1.5"
	StopBits2    = "2"
	DefaultBaud  = 9600
	DefaultBits  = 8
	maxPortChars = 260
)

// BaudRates lists the rates the settings screen offers (manual default 9600).
var BaudRates = []int{1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200}

// Settings is the 盒子配置 of manual §8.2. The JSON names are the ones the settings screen uses.
type Settings struct {
	Port      string `json:"port"`      // COM3 on Windows, /dev/ttyUSB0 or any typed path elsewhere
	BaudRate  int    `json:"baudRate"`  // default 9600
	DataBits  int    `json:"dataBits"`  // default 8
	Parity    string `json:"parity"`    // none | odd | even | mark | space (default none)
	StopBits  string `json:"stopBits"`  // 1 | 1.5 | 2 (default 1)
	Broadcast bool   `json:"broadcast"` // 盒子播报 after a payment
}

// DefaultSettings returns the manual's defaults (9600, 8, none, 1) with broadcast enabled and
// no port chosen yet.
func DefaultSettings() Settings {
	return Settings{BaudRate: DefaultBaud, DataBits: DefaultBits, Parity: ParityNone, StopBits: StopBits1, Broadcast: true}
}

// Codes of wrong settings, each about its field; the UI translates them with their params.
const (
	CodePortRequired domain.Code = "box_port_required" // no port
	CodePortTooLong  domain.Code = "box_port_too_long" // longer than {max} characters
	CodeBaud         domain.Code = "box_baud"          // a baud rate not offered: {baud}
	CodeDataBits     domain.Code = "box_data_bits"     // not 5 to 8
	CodeParity       domain.Code = "box_parity"        // not none, odd, even, mark or space
	CodeStopBits     domain.Code = "box_stop_bits"     // not 1, 1.5 or 2
)

// Validate checks every field and returns a *domain.Error (one of the codes above, Field set,
// Chinese message for the log) for the first wrong one.
func (s Settings) Validate() error {
	switch {
	case s.Port == "":
		return fieldError(CodePortRequired, "port", "请选择或输入盒子的端口号")
	case len(s.Port) > maxPortChars:
		return fieldError(CodePortTooLong, "port", "端口号太长").With("max", maxPortChars)
	case !slices.Contains(BaudRates, s.BaudRate):
		return fieldError(CodeBaud, "baudRate", fmt.Sprintf("不支持的波特率 %d", s.BaudRate)).With("baud", s.BaudRate)
	case s.DataBits < 5 || s.DataBits > 8:
		return fieldError(CodeDataBits, "dataBits", "数据位只能是 5 到 8")
	}
	if _, ok := parities[s.Parity]; !ok {
		return fieldError(CodeParity, "parity", "校验位只能是 无/奇/偶/标记/空格")
	}
	if _, ok := stopBits[s.StopBits]; !ok {
		return fieldError(CodeStopBits, "stopBits", "停止位只能是 1、1.5 或 2")
	}
	return nil
}

func fieldError(code domain.Code, field, message string) *domain.Error {
	return &domain.Error{Code: code, Field: field, Message: message}
}

var parities = map[string]serial.Parity{
	ParityNone: serial.NoParity, ParityOdd: serial.OddParity, ParityEven: serial.EvenParity,
	ParityMark: serial.MarkParity, ParitySpace: serial.SpaceParity,
}

var stopBits = map[string]serial.StopBits{
	StopBits1: serial.OneStopBit, StopBits1_5: serial.OnePointFiveStopBits, StopBits2: serial.TwoStopBits,
}

// mode converts validated settings into the serial library's Mode.
func (s Settings) mode() *serial.Mode {
	return &serial.Mode{BaudRate: s.BaudRate, DataBits: s.DataBits, Parity: parities[s.Parity], StopBits: stopBits[s.StopBits]}
}
