package testkit

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// TextImage is a picture of one line of text in Go Regular, as a cashier program shows an amount.
type TextImage struct {
	// Size is the font size in pixels (72 DPI).
	Size float64
	// FG and BG are the text and background colours.
	FG, BG color.Color
	// W and H are the picture's size.
	W, H int
	// Dot is where the text's baseline starts.
	Dot image.Point
}

// DrawText renders text as o describes, failing the test if the font cannot be loaded.
func DrawText(t testing.TB, text string, o TextImage) *image.RGBA {
	t.Helper()
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: o.Size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, o.W, o.H))
	draw.Draw(img, img.Bounds(), image.NewUniform(o.BG), image.Point{}, draw.Src)
	d := &font.Drawer{Dst: img, Src: image.NewUniform(o.FG), Face: face, Dot: fixed.P(o.Dot.X, o.Dot.Y)}
	d.DrawString(text)
	return img
}

// WritePNG writes img to path as a PNG file, failing the test on any error.
func WritePNG(t testing.TB, path string, img image.Image) {
	t.Helper()
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(out, img); err != nil {
		out.Close()
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
