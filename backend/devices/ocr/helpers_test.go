package ocr

import (
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
)

func loadPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}

// blurred returns src smeared by a 3×3 box blur with ±noise of uniform noise per channel: the
// same digits, less crisp, as after a change of scaling or a lossy remote desktop.
func blurred(src image.Image, noise int, seed uint64) *image.RGBA {
	b := src.Bounds()
	out := image.NewRGBA(b)
	rng := rand.New(rand.NewPCG(seed, 1))
	jitter := func(sum, n int) uint8 {
		v := sum/n + rng.IntN(2*noise+1) - noise
		return uint8(max(0, min(255, v)))
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			var s [3]int
			n := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if !(image.Point{x + dx, y + dy}).In(b) {
						continue
					}
					r, g, bl, _ := src.At(x+dx, y+dy).RGBA()
					s[0], s[1], s[2], n = s[0]+int(r>>8), s[1]+int(g>>8), s[2]+int(bl>>8), n+1
				}
			}
			out.Set(x, y, color.RGBA{jitter(s[0], n), jitter(s[1], n), jitter(s[2], n), 255})
		}
	}
	return out
}
