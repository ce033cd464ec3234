package screen

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"xiaotongfu/backend/devices/ocr"
)

// needX skips the test when there is no X display to capture.
func needX(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no DISPLAY: the real-screen tests need an X server; run `xvfb-run -a go test ./backend/devices/screen/...` (make test does)")
	}
	if _, err := exec.LookPath("display"); err != nil {
		t.Skip("ImageMagick's display is not installed (apt-get install imagemagick): nothing can show the amount window")
	}
}

// showAmount draws text into a w×h PNG and shows it in a window at (x, y) of the screen with
// ImageMagick's display, which draws it pixel for pixel.
func showAmount(t *testing.T, text string, fg, bg color.Color, x, y, w, h int) {
	t.Helper()
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 28, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	d := &font.Drawer{Dst: img, Src: image.NewUniform(fg), Face: face, Dot: fixed.P(40, h/2+10)}
	d.DrawString(text)
	path := filepath.Join(t.TempDir(), "amount.png")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(out, img); err != nil {
		t.Fatal(err)
	}
	out.Close()
	cmd := exec.Command("display", "-geometry", fmt.Sprintf("+%d+%d", x, y), path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
}

func itoa(v int) string {
	return string(rune('0'+v/100%10)) + string(rune('0'+v/10%10)) + string(rune('0'+v%10))
}

// TestCaptureAndRecognizeOnXvfb shows an amount in a real X window, grabs its region with
// Capture and reads it with the recogniser, through OCRSource and Watcher as the app does.
func TestCaptureAndRecognizeOnXvfb(t *testing.T) {
	needX(t)
	ds := Displays()
	if len(ds) == 0 {
		t.Fatal("DISPLAY is set but no display was found")
	}
	t.Logf("displays: %+v", ds)
	showAmount(t, "¥1,234.56", color.RGBA{255, 255, 255, 255}, color.RGBA{0, 84, 166, 255}, 100, 200, 320, 70)
	rec, err := ocr.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	// Inside the window, away from display's 2-pixel frame.
	src := &OCRSource{Display: 0, Rect: image.Rect(108, 208, 412, 262), Recognizer: rec}
	var fired []int64
	w := &Watcher{Source: src, OnAmount: func(fen int64, _ string) { fired = append(fired, fen) },
		OnError: func(err error) { t.Errorf("read failed: %v", err) }}
	deadline := time.Now().Add(10 * time.Second)
	for len(fired) == 0 && time.Now().Before(deadline) {
		w.Poll(context.Background())
		time.Sleep(100 * time.Millisecond)
	}
	if len(fired) != 1 || fired[0] != 123456 {
		img, _ := Capture(0, src.Rect)
		res := rec.Recognize(img)
		t.Fatalf("watcher fired %v, want [123456]; last read %+v", fired, res)
	}
}

func TestCaptureErrorsOnXvfb(t *testing.T) {
	needX(t)
	if _, err := Capture(7, image.Rect(0, 0, 10, 10)); !errors.Is(err, ErrNoDisplay) {
		t.Errorf("display 7: %v, want ErrNoDisplay", err)
	}
	if _, err := Capture(0, image.Rect(0, 0, 0, 10)); !errors.Is(err, ErrBadRect) {
		t.Errorf("empty rect: %v, want ErrBadRect", err)
	}
	b := Displays()[0].Bounds
	if _, err := Capture(0, image.Rect(b.Dx()-5, 0, b.Dx()+5, 10)); !errors.Is(err, ErrBadRect) {
		t.Errorf("rect past the edge: %v, want ErrBadRect", err)
	}
	img, err := Capture(0, image.Rect(0, 0, 30, 20))
	if err != nil {
		t.Fatalf("Capture 30×20: %v", err)
	}
	if img.Bounds().Dx() != 30 || img.Bounds().Dy() != 20 {
		t.Errorf("Capture 30×20 gave %v", img.Bounds())
	}
}
