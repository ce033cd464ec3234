// Package pole reads the amount due from the bytes a cashier program sends to its customer
// pole display (客显) on a serial port, so that 小通付 can take the total without OCR. Two
// command sets are understood (see README.md in this folder for the sources):
//   - the 8-digit LED display: ESC Q A <digits, '.', '-'> CR shows a number, and the
//     indicator lights say what it is — ESC s n (n = '0' off, '1' 单价, '2' 总计, '3' 收款,
//     '4' 找零) or STX L d1 d2 d3 d4 (one '0'/'1' per light, same order). Only a number sent
//     while 总计 is lit is a total;
//   - the two-line VFD text display (ESC/POS display commands: CLR, CR, LF, US $ x y, ESC @,
//     CD5220's ESC Q A/B <text> CR): a completed line that reads TOTAL / 合计 / 总计 / 应收 /
//     应付 followed by an amount is a total. Text is GB18030 (GBK).
//
// A number it cannot read exactly is ignored, never guessed; clearing the display (CLR,
// ESC @) reports 0, "no amount shown".
package pole

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xiaotongfu/backend/domain"
)

// Light is the indicator lit beside the LED number.
type Light byte

// The LED display's indicator lights.
const (
	LightNone    Light = '0'
	LightPrice   Light = '1' // 单价
	LightTotal   Light = '2' // 总计
	LightCollect Light = '3' // 收款
	LightChange  Light = '4' // 找零
)

const (
	esc, stx, us, clr, can, cr, lf, bs = 0x1b, 0x02, 0x1f, 0x0c, 0x18, 0x0d, 0x0a, 0x08
	maxField                           = 40 // longest ESC Q payload kept; longer is noise
	lineWidth                          = 20 // a VFD line
)

type state int

const (
	stText state = iota
	stEsc
	stEscQ
	stField
	stEscS
	stStx
	stLights
	stSkip1
	stUs
	stCursor
)

// Decoder turns the display's byte stream into totals. It keeps its state across Feed calls,
// so a frame split over several reads decodes as one. It is not safe for concurrent use.
type Decoder struct {
	// OnTotal receives each new total in fen (0: the display was cleared); a repeat of the
	// same total is not reported again.
	OnTotal func(fen int64)

	st       state
	field    []byte // ESC Q payload or STX L flags or US $ x y
	fieldRow int    // ESC Q A (0) or B (1)
	light    Light
	number   string // the last LED number
	lines    [2][]byte
	row, col int
	last     int64
	reported bool
}

// Feed decodes the next bytes read from the port.
func (d *Decoder) Feed(p []byte) {
	for _, b := range p {
		d.step(b)
	}
}

// Flush treats the text on the display as complete (the port went quiet), reading a total
// from it if it shows one.
func (d *Decoder) Flush() {
	if d.st == stText {
		d.scanLines()
	}
}

func (d *Decoder) step(b byte) {
	switch d.st {
	case stText:
		d.text(b)
	case stEsc:
		d.escape(b)
	case stEscQ:
		d.st, d.field, d.fieldRow = stField, d.field[:0], 0
		if b == 'B' {
			d.fieldRow = 1
		} else if b != 'A' {
			d.st = stText
		}
	case stField:
		d.collectField(b)
	case stEscS:
		d.st = stText
		if b >= '0' && b <= '4' {
			d.setLight(Light(b))
		}
	case stStx:
		d.st, d.field = stText, d.field[:0]
		switch b {
		case 'L':
			d.st = stLights
		case 'B':
			d.st = stSkip1 // STX B n: baud rate
		}
	case stLights:
		d.collectLights(b)
	case stSkip1:
		d.st = stText
	case stUs:
		d.st, d.field = stText, d.field[:0]
		if b == '$' {
			d.st = stCursor
		}
	case stCursor:
		d.field = append(d.field, b)
		if len(d.field) == 2 {
			d.scanLines()
			d.col, d.row = clamp(int(d.field[0])-1, 0, lineWidth-1), clamp(int(d.field[1])-1, 0, 1)
			d.st = stText
		}
	}
}

