package wailsrt

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Window is the window calls the window modes make, over the Wails runtime of the app's
// context (windowmode.Runtime).
type Window struct{ ctx context.Context }

// NewWindow returns the window of the Wails runtime context ctx (from OnStartup).
func NewWindow(ctx context.Context) Window { return Window{ctx: ctx} }

// Show shows the window.
func (w Window) Show() { runtime.WindowShow(w.ctx) }

// Hide hides the window.
func (w Window) Hide() { runtime.WindowHide(w.ctx) }

// Minimise minimises the window.
func (w Window) Minimise() { runtime.WindowMinimise(w.ctx) }

// Unminimise restores a minimised window.
func (w Window) Unminimise() { runtime.WindowUnminimise(w.ctx) }

// IsMinimised reports whether the window is minimised.
func (w Window) IsMinimised() bool { return runtime.WindowIsMinimised(w.ctx) }

// SetSize sets the window's size.
func (w Window) SetSize(x, y int) { runtime.WindowSetSize(w.ctx, x, y) }

// SetMinSize sets the window's minimum size.
func (w Window) SetMinSize(x, y int) { runtime.WindowSetMinSize(w.ctx, x, y) }

// SetAlwaysOnTop keeps the window above the others, or stops doing so.
func (w Window) SetAlwaysOnTop(on bool) { runtime.WindowSetAlwaysOnTop(w.ctx, on) }

// Center centres the window on its screen.
func (w Window) Center() { runtime.WindowCenter(w.ctx) }

// SetPosition moves the window.
func (w Window) SetPosition(x, y int) { runtime.WindowSetPosition(w.ctx, x, y) }

// Quit asks Wails to quit; it calls the app's BeforeClose first.
func (w Window) Quit() { runtime.Quit(w.ctx) }

// ScreenSize returns the logical size of the screen showing the window (0, 0 when unknown).
func (w Window) ScreenSize() (int, int) {
	screens, err := runtime.ScreenGetAll(w.ctx)
	if err != nil {
		return 0, 0
	}
	for _, s := range screens {
		if s.IsCurrent {
			return s.Size.Width, s.Size.Height
		}
	}
	return 0, 0
}

// Message shows an information box; it does not block the caller.
func (w Window) Message(title, text string) {
	go func() {
		_, _ = runtime.MessageDialog(w.ctx, runtime.MessageDialogOptions{Type: runtime.InfoDialog, Title: title, Message: text})
	}()
}
