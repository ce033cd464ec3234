package corpus

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/draw"

	"xiaotongfu/backend/devices/ocr/internal/render"
)

// split separates the label and a fullwidth ￥ (drawn in the CJK label font; most Latin fonts lack
// it) from the number, which keeps a plain ¥ in its own font.
func (s Sample) split() (prefix, number string) {
	number = s.Text
	if strings.HasPrefix(number, "￥") {
		return s.Label + "￥", strings.TrimPrefix(number, "￥")
	}
	if s.Label != "" {
		return s.Label + " ", number
	}
	return "", number
}

func labelPart(text string) (render.Part, error) {
	lab, err := loadFont(LabelFont)
	if err != nil {
		return render.Part{}, err
	}
	lab.Text = text
	return *lab, nil
}

var fontCache sync.Map

func loadFont(path string) (*render.Part, error) {
	if f, ok := fontCache.Load(path); ok {
		return &render.Part{Font: f.(*render.Part).Font}, nil
	}
	f, err := render.LoadFont(path)
	if err != nil {
		return nil, err
	}
	fontCache.Store(path, &render.Part{Font: f})
	return &render.Part{Font: f}, nil
}

// DrawGo renders s with golang.org/x/image.
func DrawGo(s Sample) (image.Image, error) {
	prefix, number := s.split()
	num, err := loadFont(s.Font.Path)
	if err != nil {
		return nil, err
	}
	num.Text = number
	parts := []render.Part{*num}
	if prefix != "" {
		lab, err := labelPart(prefix)
		if err != nil {
			return nil, err
		}
		parts = []render.Part{lab, *num}
	}
	if s.Suffix != "" {
		suf, err := labelPart(s.Suffix)
		if err != nil {
			return nil, err
		}
		parts = append(parts, suf)
	}
	zoom := s.Scale
	if s.Bitmap {
		zoom = 1
	}
	img, err := render.Draw(render.Line{
		Parts: parts, SizePx: s.SizePx * zoom, Hinting: s.Hinting, X: s.X * zoom, Gap: 0,
		FG: s.FG, BG: s.BG, W: int(float64(s.W) * zoom), H: int(float64(s.H) * zoom),
	})
	if err != nil {
		return nil, err
	}
	out := image.Image(img)
	if s.Bitmap {
		big := image.NewRGBA(image.Rect(0, 0, int(float64(s.W)*s.Scale), int(float64(s.H)*s.Scale)))
		draw.BiLinear.Scale(big, big.Bounds(), img, img.Bounds(), draw.Src, nil)
		img, out = big, big
	}
	applyPost(img, s)
	addNoise(img, s)
	return out, nil
}

func nameSeed(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

func addNoise(img *image.RGBA, s Sample) {
	if s.Noise == 0 {
		return
	}
	rng := rand.New(rand.NewPCG(nameSeed(s.Name), 1))
	for i := range img.Pix {
		if i%4 == 3 {
			continue
		}
		v := float64(img.Pix[i]) + rng.NormFloat64()*s.Noise
		img.Pix[i] = uint8(math.Max(0, math.Min(255, math.Round(v))))
	}
}

// DrawMagick renders s with ImageMagick's convert into the PNG file path.
func DrawMagick(s Sample, path string) error {
	prefix, number := s.split()
	zoom := s.Scale
	if s.Bitmap {
		zoom = 1
	}
	size := s.SizePx * zoom
	w, h := int(float64(s.W)*zoom), int(float64(s.H)*zoom)
	base := (float64(h) + 0.72*size) / 2
	x := s.X * zoom
	font := magickFont(s.Font.Path)
	args := []string{"-size", fmt.Sprintf("%dx%d", w, h), "xc:" + rgb(s.BG), "-fill", rgb(s.FG), "-pointsize", fmt.Sprint(size)}
	if prefix != "" {
		args = append(args, "-font", magickFont(LabelFont), "-annotate", fmt.Sprintf("%+.0f%+.0f", x, base), prefix)
		x += textWidth(LabelFont, prefix, size)
	}
	args = append(args, "-font", font, "-annotate", fmt.Sprintf("%+.0f%+.0f", x, base), number)
	if s.Suffix != "" {
		args = append(args, "-font", magickFont(LabelFont), "-annotate", fmt.Sprintf("%+.0f%+.0f", x+textWidth(s.Font.Path, number, size), base), s.Suffix)
	}
	if s.Bitmap {
		args = append(args, "-resize", fmt.Sprintf("%.0f%%", s.Scale*100))
	}
	if s.Noise > 0 {
		args = append(args, "-seed", fmt.Sprint(nameSeed(s.Name)%1000000), "-attenuate", fmt.Sprintf("%.2f", s.Noise/8), "+noise", "Gaussian")
	}
	args = append(args, "PNG24:"+path)
	var stderr bytes.Buffer
	cmd := exec.Command("convert", args...)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("convert %s: %v: %s", s.Name, err, stderr.String())
	}
	return nil
}

// magickFont drops a collection index: ImageMagick uses the collection's first font, whose Latin
// digits are the same.
func magickFont(path string) string {
	if i := strings.Index(path, ".ttc#"); i >= 0 {
		return path[:i+4]
	}
	return path
}

// width measures the whole line as drawn: label and prefix, number, suffix.
func (s Sample) width() float64 {
	prefix, number := s.split()
	return textWidth(LabelFont, prefix, s.SizePx) + textWidth(s.Font.Path, number, s.SizePx) + textWidth(LabelFont, s.Suffix, s.SizePx)
}

// labelWidth estimates the width of text: CJK and fullwidth characters are one em wide.
func labelWidth(text string, size float64) float64 {
	w := 0.0
	for _, r := range text {
		if r > 0x2000 {
			w += size
		} else {
			w += 0.6 * size
		}
	}
	return w
}

func rgb(c color.RGBA) string { return fmt.Sprintf("rgb(%d,%d,%d)", c.R, c.G, c.B) }

// Write draws samples into dir as PNG files plus manifest.tsv (file, expected answer, font,
// font group, rasteriser, size band, effect), using workers goroutines.
func Write(dir string, samples []Sample, workers int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	errs := make(chan error, len(samples))
	jobs := make(chan Sample)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				errs <- writeOne(dir, s)
			}
		}()
	}
	for _, s := range samples {
		jobs <- s
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	var man strings.Builder
	for _, s := range samples {
		kind := "x/image"
		if s.Magick {
			kind = "imagemagick"
		}
		fmt.Fprintf(&man, "%s.png\t%s\t%s\t%s\t%s\t%s\t%s\n", s.Name, s.Want, filepath.Base(s.Font.Path), s.Font.Group, kind, Band(s.SizePx), s.Effect)
	}
	return os.WriteFile(filepath.Join(dir, "manifest.tsv"), []byte(man.String()), 0o644)
}

func writeOne(dir string, s Sample) error {
	path := filepath.Join(dir, s.Name+".png")
	if s.Magick {
		return DrawMagickPost(s, path)
	}
	img, err := DrawGo(s)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
