// Package captcha draws the image captcha that confirms a deliberate admin action: four dark
// digits of a 5×7 bitmap font over light noise. The platform stores the answer; this package
// only draws, and package captchatest reads a picture back for tests.
package captcha

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	mrand "math/rand/v2"
)

// The picture's geometry: Digits digits, each in a Slot-pixel-wide slot, drawn at Scale
// pixels per font cell; a pixel is ink when its r, g and b are all below Dark.
const (
	Digits = 4
	Scale  = 4
	Slot   = 30
	Width  = 8 + Digits*Slot
	Height = 44
	Dark   = 110
)

// Font is the 5×7 bitmap font of the digits 0–9, one string per row, '#' for ink.
var Font = [10][7]string{
	{".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."},
	{"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."},
	{".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"},
	{"####.", "....#", "....#", ".###.", "....#", "....#", "####."},
	{"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."},
	{"#####", "#....", "####.", "....#", "....#", "#...#", ".###."},
	{"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."},
	{"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."},
	{".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."},
	{".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."},
}

// Draw renders answer (digits only) as a PNG: dark jittered digits, light noise lines and dots.
func Draw(answer string) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	light := func() color.RGBA {
		return color.RGBA{uint8(150 + mrand.IntN(100)), uint8(150 + mrand.IntN(100)), uint8(150 + mrand.IntN(100)), 0xff}
	}
	for range 6 {
		x0, y0 := mrand.IntN(Width), mrand.IntN(Height)
		x1, y1 := mrand.IntN(Width), mrand.IntN(Height)
		col := light()
		for t := 0; t <= 100; t++ {
			img.SetRGBA(x0+(x1-x0)*t/100, y0+(y1-y0)*t/100, col)
		}
	}
	for range 150 {
		img.SetRGBA(mrand.IntN(Width), mrand.IntN(Height), light())
	}
	for i, ch := range answer {
		ink := color.RGBA{uint8(mrand.IntN(90)), uint8(mrand.IntN(90)), uint8(mrand.IntN(90)), 0xff}
		ox := 4 + i*Slot + mrand.IntN(Slot-5*Scale-2)
		oy := 2 + mrand.IntN(Height-7*Scale-4)
		for gy, row := range Font[ch-'0'] {
			for gx := range row {
				if row[gx] == '#' {
					fill(img, ox+gx*Scale, oy+gy*Scale, Scale, ink)
				}
			}
		}
	}
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	return buf.Bytes(), err
}

func fill(img *image.RGBA, x, y, n int, c color.RGBA) {
	for dy := range n {
		for dx := range n {
			img.SetRGBA(x+dx, y+dy, c)
		}
	}
}
