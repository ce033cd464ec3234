package main

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xiaotongfu/backend/internal/testkit"
)

// writeAmount writes text, black on white in 30-pixel Go Regular, as the PNG file dir/name.
func writeAmount(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	testkit.WritePNG(t, path, testkit.DrawText(t, text, testkit.TextImage{Size: 30, FG: color.Black, BG: color.White,
		W: 300, H: 60, Dot: image.Pt(30, 42)}))
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
	if err := os.WriteFile(junk, []byte("not an image"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errOut.Reset()
	code := run([]string{a, junk, c}, &out, &errOut)
	if code != 1 || out.String() != "123.32\n?\n90.09\n" || strings.Count(errOut.String(), "\n") != 1 ||
		!strings.Contains(errOut.String(), "junk.png: 无法读取图片 (cannot read the image)") {
		t.Errorf("unreadable file among readable ones: exit %d, output %q, errors %q", code, out.String(), errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"-calibrate", c + "=77.00", a}, &out, &errOut); code != 2 ||
		!strings.Contains(errOut.String(), "图中的数字与填写的金额不一致 (the digits in the image are not AMOUNT)") {
		t.Errorf("calibration with the wrong amount: exit %d (want 2), message %q", code, errOut.String())
	}
	if code := run(nil, &out, &errOut); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
}
