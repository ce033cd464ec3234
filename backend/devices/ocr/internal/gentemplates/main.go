// Command gentemplates makes builtin.bin, the OCR package's built-in glyph templates.
//
// It renders amounts such as "1234567.89" and "¥90.00" with golang.org/x/image's rasteriser in
// corpus.TemplateFonts (open fonts from Debian packages, none of them used by the evaluation
// corpus), at pixel sizes 10–46, with and without hinting and at fractional x offsets,
// black on white. Each image is passed through ocr.LearnGlyphs (Calibrate without the check against older templates), so the templates are cut and sampled
// by exactly the code that reads the screen; near-duplicates are dropped and the rest packed.
// The fonts are needed only here, never at run time. Run it with `go generate ./backend/devices/ocr`.
package main

import (
	"flag"
	"fmt"
	"image/color"
	"log"
	"os"

	"xiaotongfu/backend/devices/ocr"
	"xiaotongfu/backend/devices/ocr/internal/corpus"
	"xiaotongfu/backend/devices/ocr/internal/render"
)

var (
	sizes   = []float64{10, 11, 12, 13, 14, 16, 18, 20, 23, 26, 30, 35, 40, 46}
	amounts = []string{"1234567.89", "¥90.00", "4,071.35", "56.78元", "987654321", "301"}
)

func main() {
	out := flag.String("out", "builtin.bin", "file to write")
	verbose := flag.Bool("v", false, "list the renderings that could not be learnt")
	flag.Parse()
	var cals []*ocr.Calibration
	failed := 0
	for _, tf := range corpus.TemplateFonts {
		path := tf.Path
		f, err := render.LoadFont(path)
		if err != nil {
			log.Fatalf("gentemplates: %s: %v", path, err)
		}
		for _, size := range sizes {
			for _, hint := range []bool{false, true} {
				for _, dx := range offsets(size) {
					for _, amount := range amounts {
						if !render.HasGlyphs(f, amount) {
							continue // a missing glyph would be learnt from the font's empty box
						}
						img, err := render.Draw(render.Line{
							Parts: []render.Part{{Font: f, Text: amount}}, SizePx: size, Hinting: hint,
							X: 8 + dx, FG: color.Black, BG: color.White, W: 40 + int(size*7), H: int(size*2) + 8,
						})
						if err != nil {
							log.Fatal(err)
						}
						c, err := ocr.LearnGlyphs(img, amount)
						if err != nil {
							failed++
							if *verbose {
								fmt.Fprintf(os.Stderr, "skip %s %.0fpx hint=%v %q: %v\n", path, size, hint, amount, err)
							}
							continue
						}
						cals = append(cals, c)
					}
				}
			}
		}
	}
	data, err := ocr.BuildTemplateData(cals)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("gentemplates: %d images learnt, %d skipped, %d bytes written to %s\n", len(cals), failed, len(data), *out)
}

// offsets gives the sub-pixel shifts used at a size: small text changes shape with them.
func offsets(size float64) []float64 {
	if size <= 20 {
		return []float64{0, 0.33, 0.67}
	}
	return []float64{0}
}
