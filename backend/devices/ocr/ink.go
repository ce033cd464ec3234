package ocr

import (
	"image"
	"image/draw"
	"math"
)

// inkMap holds, for every pixel of a region, how far its colour is from the background colour.
// Anti-aliased text blends text and background colours linearly, so this distance is
// proportional to the pixel's ink coverage whatever the two colours are.
type inkMap struct {
	w, h int
	v    []float32 // distance from the background colour, row-major
	max  float32   // largest distance in the region
}

// newInkMap measures every pixel of img against the background colour, which is the most common
// colour along the region's border.
func newInkMap(img image.Image) *inkMap {
	rgb, w, h := toRGB(img)
	m := &inkMap{w: w, h: h, v: make([]float32, w*h)}
	if w == 0 || h == 0 {
		return m
	}
	br, bg, bb := borderColour(rgb, w, h)
	for i := range m.v {
		dr := float32(rgb[3*i]) - br
		dg := float32(rgb[3*i+1]) - bg
		db := float32(rgb[3*i+2]) - bb
		d := float32(math.Sqrt(float64(dr*dr + dg*dg + db*db)))
		m.v[i] = d
		if d > m.max {
			m.max = d
		}
	}
	return m
}

// toRGB copies img into packed 8-bit RGB triplets, with fast paths for the types that screen
// capture and PNG decoding produce.
func toRGB(img image.Image) ([]uint8, int, int) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	out := make([]uint8, 3*w*h)
	switch src := img.(type) {
	case *image.RGBA:
		copyRGBA(out, src.Pix, src.Stride, src.PixOffset(b.Min.X, b.Min.Y), w, h)
	case *image.NRGBA:
		copyRGBA(out, src.Pix, src.Stride, src.PixOffset(b.Min.X, b.Min.Y), w, h)
	case *image.Gray:
		for y := 0; y < h; y++ {
			row := src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < w; x++ {
				o := 3 * (y*w + x)
				out[o], out[o+1], out[o+2] = row[x], row[x], row[x]
			}
		}
	default:
		rgba := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Src)
		copyRGBA(out, rgba.Pix, rgba.Stride, 0, w, h)
	}
	return out, w, h
}

func copyRGBA(out, pix []uint8, stride, off, w, h int) {
	for y := 0; y < h; y++ {
		row := pix[off+y*stride:]
		for x := 0; x < w; x++ {
			o := 3 * (y*w + x)
			out[o], out[o+1], out[o+2] = row[4*x], row[4*x+1], row[4*x+2]
		}
	}
}

// borderColour returns the mean colour of the most common (4-bit quantised) colour along the border.
func borderColour(rgb []uint8, w, h int) (float32, float32, float32) {
	var count [4096]int32
	var sum [4096][3]int64
	add := func(x, y int) {
		o := 3 * (y*w + x)
		q := int(rgb[o]>>4)<<8 | int(rgb[o+1]>>4)<<4 | int(rgb[o+2]>>4)
		count[q]++
		sum[q][0] += int64(rgb[o])
		sum[q][1] += int64(rgb[o+1])
		sum[q][2] += int64(rgb[o+2])
	}
	for x := 0; x < w; x++ {
		add(x, 0)
		add(x, h-1)
	}
	for y := 1; y < h-1; y++ {
		add(0, y)
		add(w-1, y)
	}
	best := 0
	for q := range count {
		if count[q] > count[best] {
			best = q
		}
	}
	n := float32(count[best])
	return float32(sum[best][0]) / n, float32(sum[best][1]) / n, float32(sum[best][2]) / n
}
