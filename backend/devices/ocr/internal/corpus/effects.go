package corpus

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// applyPost gives img the sample's pixel-level effect: ClearType colour fringes or an italic slant.
func applyPost(img *image.RGBA, s Sample) {
	switch s.Effect {
	case "cleartype":
		clearType(img, s)
	case "italic":
		slant := 1 + float64(nameSeed(s.Name)%2) // 1 or 2 px over the digit height
		shear(img, s, slant/(0.72*s.SizePx*s.Scale))
	}
}

// coverage is how far pixel i lies from bg towards fg, 0–1.
func coverage(img *image.RGBA, i int, s Sample) float64 {
	dr, dg, db := float64(s.FG.R)-float64(s.BG.R), float64(s.FG.G)-float64(s.BG.G), float64(s.FG.B)-float64(s.BG.B)
	n := dr*dr + dg*dg + db*db
	if n == 0 {
		return 0
	}
	p := img.Pix[i:]
	v := ((float64(p[0])-float64(s.BG.R))*dr + (float64(p[1])-float64(s.BG.G))*dg + (float64(p[2])-float64(s.BG.B))*db) / n
	return math.Max(0, math.Min(1, v))
}

func mix(bg, fg uint8, c float64) uint8 {
	return uint8(math.Round(float64(bg) + (float64(fg)-float64(bg))*c))
}

// clearType imitates RGB sub-pixel rendering: the red channel takes the coverage a third of a
// pixel to the left, the blue one a third to the right, which leaves colour fringes on stems.
func clearType(img *image.RGBA, s Sample) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	row := make([]float64, w+2)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			row[x+1] = coverage(img, y*img.Stride+4*x, s)
		}
		for x := 0; x < w; x++ {
			c := row[x+1]
			cr, cb := (2*c+row[x])/3, (2*c+row[x+2])/3
			p := img.Pix[y*img.Stride+4*x:]
			p[0], p[1], p[2] = mix(s.BG.R, s.FG.R, cr), mix(s.BG.G, s.FG.G, c), mix(s.BG.B, s.FG.B, cb)
		}
	}
}

// shear slants img by k pixels per pixel of height, pivoting on the vertical centre (the glyphs'
// middle): rows above it move right, rows below move left, interpolated linearly.
func shear(img *image.RGBA, s Sample, k float64) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	src := make([]uint8, len(img.Pix))
	copy(src, img.Pix)
	bg := [4]uint8{s.BG.R, s.BG.G, s.BG.B, 255}
	at := func(y, x, c int) float64 {
		if x < 0 || x >= w {
			return float64(bg[c])
		}
		return float64(src[y*img.Stride+4*x+c])
	}
	for y := 0; y < h; y++ {
		d := k * (float64(h)/2 - float64(y))
		fx := math.Floor(d)
		t := d - fx
		for x := 0; x < w; x++ {
			sx := x - int(fx)
			for c := 0; c < 3; c++ {
				v := at(y, sx, c)*(1-t) + at(y, sx-1, c)*t
				img.Pix[y*img.Stride+4*x+c] = uint8(math.Round(v))
			}
		}
	}
}

// textWidth measures text in the font at path, for sizing and placing the parts of a line.
func textWidth(path, number string, size float64) float64 {
	p, err := loadFont(path)
	if err != nil {
		return labelWidth(number, size)
	}
	face, err := opentype.NewFace(p.Font, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return labelWidth(number, size)
	}
	defer face.Close()
	return float64(font.MeasureString(face, number)) / float64(fixed.I(1))
}

// DrawMagickPost renders s with ImageMagick into path, then applies the pixel effects.
func DrawMagickPost(s Sample, path string) error {
	if err := DrawMagick(s, path); err != nil {
		return err
	}
	if s.Effect != "cleartype" && s.Effect != "italic" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	src, err := png.Decode(f)
	f.Close()
	if err != nil {
		return err
	}
	img := image.NewRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
	applyPost(img, s)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
