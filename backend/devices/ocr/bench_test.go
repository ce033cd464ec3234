package ocr

import (
	"image"
	"image/color"
	"testing"

	"xiaotongfu/backend/devices/ocr/internal/render"
)

// amountRegion draws "¥1,234.56" into a 300×60 region in Liberation Sans (fonts-liberation, an
// evaluation-only font, not a template font).
func amountRegion(b testing.TB) image.Image {
	f, err := render.LoadFont("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
	if err != nil {
		b.Skipf("font missing (run scripts/deps.sh): %v", err)
	}
	img, err := render.Draw(render.Line{Parts: []render.Part{{Font: f, Text: "¥1,234.56"}}, SizePx: 30, Hinting: true,
		X: 40, FG: color.RGBA{20, 20, 20, 255}, BG: color.RGBA{245, 245, 240, 255}, W: 300, H: 60})
	if err != nil {
		b.Fatal(err)
	}
	return img
}

func BenchmarkRecognize300x60(b *testing.B) {
	r, err := NewRecognizer()
	if err != nil {
		b.Fatal(err)
	}
	img := amountRegion(b)
	if res := r.Recognize(img); res.Fen != 123456 {
		b.Fatalf("read %+v, want 123456 fen", res)
	}
	b.ResetTimer()
	for b.Loop() {
		r.Recognize(img)
	}
}
