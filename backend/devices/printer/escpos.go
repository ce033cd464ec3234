package printer

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// ESC/POS commands used by receipts (Epson-compatible, as on Chinese 58/80 mm printers).
var (
	cmdInit        = []byte{0x1b, 0x40}       // ESC @: reset
	cmdChineseMode = []byte{0x1c, 0x26}       // FS &: double-byte (GB18030) character mode
	cmdFeedCut     = []byte{0x1d, 0x56, 0x42} // GS V 66 n: feed n and partial cut
)

// Line is one printed line of a receipt: text that already fits the paper (full-width
// characters take two columns), centred or left-aligned, bold, and double height; or, when QR
// is set, a QR code of QR (Text is then empty).
type Line struct {
	Text string `json:"text"`
	QR   string `json:"qr,omitempty"`
	// Modules are the QR code's rows for a preview to draw ('1' dark, '0' light, quiet zone
	// included); see WithModules. Printing ignores them.
	Modules []string `json:"modules,omitempty"`
	Center  bool     `json:"center"`
	Bold    bool     `json:"bold"`
	Tall    bool     `json:"tall"`
}

// Encode turns the lines of one receipt copy into ESC/POS bytes: a reset, double-byte mode,
// each line with the style commands it needs (a QR line as the printer's QR command or as a
// bit image, by qr), then a feed and a partial cut.
func Encode(lines []Line, qr QRMode) []byte {
	d := &doc{}
	d.raw(cmdInit...)
	d.raw(cmdChineseMode...)
	var cur Line // the printer's state after the reset: left, not bold, not tall
	for _, l := range lines {
		if l.Center != cur.Center {
			d.align(b2u(l.Center))
		}
		if l.Bold != cur.Bold {
			d.bold(l.Bold)
		}
		if l.Tall != cur.Tall {
			d.tall(l.Tall)
		}
		cur = l
		if l.QR != "" {
			d.qr(l.QR, qr)
			continue
		}
		d.line(l.Text)
	}
	d.feed(4)
	d.raw(cmdFeedCut...)
	d.raw(0)
	return d.buf.Bytes()
}

// doc accumulates ESC/POS bytes for one receipt.
type doc struct {
	buf bytes.Buffer
}

func (d *doc) raw(b ...byte) { d.buf.Write(b) }

// align sets 0 = left, 1 = centre, 2 = right (ESC a n).
func (d *doc) align(n byte) { d.raw(0x1b, 0x61, n) }

// bold switches emphasis (ESC E n).
func (d *doc) bold(on bool) { d.raw(0x1b, 0x45, b2u(on)) }

// tall switches double height for single-byte (GS !) and double-byte (FS !) characters; the
// width, and so the column count, does not change.
func (d *doc) tall(on bool) {
	d.raw(0x1d, 0x21, b2u(on))
	d.raw(0x1c, 0x21, 8*b2u(on))
}

// line prints one line of text that already fits the paper, then LF.
func (d *doc) line(s string) {
	d.buf.Write(encode(s))
	d.buf.WriteByte('\n')
}

// qr prints a QR code of content and ends the line: the printer's QR command, or a bit image
// in QRImage mode.
func (d *doc) qr(content string, mode QRMode) {
	if mode == QRImage {
		d.buf.Write(qrImage(content))
	} else {
		d.buf.Write(qrCommand(content))
	}
	d.buf.WriteByte('\n')
}

// feed advances n lines (ESC d n).
func (d *doc) feed(n byte) { d.raw(0x1b, 0x64, n) }

func b2u(on bool) byte {
	if on {
		return 1
	}
	return 0
}

var gb18030 = simplifiedchinese.GB18030.NewEncoder()

// encode converts text to GB18030. Every rune is encodable in GB18030; invalid UTF-8 has
// already become U+FFFD in clean.
func encode(s string) []byte {
	b, err := gb18030.Bytes([]byte(s))
	if err != nil {
		return []byte(strings.Repeat("?", width(s)))
	}
	return b
}

// runeWidth is the number of columns a rune takes on the printer: single-byte GB18030 (ASCII)
// prints in a half-width cell, every multi-byte character in a full-width (2-column) cell.
func runeWidth(r rune) int {
	if r < utf8.RuneSelf {
		return 1
	}
	return 2
}

// width is the printed width of s in columns.
func width(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// clean makes user text safe to print: control characters (which could smuggle printer
// commands) become spaces, invalid UTF-8 becomes U+FFFD, and surrounding space is trimmed.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s))
}

// wrap cuts s into lines of at most cols columns without splitting a character.
func wrap(s string, cols int) []string {
	var lines []string
	var cur strings.Builder
	w := 0
	for _, r := range s {
		rw := runeWidth(r)
		if w+rw > cols {
			lines = append(lines, cur.String())
			cur.Reset()
			w = 0
			if r == ' ' { // a continuation line does not start with a space
				continue
			}
		}
		cur.WriteRune(r)
		w += rw
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
