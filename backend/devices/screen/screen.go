// Package screen captures rectangles of the screen and reads amounts from the cashier program,
// either by OCR of a screen rectangle or, on Windows, from the text of the control under a point,
// and watches a source for a new amount (manual 8.3, 截屏区域配置).
package screen

import (
	"errors"
	"fmt"
	"image"

	"github.com/kbinani/screenshot"
)

// Errors for the UI (stable codes to translate).
var (
	ErrNoDisplay   = errors.New("screen.no_display")   // the display index does not exist
	ErrBadRect     = errors.New("screen.bad_rect")     // the rectangle is empty or outside the display
	ErrCapture     = errors.New("screen.capture")      // the system refused the capture
	ErrOnlyWindows = errors.New("screen.only_windows") // reading another program's text box works only on Windows
)

// Display is one screen: Index 0 is the manual's 屏幕1, index 1 its 屏幕2. Bounds are in the
// virtual-desktop coordinates of the system (physical pixels on Windows with a DPI-aware app).
type Display struct {
	Index  int             `json:"index"`
	Bounds image.Rectangle `json:"bounds"`
}

// Displays lists the active screens.
func Displays() []Display {
	n := screenshot.NumActiveDisplays()
	out := make([]Display, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, Display{Index: i, Bounds: screenshot.GetDisplayBounds(i)})
	}
	return out
}

// Capture grabs rect of display, with rect given relative to the display's top-left corner.
func Capture(display int, rect image.Rectangle) (*image.RGBA, error) {
	if display < 0 || display >= screenshot.NumActiveDisplays() {
		return nil, fmt.Errorf("%w: %d", ErrNoDisplay, display)
	}
	b := screenshot.GetDisplayBounds(display)
	abs := rect.Add(b.Min)
	if rect.Empty() || !abs.In(b) {
		return nil, fmt.Errorf("%w: %v on display %v", ErrBadRect, rect, b)
	}
	img, err := screenshot.CaptureRect(abs)
	if err != nil || img == nil {
		return nil, fmt.Errorf("%w: %v", ErrCapture, err)
	}
	return img, nil
}
