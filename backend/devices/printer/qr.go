package printer

import (
	qrcode "github.com/skip2/go-qrcode"

	"xiaotongfu/backend/domain"
)

// QRMode is how the printer prints a receipt's QR code (二维码打印方式).
type QRMode string

// The QR modes: the printer's own QR command, which most Chinese receipt printers have, or a
// bit image for the printers that lack it.
const (
	QRCommand QRMode = "command" // 打印机指令: GS ( k, model 2 (the default)
	QRImage   QRMode = "image"   // 图片: a raster bit image, GS v 0
)

// ValidateQRMode checks the 二维码打印方式 setting; empty (never saved) is QRCommand.
func ValidateQRMode(m QRMode) error {
	if m != "" && m != QRCommand && m != QRImage {
		return domain.FieldError("qrMode", "二维码打印方式只能是打印机指令或图片")
	}
	return nil
}

// QR code parameters: error correction M (15 %), a module of 6 dots (0.75 mm at 203 dpi), so
// that the 24-digit order number (version 1, 21 modules) is about 16 mm wide on either paper.
const (
	qrModuleDots = 6
	qrLevel      = qrcode.Medium
	qrLevelByte  = 49 // GS ( k function 169: 48 = L, 49 = M, 50 = Q, 51 = H
)

// OrderQR lays out the order number as a centred QR code with the number as text under it:
// the part every slip that leads back to a trade carries (receipts; the handover slip).
func OrderQR(orderNo string) []Line {
	orderNo = clean(orderNo)
	return []Line{{QR: orderNo, Center: true}, {Text: orderNo, Center: true}}
}

// WithModules returns lines with the Modules of every QR line filled in, for a preview that
// draws the code as the bit image prints it.
func WithModules(lines []Line) []Line {
	out := append([]Line(nil), lines...)
	for i, l := range out {
		if l.QR == "" {
			continue
		}
		q, err := qrcode.New(l.QR, qrLevel)
		if err != nil {
			continue
		}
		for _, row := range q.Bitmap() {
			b := make([]byte, len(row))
			for x, dark := range row {
				b[x] = '0' + b2u(dark)
			}
			out[i].Modules = append(out[i].Modules, string(b))
		}
	}
	return out
}

// qrCommand is the printer's own QR command sequence for content (ESC/POS GS ( k): model 2,
// module size, error correction, store the data, print it.
func qrCommand(content string) []byte {
	gsk := func(fn ...byte) []byte {
		n := len(fn)
		return append([]byte{0x1d, 0x28, 0x6b, byte(n), byte(n >> 8)}, fn...)
	}
	var b []byte
	b = append(b, gsk(0x31, 0x41, 50, 0)...)                               // function 165: model 2
	b = append(b, gsk(0x31, 0x43, qrModuleDots)...)                        // function 167: module size
	b = append(b, gsk(0x31, 0x45, qrLevelByte)...)                         // function 169: error correction
	b = append(b, gsk(append([]byte{0x31, 0x50, 0x30}, content...)...)...) // function 180: store
	b = append(b, gsk(0x31, 0x51, 0x30)...)                                // function 181: print
	return b
}

// qrImage is content as a QR raster bit image (GS v 0), each module qrModuleDots square,
// with the library's quiet zone; it returns nil if the content cannot be encoded.
func qrImage(content string) []byte {
	q, err := qrcode.New(content, qrLevel)
	if err != nil {
		return nil
	}
	bits := q.Bitmap()
	side := len(bits) * qrModuleDots
	rowBytes := (side + 7) / 8
	b := []byte{0x1d, 0x76, 0x30, 0, byte(rowBytes), byte(rowBytes >> 8), byte(side), byte(side >> 8)}
	for y := range side {
		row := make([]byte, rowBytes)
		for x := range side {
			if bits[y/qrModuleDots][x/qrModuleDots] {
				row[x/8] |= 0x80 >> (x % 8)
			}
		}
		b = append(b, row...)
	}
	return b
}
