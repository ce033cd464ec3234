// Package windowmode switches the one Wails window between its modes (DESIGN: main, 副收款界面
// quick pay, floating bubble), hides it to the tray on close and guards quitting. The UI asks
// through services.WindowService; Go itself (hotkeys, box scans, detected amounts, the tray)
// calls the Controller directly. The window calls go through Runtime (wailsrt.Window).
package windowmode

import (
	"cmp"
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
)

// Window sizes per mode, in device-independent pixels. main.go uses the main ones too.
const (
	MainWidth, MainHeight       = 1280, 800
	MainMinWidth, MainMinHeight = 1024, 640
	QuickPayWidth, QuickHeight  = 420, 300
	FloatingSize                = 120
	floatingMargin              = 24
)

// Runtime is what the window modes need from the Wails runtime. The desktop passes
// wailsrt.Window; tests pass a recorder. Calls may come from any goroutine.
type Runtime interface {
	Show()
	Hide()
	Minimise()
	Unminimise()
	IsMinimised() bool
	SetSize(w, h int)
	SetMinSize(w, h int)
	SetAlwaysOnTop(on bool)
	Center()
	SetPosition(x, y int)
	ScreenSize() (w, h int) // the current screen's size; 0, 0 when unknown
	Quit()                  // asks Wails to quit; it calls the app's BeforeClose first
	Message(title, text string)
}

// ErrQuitWhilePaying refuses to quit while a payment is in flight.
var ErrQuitWhilePaying = domain.Errorf(domain.CodePayInFlight, "正在收款，请等待收款完成后再退出")

// Controller switches the one Wails window between its modes, hides it to the tray on close
// and guards quitting. It is shared by WindowService (the UI's requests) and by Go itself
// (hotkeys, box scans, detected amounts, the tray). It is safe for concurrent use.
type Controller struct {
	emit   events.Emitter
	log    *slog.Logger
	paying func() bool

	quitting atomic.Bool
	closed   atomic.Bool // BeforeClose let the app end
	op       sync.Mutex  // serialises mode switches (they call the runtime)

	mu           sync.Mutex
	rt           Runtime
	tray         func() bool
	mode         string
	hidden       bool // hidden to the tray
	minimised    bool // minimised without a bubble (隐藏悬浮窗)
	hideFloating bool
	detected     detectedAmount // the last amount read from the screen, for quick pay
	now          func() time.Time
	askQuit      func() bool // see SetQuitAsk
	askedAt      time.Time   // when the tray's 退出 last asked the UI
}

// Options build a Controller.
type Options struct {
	Emitter events.Emitter   // tells the UI about mode switches (window:mode)
	Log     *slog.Logger     // slog.Default() when nil
	Paying  func() bool      // reports a payment in progress (Quit is refused then); nil: never
	Now     func() time.Time // the clock of the detected amount; time.Now when nil
}

// New returns the controller in main mode, with no runtime until Attach.
func New(opts Options) *Controller {
	w := &Controller{emit: opts.Emitter, log: cmp.Or(opts.Log, slog.Default()), paying: opts.Paying,
		mode: events.ModeMain, tray: func() bool { return false }, now: opts.Now}
	if w.emit == nil {
		w.emit = &events.Recorder{}
	}
	if w.now == nil {
		w.now = time.Now
	}
	return w
}

// Attach gives the controller the window's runtime (at start-up) and a way to know whether
// the tray icon is shown (it may appear after start-up).
func (w *Controller) Attach(rt Runtime, trayAvailable func() bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.rt = rt
	if trayAvailable != nil {
		w.tray = trayAvailable
	}
}

// SetHideFloating sets 隐藏悬浮窗: when true, minimising shows no bubble.
func (w *Controller) SetHideFloating(hide bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.hideFloating = hide
}

// Mode returns the current mode.
func (w *Controller) Mode() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.mode
}

// Background reports whether the main window is out of sight: hidden to the tray,
// minimised, or shown as the floating bubble.
func (w *Controller) Background() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.hidden || w.minimised || w.mode == events.ModeFloating
}

