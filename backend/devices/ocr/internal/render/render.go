// Package render draws text with golang.org/x/image's rasteriser. It makes the images from which the
// built-in templates are learnt and the x/image half of the test corpus.
package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"os"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// LoadFont reads a TrueType/OpenType file; "name.ttc#N" selects font N of a collection.
func LoadFont(path string) (*opentype.Font, error) {
	file, idx := path, 0
	if i := strings.LastIndex(path, ".ttc#"); i >= 0 {
		file = path[:i+4]
		if _, err := fmt.Sscan(path[i+5:], &idx); err != nil {
			return nil, fmt.Errorf("render: bad collection index in %s", path)
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return ParseFont(data, idx)
}

// ParseFont parses font data; idx selects a font of a collection.
func ParseFont(data []byte, idx int) (*opentype.Font, error) {
	f, err := parseFont(data, idx)
	if err == nil {
		return f, nil
	}
	if fixed, rerr := realign(data, idx); rerr == nil {
		return opentype.Parse(fixed)
	}
	return nil, err
}

func parseFont(data []byte, idx int) (*opentype.Font, error) {
	if coll, err := opentype.ParseCollection(data); err == nil && coll.NumFonts() > 1 {
		return coll.Font(idx)
	}
	return opentype.Parse(data)
}

// Part is a piece of text drawn with one font.
type Part struct {
	Font *opentype.Font
	Text string
}

// Line describes one line of text on a plain background.
type Line struct {
	Parts   []Part
	SizePx  float64 // font size in pixels (em height)
	Hinting bool
	X       float64 // left edge of the text, in pixels (fractions shift the glyphs)
	Gap     float64 // extra space between parts, in pixels
	FG, BG  color.Color
	W, H    int // image size; the text is centred vertically
}

// Draw renders l into a new image.
func Draw(l Line) (*image.RGBA, error) {
	img := image.NewRGBA(image.Rect(0, 0, l.W, l.H))
	draw.Draw(img, img.Bounds(), image.NewUniform(l.BG), image.Point{}, draw.Src)
	hint := font.HintingNone
	if l.Hinting {
		hint = font.HintingFull
	}
	x := fixed.Int26_6(l.X * 64)
	for i, p := range l.Parts {
		face, err := opentype.NewFace(p.Font, &opentype.FaceOptions{Size: l.SizePx, DPI: 72, Hinting: hint})
		if err != nil {
			return nil, err
		}
		m := face.Metrics()
		capH := -m.CapHeight // x/image measures y downwards
		if capH <= 0 {
			capH = m.Ascent * 7 / 10
		}
		base := (fixed.I(l.H) + capH) / 2
		d := &font.Drawer{Dst: img, Src: image.NewUniform(l.FG), Face: face, Dot: fixed.Point26_6{X: x, Y: base}}
		d.DrawString(p.Text)
		x = d.Dot.X
		if i < len(l.Parts)-1 {
			x += fixed.Int26_6(l.Gap * 64)
		}
		face.Close()
	}
	return img, nil
}

// HasGlyphs reports whether f has a glyph for every rune of text.
func HasGlyphs(f *opentype.Font, text string) bool {
	var buf sfnt.Buffer
	for _, r := range text {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}
