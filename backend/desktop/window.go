package desktop

import (
	"context"
	"time"

	"xiaotongfu/backend/desktop/wailsrt"
	"xiaotongfu/backend/devices/hotkey"
	"xiaotongfu/backend/services"
)

// minimisePoll is how often the shell checks whether the system minimised the window
// (Windows only: see pollMinimised).
const minimisePoll = 400 * time.Millisecond

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
	w := sh.Modes
	sh.tray = startTray(w, sh.Log)
	w.Attach(wailsrt.NewWindow(ctx), sh.tray.Available)
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
func (sh *Shell) BeforeClose() bool { return sh.Modes.BeforeClose() }