// ShowQuickPay opens the quick-pay dialog with what the caller knows (amount in fen and/or a
// payment code) and tells the UI with window:mode. Without an amount it offers the last
// amount read from the screen, when that is recent and no payment has used it (see
// NoteDetected). It implements services.ModeSwitcher.
func (w *Controller) ShowQuickPay(reason, code string, amount int64) {
	e := events.Mode{Mode: events.ModeQuickPay, Reason: reason, Amount: amount, Code: code}
	if amount == 0 {
		if a, ok := w.recentDetected(); ok {
			e.Amount, e.Source = a.Amount, a.Source
		}
	}
	w.switchTo(e, true)
}

// ShowDetected opens the quick-pay dialog with an amount read from the screen; window:mode
// names its source (ocr or textbox).
func (w *Controller) ShowDetected(reason string, a events.Amount) {
	w.switchTo(events.Mode{Mode: events.ModeQuickPay, Reason: reason, Amount: a.Amount, Source: a.Source, Order: a.Order}, true)
}

// ShowMain brings back the main window and tells the UI with window:mode.
func (w *Controller) ShowMain(reason string) {
	w.switchTo(events.Mode{Mode: events.ModeMain, Reason: reason}, true)
}

// SetMode switches to mode at the UI's request (the UI routes itself; no event is sent).
func (w *Controller) SetMode(mode string) error {
	switch mode {
	case events.ModeMain, events.ModeQuickPay, events.ModeFloating:
	default:
		return domain.FieldError("mode", "未知的窗口模式 %q", mode)
	}
	w.switchTo(events.Mode{Mode: mode, Reason: events.ReasonUser}, false)
	return nil
}

// Minimise shows the floating bubble, or minimises the window when 隐藏悬浮窗 is set.
func (w *Controller) Minimise() {
	w.mu.Lock()
	hide, rt := w.hideFloating, w.rt
	w.mu.Unlock()
	if !hide {
		w.switchTo(events.Mode{Mode: events.ModeFloating, Reason: events.ReasonUser}, true)
		return
	}
	w.op.Lock()
	defer w.op.Unlock()
	w.mu.Lock()
	w.minimised = true
	w.mu.Unlock()
	if rt != nil {
		rt.Minimise()
	}
}

// Close hides the window to the tray when the tray icon is shown; otherwise it minimises
// (bubble or taskbar), so the cashier can always get the window back.
func (w *Controller) Close() {
	w.mu.Lock()
	rt, tray := w.rt, w.tray()
	w.mu.Unlock()
	if !tray || rt == nil {
		w.Minimise()
		return
	}
	w.op.Lock()
	defer w.op.Unlock()
	w.mu.Lock()
	w.hidden = true
	w.mu.Unlock()
	rt.Hide()
}

// Quit ends the app through Wails' normal shutdown, unless a payment is in flight.
func (w *Controller) Quit() error {
	if w.paying != nil && w.paying() {
		return ErrQuitWhilePaying
	}
	w.mu.Lock()
	rt := w.rt
	w.mu.Unlock()
	w.quitting.Store(true)
	if rt != nil {
		rt.Quit()
	}
	return nil
}

// QuitOnSignal ends the app when the process got SIGINT/SIGTERM, even during a payment (the
// normal shutdown still waits for a payment request already sent). Wails also turns the
// signal into a close request; whichever BeforeClose sees after quitting is set lets the app
// end, and Quit is asked again only when no close request got through within grace (asking
// twice at once crashes GTK).
func (w *Controller) QuitOnSignal(grace time.Duration) {
	w.quitting.Store(true)
	time.Sleep(grace)
	if w.closed.Load() {
		return
	}
	w.mu.Lock()
	rt := w.rt
	w.mu.Unlock()
	if rt != nil {
		rt.Quit()
	}
}

