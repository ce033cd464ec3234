package ocr

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
	"os"
	"testing"

	"xiaotongfu/backend/devices/ocr/internal/render"
)

// A font far from the template fonts, in the colours of an LED-style cashier display.
const gothic = "/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf"

func drawAmount(t *testing.T, fontPath, text string, size float64) image.Image {
	t.Helper()
	if _, err := os.Stat(fontPath); err != nil {
		t.Skipf("font missing (install fonts-urw-base35 fonts-dejavu-core): %v", err)
	}
	f, err := render.LoadFont(fontPath)
	if err != nil {
		t.Fatal(err)
	}
	img, err := render.Draw(render.Line{Parts: []render.Part{{Font: f, Text: text}}, SizePx: size, Hinting: true,
		X: 12, FG: color.RGBA{40, 255, 80, 255}, BG: color.RGBA{0, 0, 0, 255}, W: 300, H: 60})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestCalibrationMakesAWindowExact(t *testing.T) {
	var cals []*Calibration
	for _, amount := range []string{"1234.56", "789.00"} {
		c, err := Calibrate(drawAmount(t, gothic, amount, 24), amount)
		if err != nil {
			t.Fatalf("Calibrate(%s): %v", amount, err)
		}
		data, err := MarshalCalibration(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := UnmarshalCalibration(data) // as saved with the settings and loaded again
		if err != nil {
			t.Fatal(err)
		}
		cals = append(cals, back)
	}
	calibrated, err := NewRecognizer(cals...)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := NewRecognizer()
	rng := rand.New(rand.NewPCG(5, 6))
	plainRight, calRight := 0, 0
	for i := 0; i < 40; i++ {
		fen := 1 + rng.Int64N(9999999)
		want := fmt.Sprintf("%d.%02d", fen/100, fen%100)
		img := drawAmount(t, gothic, want, 24)
		got := calibrated.Recognize(img)
		if got.Err == nil && got.Fen != fen {
			t.Errorf("calibrated read of %s gave %d fen", want, got.Fen)
		}
		if got.Err == nil {
			calRight++
		}
		if got := plain.Recognize(img); got.Err == nil {
			if got.Fen != fen {
				t.Errorf("built-in read of %s gave %d fen", want, got.Fen)
			}
			plainRight++
		}
	}
	// URW Gothic's "04" touch at this size and stay unread (abstain); everything else must be read.
	t.Logf("URW Gothic 24 px: calibrated read %d/40, built-in templates alone %d/40", calRight, plainRight)
	if calRight < 30 || calRight <= plainRight {
		t.Errorf("calibrated read %d/40 (built-ins %d/40), want at least 30 and more than the built-ins", calRight, plainRight)
	}
}

func TestCalibrationErrors(t *testing.T) {
	dejavu := "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	img := drawAmount(t, dejavu, "1234.56", 24)
	cases := []struct {
		text string
		want error
	}{
		{"1234.57", ErrCalibrationMismatch}, // a typo: the screen shows 6, the built-ins are sure of it
		{"234.56", ErrCalibrationNotFound},  // one digit short
		{"1234.5", ErrCalibrationNotFound},
		{"金额", ErrCalibrationText},
		{"1.234", ErrCalibrationText},
	}
	for _, c := range cases {
		if _, err := Calibrate(img, c.text); !errors.Is(err, c.want) {
			t.Errorf("Calibrate(%q): %v, want %v", c.text, err, c.want)
		}
	}
	if _, err := Calibrate(image.NewRGBA(image.Rect(0, 0, 50, 20)), "1.00"); !errors.Is(err, ErrCalibrationNotFound) {
		t.Errorf("blank image: %v, want ErrCalibrationNotFound", err)
	}
	for _, data := range []string{`{`, `{"version":9}`, `{"version":1,"glyphs":[{"char":"x","aspect":0.5,"grid":[1]}]}`} {
		if _, err := UnmarshalCalibration([]byte(data)); !errors.Is(err, ErrCalibrationData) {
			t.Errorf("UnmarshalCalibration(%s): %v, want ErrCalibrationData", data, err)
		}
	}
}

func TestRecognizeEdgeCases(t *testing.T) {
	r, err := NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	if res := r.Recognize(image.NewRGBA(image.Rect(0, 0, 300, 60))); !errors.Is(res.Err, ErrEmpty) {
		t.Errorf("blank region: %+v, want ErrEmpty", res)
	}
	if res := r.Recognize(image.NewRGBA(image.Rect(0, 0, 0, 0))); !errors.Is(res.Err, ErrEmpty) {
		t.Errorf("empty region: %+v, want ErrEmpty", res)
	}
}

// drawRow draws a busy cashier row in DejaVu Sans with the CJK labels in WenQuanYi Micro Hei.
func drawRow(t *testing.T, qty int, price, total string) image.Image {
	t.Helper()
	num, err := render.LoadFont("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
	if err != nil {
		t.Skipf("font missing (run scripts/deps.sh): %v", err)
	}
	lab, err := render.LoadFont("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#0")
	if err != nil {
		t.Skipf("font missing (run scripts/deps.sh): %v", err)
	}
	img, err := render.Draw(render.Line{Parts: []render.Part{
		{Font: lab, Text: "数量："}, {Font: num, Text: fmt.Sprint(qty)}, {Font: lab, Text: "  单价："}, {Font: num, Text: price},
		{Font: lab, Text: "  合计："}, {Font: num, Text: total}}, SizePx: 22, Hinting: true,
		X: 10, FG: color.Black, BG: color.White, W: 460, H: 50})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestCalibrationPicksTheNumberInABusyRow: with several numbers on the row the built-in reader
// abstains; after calibrating on the total it reads the total, and abstains again when the row
// is laid out differently.
func TestCalibrationPicksTheNumberInABusyRow(t *testing.T) {
	plain, _ := NewRecognizer()
	if res := plain.Recognize(drawRow(t, 3, "12.50", "37.50")); !errors.Is(res.Err, ErrAmbiguous) && res.Err == nil {
		t.Fatalf("built-in read of a busy row: %+v, want an abstention", res)
	}
	cal, err := Calibrate(drawRow(t, 3, "12.50", "37.50"), "37.50")
	if err != nil {
		t.Fatalf("Calibrate on the total: %v", err)
	}
	r, err := NewRecognizer(cal)
	if err != nil {
		t.Fatal(err)
	}
	if res := r.Recognize(drawRow(t, 2, "17.50", "35.00")); res.Err != nil || res.Fen != 3500 {
		t.Errorf("calibrated read of the next row: %+v, want 3500 fen", res)
	}
	if res := r.Recognize(drawRow(t, 12, "1,234.50", "14,814.00")); res.Err == nil {
		t.Errorf("row laid out differently: read %d fen, want an abstention", res.Fen)
	}
}

// TestCalibrationRefusesTouchingGlyphs: in small bold type ¥ and 9 touch; learning the pair as the
// digit 9 would later read a lone ¥ as a 9.
func TestCalibrationRefusesTouchingGlyphs(t *testing.T) {
	f, err := render.LoadFont("/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf")
	if err != nil {
		t.Skipf("font missing (run scripts/deps.sh): %v", err)
	}
	img, err := render.Draw(render.Line{Parts: []render.Part{{Font: f, Text: "¥90.00"}}, SizePx: 13, X: 8.67,
		FG: color.Black, BG: color.White, W: 131, H: 34})
	if err != nil {
		t.Fatal(err)
	}
	if c, err := LearnGlyphs(img, "¥90.00"); err == nil {
		t.Errorf("learnt %d glyphs from a rendering whose ¥ touches the 9, want ErrCalibrationNotFound", len(c.Glyphs))
	}
}
