// Package tray shows the app in the system tray (DESIGN: close goes to tray; menu 显示主界面 /
// 快捷收款 / 退出) with fyne.io/systray, started beside Wails without taking the main thread.
// A tray that cannot be shown (Linux without a StatusNotifierWatcher, no D-Bus) is logged and
// reported by Available; it never blocks or crashes the app.
package tray

import (
	"log/slog"
	"sync"

	"fyne.io/systray"
)

// Menu labels.
const (
	LabelShow     = "显示主界面"
	LabelQuickPay = "快捷收款"
	LabelQuit     = "退出"
)

// Menu holds the callbacks of the tray menu. They run on the tray's goroutine and should
// return quickly (emit an event, show the window); nil entries do nothing.
type Menu struct {
	OnShow     func()
	OnQuickPay func()
	OnQuit     func() // the app's normal shutdown; the tray does not quit by itself
}

// Options sets what the tray shows.
type Options struct {
	Title   string       // default "小通付"
	Tooltip string       // default Title
	Icon    []byte       // ICO on Windows, PNG elsewhere; default a plain generated icon
	Logger  *slog.Logger // default slog.Default()
}

// Tray is the running tray icon. There is one per process (the library is a singleton):
// call Start once and Stop once.
type Tray struct {
	log   *slog.Logger
	menu  Menu
	quit  chan struct{}
	ready chan struct{} // closed when the menu exists
	once  sync.Once

	mu        sync.Mutex
	available bool
	stopFn    func()
}

var started sync.Once

// Start shows the tray icon and returns at once; the platform start-up runs in the
// background. A second Start in the same process returns nil.
func Start(o Options, m Menu) *Tray {
	var t *Tray
	started.Do(func() {
		if o.Title == "" {
			o.Title = "小通付"
		}
		if o.Tooltip == "" {
			o.Tooltip = o.Title
		}
		if o.Icon == nil {
			o.Icon = defaultIcon()
		}
		if o.Logger == nil {
			o.Logger = slog.Default()
		}
		t = &Tray{log: o.Logger, menu: m, quit: make(chan struct{}), ready: make(chan struct{})}
		t.start(o)
	})
	return t
}

// onReady builds the menu; the library calls it once the tray is registered.
func (t *Tray) onReady(o Options) {
	systray.SetIcon(o.Icon)
	systray.SetTitle(o.Title)
	systray.SetTooltip(o.Tooltip)
	show := systray.AddMenuItem(LabelShow, LabelShow)
	quick := systray.AddMenuItem(LabelQuickPay, LabelQuickPay)
	systray.AddSeparator()
	quit := systray.AddMenuItem(LabelQuit, LabelQuit)
	go t.dispatch(show.ClickedCh, quick.ClickedCh, quit.ClickedCh)
	close(t.ready)
}

func (t *Tray) dispatch(show, quick, quit <-chan struct{}) {
	call := func(f func()) {
		if f != nil {
			f()
		}
	}
	for {
		select {
		case <-t.quit:
			return
		case <-show:
			call(t.menu.OnShow)
		case <-quick:
			call(t.menu.OnQuickPay)
		case <-quit:
			call(t.menu.OnQuit)
		}
	}
}

// SetTooltip changes the hover text, e.g. to show the store or the box status.
func (t *Tray) SetTooltip(s string) {
	if t != nil {
		systray.SetTooltip(s)
	}
}

// Available reports whether a tray host accepted the icon. When false, closing the window
// should minimise it instead of hiding it, or the user could not get it back.
func (t *Tray) Available() bool {
	if t == nil {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.available
}

func (t *Tray) setAvailable(ok bool) {
	t.mu.Lock()
	t.available = ok
	t.mu.Unlock()
}

// Stop removes the icon and ends the menu goroutine. It is safe to call more than once and
// on a nil *Tray.
func (t *Tray) Stop() {
	if t == nil {
		return
	}
	t.once.Do(func() {
		close(t.quit)
		t.stop()
	})
}
