// Command amountocr reads amounts from images with the OCR recogniser, for tests and support:
//
//	amountocr [-v] [-calibrate IMG=AMOUNT]... IMG...
//
// It prints one line per image, in order: the amount as "123.32", or "?" when the recogniser
// abstains or the image cannot be read (then with a message on stderr). Each -calibrate first learns the glyphs of IMG, which shows AMOUNT (as on screen).
// With -v each line also has the file, confidence, time in milliseconds and reason for abstaining.
// Exit status: 0 when it ran, 1 when an image could not be read (after all the lines), 2 for bad arguments or a failed calibration.
package main

import (
	"errors"
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
	code = 0
	for _, path := range fs.Args() {
		if !readOne(rec, path, *verbose, stdout, stderr) {
			code = 1
		}
	}
	return code
}

// readOne prints the line of one image; for an unreadable one "?", with the reason on stderr.
func readOne(rec *ocr.Recognizer, path string, verbose bool, stdout, stderr io.Writer) bool {
	img, err := load(path)
	if err != nil {
		fmt.Fprintf(stderr, "amountocr: %s: 无法读取图片 (cannot read the image): %v\n", path, err)
		if verbose {
			fmt.Fprintf(stdout, "%s\t?\t0.000\t0.000\tunreadable\n", path)
		} else {
			fmt.Fprintln(stdout, "?")
		}
		return false
	}
	start := time.Now()
	res := rec.Recognize(img)
	ms := float64(time.Since(start).Microseconds()) / 1000
	amount, reason := "?", ""
	if res.OK() {
		amount = fmt.Sprintf("%d.%02d", res.Fen/100, res.Fen%100)
	} else {
		reason = res.Err.Error()
	}
	if verbose {
		fmt.Fprintf(stdout, "%s\t%s\t%.3f\t%.3f\t%s\n", path, amount, res.Confidence, ms, reason)
	} else {
		fmt.Fprintln(stdout, amount)
	}
	return true
}

// calibrationMessages explain the calibration error codes in Chinese and English.
var calibrationMessages = map[error]string{
	ocr.ErrCalibrationText:     "金额格式不对 (AMOUNT is not a valid amount)",
	ocr.ErrCalibrationNotFound: "图中找不到这个金额的数字 (no run of digits matching AMOUNT in the image)",
	ocr.ErrCalibrationMismatch: "图中的数字与填写的金额不一致 (the digits in the image are not AMOUNT)",
	ocr.ErrCalibrationData:     "对接数据已损坏 (calibration data is damaged)",
}

// calibrationMessage is the human message of a calibration error, with its code.
func calibrationMessage(err error) string {
	for code, msg := range calibrationMessages {
		if errors.Is(err, code) {
			return msg + " [" + err.Error() + "]"
		}
	}
	return err.Error()
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
			fmt.Fprintf(stderr, "amountocr: calibrate %s=%s: %s\n", path, amount, calibrationMessage(err))
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
