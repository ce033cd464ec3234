package desktop

import (
	"context"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"xiaotongfu/backend/devices/hotkey"
	"xiaotongfu/backend/services"
)

// minimisePoll is how often the shell checks whether the system minimised the window
// (Windows only: see pollMinimised).
const minimisePoll = 400 * time.Millisecond

// wailsWindow is services.WindowRuntime over the Wails runtime of the app's context.
type wailsWindow struct{ ctx context.Context }

var _ services.WindowRuntime = wailsWindow{}

func (w wailsWindow) Show()                  { runtime.WindowShow(w.ctx) }
func (w wailsWindow) Hide()                  { runtime.WindowHide(w.ctx) }
func (w wailsWindow) Minimise()              { runtime.WindowMinimise(w.ctx) }
func (w wailsWindow) Unminimise()            { runtime.WindowUnminimise(w.ctx) }
func (w wailsWindow) IsMinimised() bool      { return runtime.WindowIsMinimised(w.ctx) }
func (w wailsWindow) SetSize(x, y int)       { runtime.WindowSetSize(w.ctx, x, y) }
func (w wailsWindow) SetMinSize(x, y int)    { runtime.WindowSetMinSize(w.ctx, x, y) }
func (w wailsWindow) SetAlwaysOnTop(on bool) { runtime.WindowSetAlwaysOnTop(w.ctx, on) }
func (w wailsWindow) Center()                { runtime.WindowCenter(w.ctx) }
func (w wailsWindow) SetPosition(x, y int)   { runtime.WindowSetPosition(w.ctx, x, y) }
func (w wailsWindow) Quit()                  { runtime.Quit(w.ctx) }

// ScreenSize returns the logical size of the screen showing the window (0, 0 when unknown).
func (w wailsWindow) ScreenSize() (int, int) {
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
func (w wailsWindow) Message(title, text string) {
	go func() {
		_, _ = runtime.MessageDialog(w.ctx, runtime.MessageDialogOptions{Type: runtime.InfoDialog, Title: title, Message: text})
	}()
}

// UseHotkeys gives the shell the operating system's hotkey registration. main passes
// hotkey/native, which only the app binary may import (its Linux init needs an X display).
// Call it before wails.Run.
func (sh *Shell) UseHotkeys(b hotkey.Backend) {
	if sh.Device != nil {
		services.UseHotkeys(sh.Device, b)
	}
}

// StartWindow connects the window modes to the Wails runtime (call it in OnStartup before
// Start): it shows the tray icon and follows the window being minimised by the system.
func (sh *Shell) StartWindow(ctx context.Context) {
	w := sh.Core.Window()
	sh.tray = startTray(w, sh.Log)
	w.Attach(wailsWindow{ctx: ctx}, sh.tray.Available)
	if pollMinimised {
		go w.WatchMinimise(ctx, minimisePoll)
	}
}

// StopWindow removes the tray icon (shutdown). tray.Stop is safe in every state, including a
// tray that never reached D-Bus.
func (sh *Shell) StopWindow() { sh.tray.Stop() }

// BeforeClose is Wails' OnBeforeClose: a close hides to the tray (or minimises without a
// tray); only WindowService.Quit and the tray's 退出 end the app. It reports whether to
// keep the window open.
func (sh *Shell) BeforeClose() bool { return sh.Core.Window().BeforeClose() }
