package main

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

func writeAmount(t *testing.T, dir, name, text string) string {
	t.Helper()
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 30, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 300, 60))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	d := &font.Drawer{Dst: img, Src: image.NewUniform(color.Black), Face: face, Dot: fixed.P(30, 42)}
	d.DrawString(text)
	path := filepath.Join(dir, name)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	a := writeAmount(t, dir, "a.png", "¥123.32")
	b := writeAmount(t, dir, "b.png", "12.345")
	c := writeAmount(t, dir, "c.png", "90.09")
	var out, errOut bytes.Buffer
	if code := run([]string{a, b, c}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if got := out.String(); got != "123.32\n?\n90.09\n" {
		t.Errorf("output %q", got)
	}
	out.Reset()
	if code := run([]string{"-calibrate", c + "=90.09", "-v", a}, &out, &errOut); code != 0 || !strings.HasPrefix(out.String(), a+"\t123.32\t") {
		t.Errorf("calibrated -v run: exit %d, output %q, errors %q", code, out.String(), errOut.String())
	}
	junk := filepath.Join(dir, "junk.png")
	os.WriteFile(junk, []byte("not an image"), 0o644)
	errOut.Reset()
	if code := run([]string{a, junk}, &out, &errOut); code == 0 || !strings.Contains(errOut.String(), "junk.png") {
		t.Errorf("unreadable file: exit %d, message %q", code, errOut.String())
	}
	if code := run([]string{"-calibrate", c + "=77.00", a}, &out, &errOut); code != 2 {
		t.Errorf("calibration with the wrong amount: exit %d, want 2", code)
	}
	if code := run(nil, &out, &errOut); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
}