// QuitOrExplain is the tray's 退出: Quit, or when refused, the main window and a message.
// When SetQuitAsk's question says so, the UI asks "交班后退出?" first (see askFirst).
func (w *Controller) QuitOrExplain() {
	if w.askFirst() {
		return
	}
	if err := w.Quit(); err != nil {
		w.ShowMain(events.ReasonUser)
		w.mu.Lock()
		rt := w.rt
		w.mu.Unlock()
		if rt != nil {
			rt.Message("小通付", domain.AsError(err).Message)
		}
	}
}

// BeforeClose is Wails' OnBeforeClose: it lets a Quit through and turns every other close
// (the close button, Alt+F4, the taskbar) into Close. It reports whether to keep the window.
// It may run on the UI thread, so the runtime calls happen on another goroutine.
func (w *Controller) BeforeClose() bool {
	if w.quitting.Load() {
		w.closed.Store(true)
		return false
	}
	go func() {
		time.Sleep(closeSettle)
		if !w.quitting.Load() { // not a signal that raced this close request
			w.Close()
		}
	}()
	return true
}

// closeSettle lets a quit signal that arrived with a close request win over hiding the window.
const closeSettle = 100 * time.Millisecond

// switchTo applies a mode and, when told to, announces it with window:mode.
func (w *Controller) switchTo(e events.Mode, announce bool) {
	w.op.Lock()
	defer w.op.Unlock()
	w.mu.Lock()
	prev, wasAway, rt := w.mode, w.hidden || w.minimised, w.rt
	w.mode, w.hidden, w.minimised = e.Mode, false, false
	w.mu.Unlock()
	if announce {
		w.emit.Emit(events.WindowMode, e)
	}
	w.log.Info("window mode", "mode", e.Mode, "reason", e.Reason, "from", prev)
	if rt == nil {
		return
	}
	if e.Mode != prev {
		w.layout(rt, e.Mode)
	}
	if wasAway || e.Mode != prev {
		rt.Unminimise()
		rt.Show()
	}
}

// layout sizes and places the window for mode. The minimum size is lowered before a small
// mode shrinks the window, and raised after main has grown it back.
func (w *Controller) layout(rt Runtime, mode string) {
	switch mode {
	case events.ModeMain:
		rt.SetAlwaysOnTop(false)
		rt.SetSize(MainWidth, MainHeight)
		rt.SetMinSize(MainMinWidth, MainMinHeight)
		rt.Center()
	case events.ModeQuickPay:
		rt.SetMinSize(QuickPayWidth, QuickHeight)
		rt.SetSize(QuickPayWidth, QuickHeight)
		rt.Center()
		rt.SetAlwaysOnTop(true)
	case events.ModeFloating:
		rt.SetMinSize(FloatingSize, FloatingSize)
		rt.SetSize(FloatingSize, FloatingSize)
		if sw, sh := rt.ScreenSize(); sw > 0 && sh > 0 {
			rt.SetPosition(sw-FloatingSize-floatingMargin, sh/3)
		}
		rt.SetAlwaysOnTop(true)
	}
}

// WatchMinimise polls the window every interval while ctx lives: a main window minimised by
// the system (taskbar, Win+D) becomes the floating bubble unless 隐藏悬浮窗 is set.
func (w *Controller) WatchMinimise(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			w.WatchMinimiseOnce()
		}
	}
}

// WatchMinimiseOnce is one WatchMinimise poll. With 隐藏悬浮窗 it only follows the system's
// minimised state, so a window restored from the taskbar counts as in sight again.
func (w *Controller) WatchMinimiseOnce() {
	w.mu.Lock()
	rt, mode, hidden, hide := w.rt, w.mode, w.hidden, w.hideFloating
	w.mu.Unlock()
	if rt == nil || mode != events.ModeMain || hidden {
		return
	}
	minimised := rt.IsMinimised()
	if hide || !minimised {
		w.mu.Lock()
		w.minimised = minimised
		w.mu.Unlock()
		return
	}
	w.switchTo(events.Mode{Mode: events.ModeFloating, Reason: events.ReasonUser}, true)
}
