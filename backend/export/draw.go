package export

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// canvas is an RGBA picture drawn in layout units multiplied by scale.
type canvas struct {
	img   *image.RGBA
	scale float64
	ras   vector.Rasterizer
}

func newCanvas(w, h int, scale float64, bg color.Color) *canvas {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, c2px(w, scale), c2px(h, scale))), scale: scale}
	draw.Draw(c.img, c.img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	return c
}

// c2px converts layout units to pixels.
func c2px(v int, scale float64) int {
	return int(math.Round(float64(v) * scale))
}

func (c *canvas) px(v int) int { return c2px(v, c.scale) }

// rect fills a plain rectangle.
func (c *canvas) rect(x, y, w, h int, col color.Color) {
	r := image.Rect(c.px(x), c.px(y), c.px(x+w), c.px(y+h))
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Over)
}

// roundRect fills an anti-aliased rectangle with corner radius rad (layout units, floats so
// thin bars keep their exact height).
func (c *canvas) roundRect(x, y, w, h, rad float64, col color.Color) {
	s := c.scale
	x0, y0 := math.Floor(x*s), math.Floor(y*s)
	x1, y1 := math.Ceil((x+w)*s), math.Ceil((y+h)*s)
	bw, bh := int(x1-x0), int(y1-y0)
	if bw <= 0 || bh <= 0 {
		return
	}
	l, t := float32(x*s-x0), float32(y*s-y0)
	r, b := float32((x+w)*s-x0), float32((y+h)*s-y0)
	k := float32(math.Min(rad*s, math.Min(w*s, h*s)/2))
	const kappa = 0.4477 // 1 − 0.5523, where the cubic control points sit for a quarter circle
	z := &c.ras
	z.Reset(bw, bh)
	z.MoveTo(l+k, t)
	z.LineTo(r-k, t)
	z.CubeTo(r-k*kappa, t, r, t+k*kappa, r, t+k)
	z.LineTo(r, b-k)
	z.CubeTo(r, b-k*kappa, r-k*kappa, b, r-k, b)
	z.LineTo(l+k, b)
	z.CubeTo(l+k*kappa, b, l, b-k*kappa, l, b-k)
	z.LineTo(l, t+k)
	z.CubeTo(l, t+k*kappa, l+k*kappa, t, l+k, t)
	z.ClosePath()
	z.Draw(c.img, image.Rect(int(x0), int(y0), int(x1), int(y1)), image.NewUniform(col), image.Point{})
}

// align places text relative to x.
type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// text draws s with its baseline at y (layout units), aligned on x.
func (c *canvas) text(tf *typeface, s string, x, y int, a align, col color.Color) {
	px := c.px(x)
	switch a {
	case alignCenter:
		px -= tf.width(s) / 2
	case alignRight:
		px -= tf.width(s)
	}
	dot := fixed.P(px, c.px(y))
	src := image.NewUniform(col)
	for _, r := range s {
		face, adv := tf.faceFor(r)
		d := font.Drawer{Dst: c.img, Src: src, Face: face, Dot: dot}
		d.DrawString(string(r))
		dot.X += adv
	}
}

// textWidth is how wide s is, in layout units.
func (c *canvas) textWidth(tf *typeface, s string) int {
	return int(math.Ceil(float64(tf.width(s)) / c.scale))
}

// hex turns 0xRRGGBB into an opaque colour.
func hex(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}
}
