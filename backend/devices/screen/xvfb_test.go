package screen

import (
	"context"
	"errors"
	"image"
	"image/color"
	"testing"
	"time"

	"xiaotongfu/backend/devices/ocr"
	"xiaotongfu/backend/internal/testkit"
)

// TestCaptureAndRecognizeOnXvfb shows an amount in a real X window, grabs its region with
// Capture and reads it with the recogniser, through OCRSource and Watcher as the app does.
func TestCaptureAndRecognizeOnXvfb(t *testing.T) {
	testkit.NeedX(t, "backend/devices/screen")
	ds := Displays()
	if len(ds) == 0 {
		t.Fatal("DISPLAY is set but no display was found")
	}
	t.Logf("displays: %+v", ds)
	win := testkit.ShowText(t, "¥1,234.56", color.RGBA{255, 255, 255, 255}, color.RGBA{0, 84, 166, 255}, 100, 200, 320, 70)
	rec, err := ocr.NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	src := &OCRSource{Display: 0, Rect: win.Inside(), Recognizer: rec}
	var fired []int64
	w := &Watcher{Source: src, OnAmount: func(fen int64, _ string) { fired = append(fired, fen) },
		OnError: func(err error) { t.Errorf("read failed: %v", err) }}
	deadline := time.Now().Add(time.Minute)
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
	testkit.NeedX(t, "backend/devices/screen")
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