// text handles a byte outside any command: a control byte or a character at the cursor.
func (d *Decoder) text(b byte) {
	switch b {
	case esc:
		d.st = stEsc
	case stx:
		d.st = stStx
	case us:
		d.st = stUs
	case clr:
		d.clear()
	case can:
		d.lines[d.row], d.col = nil, 0
	case cr:
		d.scanLines()
		d.col = 0
	case lf:
		d.scanLines()
		if d.row == 1 {
			d.lines[0], d.lines[1] = d.lines[1], nil
		}
		d.row = 1
	case bs:
		d.col = max(d.col-1, 0)
	default:
		if b >= 0x20 {
			d.put(b)
		}
	}
}

func (d *Decoder) escape(b byte) {
	d.st = stText
	switch b {
	case '@':
		d.clear()
		d.light = LightNone
	case 'Q':
		d.st = stEscQ
	case 's':
		d.st = stEscS
	case '=': // ESC = n: select the display (printer pass-through)
		d.st = stSkip1
	}
}

func (d *Decoder) collectField(b byte) {
	if b != cr {
		if len(d.field) < maxField {
			d.field = append(d.field, b)
		} else {
			d.st = stText // noise: drop the frame
		}
		return
	}
	d.st = stText
	if isLEDNumber(d.field) && d.fieldRow == 0 {
		d.number = string(d.field)
		if d.light == LightTotal {
			d.report(d.number)
		}
		return
	}
	d.lines[d.fieldRow], d.row, d.col = append([]byte(nil), d.field...), d.fieldRow, 0
	d.scanLines()
}

func (d *Decoder) collectLights(b byte) {
	if b != '0' && b != '1' {
		d.st = stText
		return
	}
	d.field = append(d.field, b)
	if len(d.field) < 4 {
		return
	}
	d.st = stText
	l := LightNone
	for i, f := range d.field {
		if f == '1' {
			l = Light('1' + i)
			break
		}
	}
	d.setLight(l)
}

// setLight lights l. The number already shown belonged to the previous light (an item's
// 单价, say), so it never becomes the total: only a number sent while 总计 is lit does.
func (d *Decoder) setLight(l Light) {
	if l != d.light {
		d.number = ""
	}
	d.light = l
}

func (d *Decoder) clear() {
	d.lines, d.row, d.col, d.number = [2][]byte{}, 0, 0, ""
	d.emit(0)
}

func (d *Decoder) put(b byte) {
	line := d.lines[d.row]
	for len(line) <= d.col {
		line = append(line, ' ')
	}
	line[d.col] = b
	d.lines[d.row] = line
	d.col = min(d.col+1, lineWidth*2) // wide text runs past 20 bytes in GBK
}

var totalLine = regexp.MustCompile(`(?i)(?:\bTOTAL|合计|总计|应收|应付)\s*[:：]?\s*(?:RMB|[¥￥])?\s*([0-9]+(?:\.[0-9]{1,2})?)\s*元?\s*$`)

// scanLines reports the total a line of text shows, if one does.
func (d *Decoder) scanLines() {
	for _, raw := range d.lines {
		text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(bytes.TrimSpace(raw))
		if err != nil {
			continue
		}
		if m := totalLine.FindSubmatch(text); m != nil {
			d.report(string(m[1]))
			return
		}
	}
}

// report emits the amount s shows, if it reads exactly as an amount; a total of zero is "no
// amount due".
func (d *Decoder) report(s string) {
	if strings.Trim(s, "0.") == "" && strings.ContainsAny(s, "0") {
		d.emit(0)
		return
	}
	fen, err := domain.ParseAmount(s, domain.DefaultPayLimit)
	if err == nil {
		d.emit(fen)
	}
}

func (d *Decoder) emit(fen int64) {
	if d.reported && fen == d.last {
		return
	}
	d.last, d.reported = fen, true
	if d.OnTotal != nil {
		d.OnTotal(fen)
	}
}

// isLEDNumber reports whether an ESC Q A payload is what an LED display shows: digits with at
// most one '.', an optional leading '-'.
func isLEDNumber(p []byte) bool {
	p = bytes.TrimPrefix(p, []byte("-"))
	if len(p) == 0 || bytes.Count(p, []byte(".")) > 1 {
		return false
	}
	for _, b := range p {
		if (b < '0' || b > '9') && b != '.' {
			return false
		}
	}
	return true
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }
