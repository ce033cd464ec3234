package ocr

import (
	"errors"
	"image"
	"image/color"
	"testing"

	"xiaotongfu/backend/devices/ocr/internal/render"
)

func drawLine(t *testing.T, font, text string, size, x float64, w, h int) *image.RGBA {
	t.Helper()
	f, err := render.LoadFont(font)
	if err != nil {
		t.Skipf("font missing (run scripts/deps.sh): %v", err)
	}
	img, err := render.Draw(render.Line{Parts: []render.Part{{Font: f, Text: text}}, SizePx: size, X: x,
		FG: color.Black, BG: color.White, W: w, H: h})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestFrameAndClippedDigit: the 1-pixel frame lines of a captured control are ignored, but a tall digit
// cut by the region's edge is not mistaken for a frame: dropping it would read the rest.
func TestFrameAndClippedDigit(t *testing.T) {
	r := builtinRecognizer(t)
	framed := drawLine(t, "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "123.45", 28, 30, 300, 60)
	grey := color.RGBA{120, 120, 120, 255}
	for x := 0; x < 300; x++ { // the control's top edge, caught by a loose region
		framed.Set(x, 0, grey)
	}
	if res := r.Recognize(framed); res.Err != nil || res.Fen != 12345 {
		t.Errorf("framed region: %+v, want 12345 fen", res)
	}
	clipped := drawLine(t, "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "8290.00", 48, -14, 300, 60)
	if res := r.Recognize(clipped); !errors.Is(res.Err, ErrClipped) {
		t.Errorf("8 cut by the edge: %+v, want ErrClipped", res)
	}
}
