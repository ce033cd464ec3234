// Command amountocr reads amounts from images with the OCR recogniser, for tests and support:
//
//	amountocr [-v] [-calibrate IMG=AMOUNT]... IMG...
//
// It prints one line per image, in order: the amount as "123.32", or "?" when the recogniser
// abstains. Each -calibrate first learns the glyphs of IMG, which shows AMOUNT (as on screen).
// With -v each line also has the file, confidence, time in milliseconds and reason for abstaining.
// Exit status: 0 when it ran, 1 for an unreadable image, 2 for bad arguments or a failed calibration.
package main

import (
	"flag"
	"fmt"
	"image"
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"os"
	"strings"
	"time"

	_ "golang.org/x/image/bmp"

	"xiaotongfu/backend/devices/ocr"
)

type calibrations []string

func (c *calibrations) String() string     { return strings.Join(*c, ",") }
func (c *calibrations) Set(v string) error { *c = append(*c, v); return nil }

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("amountocr", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cals calibrations
	fs.Var(&cals, "calibrate", "IMG=AMOUNT: learn the glyphs of IMG, which shows AMOUNT (repeatable)")
	verbose := fs.Bool("v", false, "also print file, confidence, milliseconds and reason")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: amountocr [-v] [-calibrate IMG=AMOUNT]... IMG...")
		return 2
	}
	learnt, code := calibrate(cals, stderr)
	if code != 0 {
		return code
	}
	rec, err := ocr.NewRecognizer(learnt...)
	if err != nil {
		fmt.Fprintln(stderr, "amountocr:", err)
		return 2
	}
	imgs := make([]image.Image, fs.NArg())
	for i, path := range fs.Args() {
		if imgs[i], err = load(path); err != nil {
			fmt.Fprintf(stderr, "amountocr: %s: %v\n", path, err)
			return 1
		}
	}
	for i, img := range imgs {
		start := time.Now()
		res := rec.Recognize(img)
		ms := float64(time.Since(start).Microseconds()) / 1000
		amount, reason := "?", ""
		if res.OK() {
			amount = fmt.Sprintf("%d.%02d", res.Fen/100, res.Fen%100)
		} else {
			reason = res.Err.Error()
		}
		if *verbose {
			fmt.Fprintf(stdout, "%s\t%s\t%.3f\t%.3f\t%s\n", fs.Arg(i), amount, res.Confidence, ms, reason)
		} else {
			fmt.Fprintln(stdout, amount)
		}
	}
	return 0
}

func calibrate(specs []string, stderr io.Writer) ([]*ocr.Calibration, int) {
	var out []*ocr.Calibration
	for _, spec := range specs {
		path, amount, ok := strings.Cut(spec, "=")
		if !ok || path == "" || amount == "" {
			fmt.Fprintf(stderr, "amountocr: -calibrate %q: want IMG=AMOUNT\n", spec)
			return nil, 2
		}
		img, err := load(path)
		if err != nil {
			fmt.Fprintf(stderr, "amountocr: %s: %v\n", path, err)
			return nil, 1
		}
		c, err := ocr.Calibrate(img, amount)
		if err != nil {
			fmt.Fprintf(stderr, "amountocr: calibrate %s=%s: %v\n", path, amount, err)
			return nil, 2
		}
		out = append(out, c)
	}
	return out, 0
}

func load(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	return img, err
}
