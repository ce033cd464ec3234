package tray

import (
	"runtime"

	"fyne.io/systray"
)

// start runs the library's own loop on a goroutine locked to one OS thread: on Windows the
// tray's hidden window only receives messages on the thread that created it, and Wails keeps
// the main thread. (RunWithExternalLoop would pump messages on an unlocked goroutine.)
func (t *Tray) start(o Options) {
	go func() {
		runtime.LockOSThread()
		systray.Run(func() {
			t.setAvailable(true)
			t.onReady(o)
		}, nil)
	}()
	t.stopFn = systray.Quit
}

func (t *Tray) stop() { t.stopFn() }
