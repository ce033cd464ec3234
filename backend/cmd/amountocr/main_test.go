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
