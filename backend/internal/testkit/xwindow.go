package testkit

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/kbinani/screenshot"
)

// NeedX skips the test, saying why, when there is no X display or no ImageMagick display to
// show an image on it, or in a Windows build (under Wine, DISPLAY is set but the program talks
// to Windows' screen, not X). pkg names the package to run under Xvfb in the skip message.
func NeedX(t testing.TB, pkg string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("X11 test: it shows the amount with ImageMagick's display, a Linux program, and a Windows build captures through GDI, not X")
	}
	if os.Getenv("DISPLAY") == "" {
		t.Skipf("no DISPLAY: these tests use a real X screen; run `scripts/xvfb.sh go test ./%s/...` (make test does)", pkg)
	}
	if _, err := exec.LookPath("display"); err != nil {
		t.Skip("ImageMagick's display is not installed (apt-get install imagemagick): nothing can show the amount window")
	}
}

// XWindow is an image shown on the X screen by ImageMagick's display.
type XWindow struct {
	// Rect is where the image stands on the screen.
	Rect image.Rectangle
	cmd  *exec.Cmd
}

// Inside is the window's rectangle 8 pixels in from each edge: the text, away from the frame
// display draws around the image.
func (w *XWindow) Inside() image.Rectangle { return w.Rect.Inset(8) }

// Close removes the window; it may be called more than once.
func (w *XWindow) Close() {
	if w.cmd != nil {
		_ = w.cmd.Process.Kill()
		_ = w.cmd.Wait()
		w.cmd = nil
	}
}

// ShowText draws text (28-pixel Go Regular, fg on bg, baseline at (40, h/2+10)) into a w×h
// image and shows it with its top-left corner at (x, y) of the screen. display draws it pixel
// for pixel inside a 2-pixel frame. The window is closed when t ends.
func ShowText(t testing.TB, text string, fg, bg color.Color, x, y, w, h int) *XWindow {
	t.Helper()
	img := DrawText(t, text, TextImage{Size: 28, FG: fg, BG: bg, W: w, H: h, Dot: image.Pt(40, h/2+10)})
	path := filepath.Join(t.TempDir(), "amount.png")
	WritePNG(t, path, img)
	win := &XWindow{Rect: image.Rect(x, y, x+w, y+h), cmd: exec.Command("display", "-geometry", fmt.Sprintf("+%d+%d", x, y), path)}
	if err := win.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(win.Close)
	waitShown(t, win.Rect, img)
	return win
}

// displayFrame is the width of the frame display draws at the window's position, before the
// image's first pixel.
const displayFrame = 2

// waitShown returns once the screen shows img in the window at r, pixel for pixel inside an
// 8-pixel margin: display has mapped the window and drawn all of it. It polls the screen however
// long a loaded machine takes; the minute only guards against a display that never comes up.
func waitShown(t testing.TB, r image.Rectangle, img image.Image) {
	t.Helper()
	in := r.Inset(8)
	for give := time.Now().Add(time.Minute); time.Now().Before(give); time.Sleep(20 * time.Millisecond) {
		if shot, err := screenshot.CaptureRect(in); err == nil && sameImage(shot, img, in.Min.Sub(r.Min).Sub(image.Pt(displayFrame, displayFrame))) {
			return
		}
	}
	t.Fatalf("display never showed its whole window at %v", r)
}

// sameImage reports whether every pixel of shot equals img's at the same place plus off.
func sameImage(shot *image.RGBA, img image.Image, off image.Point) bool {
	b := shot.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if shot.RGBAAt(x, y) != color.RGBAModel.Convert(img.At(x-b.Min.X+off.X, y-b.Min.Y+off.Y)) {
				return false
			}
		}
	}
	return true
}

// MainHoldingX runs the tests of a package (from its TestMain) and exits. When there is a
// display it holds one X connection open for the whole run: an X server that resets whenever
// its last client leaves would otherwise meet some captures mid-reset, as screenshot opens a
// new connection per call. pkg names the package in the error when X cannot be reached. A
// Windows build (under Wine) holds none: it does not speak X.
func MainHoldingX(m *testing.M, pkg string) {
	if os.Getenv("DISPLAY") == "" || runtime.GOOS == "windows" {
		os.Exit(m.Run())
	}
	conn, err := xgb.NewConn()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s tests: cannot connect to X display %q: %v\n", pkg, os.Getenv("DISPLAY"), err)
		os.Exit(1)
	}
	code := m.Run()
	conn.Close()
	os.Exit(code)
}
