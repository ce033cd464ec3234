package printer

import (
	"bytes"
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gozxingqr "github.com/makiuchi-d/gozxing/qrcode"
	qrcode "github.com/skip2/go-qrcode"

	"xiaotongfu/backend/domain"
)

// qrCommands finds the commands of a QR code in an ESC/POS stream: the GS ( k functions
// (the printer's QR command) and GS v 0 bit images.
func qrCommands(t *testing.T, b []byte) (gsk [][]byte, images [][]byte) {
	t.Helper()
	for i := 0; i < len(b); {
		n := commandSize(b[i:])
		switch {
		case n > 0 && b[i] == 0x1d && b[i+1] == 0x28:
			gsk = append(gsk, b[i:i+n])
		case n > 0 && b[i] == 0x1d && b[i+1] == 0x76:
			images = append(images, b[i:i+n])
		}
		if n == 0 {
			n = 1
		}
		i += n
	}
	return gsk, images
}

// TestReceiptQRCommand: every receipt (payment, void, refund) carries its order number as the
// printer's own QR command — model 2, module size 6, error correction M, store, print — and
// as text under it.
func TestReceiptQRCommand(t *testing.T) {
	for _, r := range []Receipt{sampleReceipt(), reversal(domain.KindCancel), reversal(domain.KindRefund)} {
		b, err := Render(r, Paper58, 1, QRCommand)
		if err != nil {
			t.Fatal(err)
		}
		gsk, images := qrCommands(t, b)
		store := append([]byte{0x1d, 0x28, 0x6b, byte(len(r.OrderNo) + 3), 0, 0x31, 0x50, 0x30}, r.OrderNo...)
		want := [][]byte{
			{0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x41, 50, 0}, {0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6},
			{0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x45, 49}, store, {0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30},
		}
		if len(images) != 0 || len(gsk) != len(want) {
			t.Fatalf("%s: %d QR functions and %d images, want 5 and 0", r.Kind, len(gsk), len(images))
		}
		for i := range want {
			if !bytes.Equal(gsk[i], want[i]) {
				t.Errorf("%s: QR function %d = % x, want % x", r.Kind, i, gsk[i], want[i])
			}
		}
		lines := textLines(t, b)
		if !containsLine(lines, r.OrderNo) {
			t.Errorf("%s: no centred order number line under the QR code:\n%s", r.Kind, strings.Join(lines, "\n"))
		}
	}
}

// reversal is a void or refund receipt of the sample payment.
func reversal(kind domain.TradeKind) Receipt {
	r := sampleReceipt()
	r.Kind, r.OrderNo, r.OrigNo = kind, "202611260900000000000002", "202611251753280001234567"
	return r
}

// containsLine reports whether one line, trimmed, is exactly s.
func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) == s {
			return true
		}
	}
	return false
}

// TestReceiptQRImageDecodes: in 图片 mode the receipt carries one GS v 0 bit image and no QR
// command; drawn as an image, a QR decoder reads the order number back, and the bits are the
// library's own matrix, each module 6×6 dots.
func TestReceiptQRImageDecodes(t *testing.T) {
	for _, paper := range []Paper{Paper58, Paper80} {
		r := sampleReceipt()
		b, err := Render(r, paper, 1, QRImage)
		if err != nil {
			t.Fatal(err)
		}
		gsk, images := qrCommands(t, b)
		if len(gsk) != 0 || len(images) != 1 {
			t.Fatalf("%d QR functions and %d images, want 0 and 1", len(gsk), len(images))
		}
		img := rasterImage(t, images[0])
		if w := img.Bounds().Dx(); w > int(paper)*8-64 {
			t.Errorf("%d mm: image is %d dots wide", paper, w)
		}
		if got := decodeQR(t, img); got != r.OrderNo {
			t.Errorf("decoded %q, want %q", got, r.OrderNo)
		}
		q, err := qrcode.New(r.OrderNo, qrcode.Medium)
		if err != nil {
			t.Fatal(err)
		}
		for y, row := range q.Bitmap() {
			for x, dark := range row {
				if got := img.GrayAt(x*6+3, y*6+3).Y == 0; got != dark {
					t.Fatalf("module (%d,%d) dark = %v, library says %v", x, y, got, dark)
				}
			}
		}
	}
}

// rasterImage draws the bits of a GS v 0 command as a grey image: a set bit is black.
func rasterImage(t *testing.T, cmd []byte) *image.Gray {
	t.Helper()
	rowBytes, rows := int(cmd[4])+int(cmd[5])<<8, int(cmd[6])+int(cmd[7])<<8
	data := cmd[8:]
	if cmd[3] != 0 || len(data) != rowBytes*rows {
		t.Fatalf("GS v 0 mode %d with %d bytes for %d×%d", cmd[3], len(data), rowBytes, rows)
	}
	img := image.NewGray(image.Rect(0, 0, rowBytes*8, rows))
	for y := range rows {
		for x := range rowBytes * 8 {
			c := color.Gray{Y: 255}
			if data[y*rowBytes+x/8]&(0x80>>(x%8)) != 0 {
				c.Y = 0
			}
			img.SetGray(x, y, c)
		}
	}
	return img
}

func decodeQR(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gozxingqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the printed QR code does not decode: %v", err)
	}
	return res.GetText()
}

// TestReprintIsMarked: a 补打 reprint says so in its heading and when it was reprinted; the
// receipt printed with the trade does not.
func TestReprintIsMarked(t *testing.T) {
	r := sampleReceipt()
	first, err := Render(r, Paper58, 1, QRCommand)
	if err != nil {
		t.Fatal(err)
	}
	r.ReprintedAt = r.Time.Add(36 * 60 * 60 * 1e9)
	again, err := Render(r, Paper58, 1, QRCommand)
	if err != nil {
		t.Fatal(err)
	}
	if all := strings.Join(textLines(t, first), "\n"); strings.Contains(all, "重打印") {
		t.Errorf("the first receipt is marked as a reprint:\n%s", all)
	}
	all := strings.Join(textLines(t, again), "\n")
	for _, want := range []string{"消费凭条（重打印）", "重打印时间：", "2026-11-27 05:53:28"} {
		if !strings.Contains(all, want) {
			t.Errorf("reprint lacks %q:\n%s", want, all)
		}
	}
}

func TestValidateQRMode(t *testing.T) {
	for _, m := range []QRMode{QRCommand, QRImage} {
		if err := ValidateQRMode(m); err != nil {
			t.Errorf("%s: %v", m, err)
		}
	}
	if err := ValidateQRMode("laser"); err == nil {
		t.Error("laser accepted")
	}
}

// TestWithModulesIsTheLibraryMatrix: the preview's modules of a QR line are the matrix the bit
// image prints; other lines get none, and the lines given are not changed.
func TestWithModulesIsTheLibraryMatrix(t *testing.T) {
	lines := append([]Line{{Text: "x"}}, OrderQR("202611251753280001234567")...)
	got := WithModules(lines)
	q, err := qrcode.New("202611251753280001234567", qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	bits := q.Bitmap()
	if len(got[1].Modules) != len(bits) || got[0].Modules != nil || got[2].Modules != nil || lines[1].Modules != nil {
		t.Fatalf("modules: %d rows for the QR line (want %d), %v / %v for text lines", len(got[1].Modules), len(bits), got[0].Modules, got[2].Modules)
	}
	for y, row := range bits {
		for x, dark := range row {
			if (got[1].Modules[y][x] == '1') != dark {
				t.Fatalf("module (%d,%d) differs from the library's", x, y)
			}
		}
	}
}
