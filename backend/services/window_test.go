package services_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"xiaotongfu/backend/desktop/windowmode"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/services"
)

// runtimeRecorder stands in for the Wails runtime: it records every window call in order.
type runtimeRecorder struct {
	mu        sync.Mutex
	calls     []string
	minimised bool
	onQuit    func() bool // Wails calls the app's BeforeClose from Quit
}

func (r *runtimeRecorder) add(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, fmt.Sprintf(format, args...))
}

// take returns the calls so far and forgets them.
func (r *runtimeRecorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.calls
	r.calls = nil
	return out
}

func (r *runtimeRecorder) setMinimised(v bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.minimised = v
}

func (r *runtimeRecorder) Show()                  { r.add("Show") }
func (r *runtimeRecorder) Hide()                  { r.add("Hide") }
func (r *runtimeRecorder) Minimise()              { r.add("Minimise") }
func (r *runtimeRecorder) Unminimise()            { r.add("Unminimise") }
func (r *runtimeRecorder) SetSize(w, h int)       { r.add("SetSize %dx%d", w, h) }
func (r *runtimeRecorder) SetMinSize(w, h int)    { r.add("SetMinSize %dx%d", w, h) }
func (r *runtimeRecorder) SetAlwaysOnTop(on bool) { r.add("SetAlwaysOnTop %v", on) }
func (r *runtimeRecorder) Center()                { r.add("Center") }
func (r *runtimeRecorder) SetPosition(x, y int)   { r.add("SetPosition %d,%d", x, y) }
func (r *runtimeRecorder) ScreenSize() (int, int) { return 1920, 1080 }
func (r *runtimeRecorder) Message(title, text string) {
	r.add("Message %s", text)
}
func (r *runtimeRecorder) IsMinimised() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.minimised
}
func (r *runtimeRecorder) Quit() {
	if r.onQuit != nil && r.onQuit() {
		r.add("Quit kept open")
		return
	}
	r.add("Quit")
}

// newWindowCore is the window modes with a recorded runtime; tray says whether the tray icon
// is shown.
func newWindowCore(tray bool) (*windowmode.Controller, *runtimeRecorder, *events.Recorder) {
	rec := &events.Recorder{}
	c := windowmode.New(windowmode.Options{Emitter: rec})
	rt := &runtimeRecorder{}
	rt.onQuit = c.BeforeClose
	c.Attach(rt, func() bool { return tray })
	return c, rt, rec
}

func TestSetModeSizesTheWindow(t *testing.T) {
	c, rt, rec := newWindowCore(true)
	ws := services.NewWindowService(c)
	if err := ws.SetMode("quickpay"); err != nil {
		t.Fatal(err)
	}
	want := []string{"SetMinSize 420x300", "SetSize 420x300", "Center", "SetAlwaysOnTop true", "Unminimise", "Show"}
	if got := rt.take(); !slices.Equal(got, want) {
		t.Fatalf("quickpay calls %q, want %q", got, want)
	}
	if err := ws.SetMode("floating"); err != nil {
		t.Fatal(err)
	}
	want = []string{"SetMinSize 120x120", "SetSize 120x120", "SetPosition 1776,360", "SetAlwaysOnTop true", "Unminimise", "Show"}
	if got := rt.take(); !slices.Equal(got, want) {
		t.Fatalf("floating calls %q, want %q", got, want)
	}
	if err := ws.SetMode("main"); err != nil {
		t.Fatal(err)
	}
	want = []string{"SetAlwaysOnTop false", "SetSize 1280x800", "SetMinSize 1024x640", "Center", "Unminimise", "Show"}
	if got := rt.take(); !slices.Equal(got, want) {
		t.Fatalf("main calls %q, want %q", got, want)
	}
	if err := ws.SetMode("main"); err != nil || len(rt.take()) != 0 {
		t.Fatalf("main again: %v; the window should be left as it is", err)
	}
	if err := ws.SetMode("big"); domain.CodeOf(err) != domain.CodeInvalidInput {
		t.Fatalf("SetMode(big) = %v, want invalid_input", err)
	}
	if n := len(rec.Named(events.WindowMode)); n != 0 {
		t.Fatalf("the UI's own SetMode sent %d window:mode events, want none", n)
	}
}

func TestCloseHidesToTrayOrMinimises(t *testing.T) {
	c, rt, rec := newWindowCore(true)
	ws := services.NewWindowService(c)
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	if got := rt.take(); !slices.Equal(got, []string{"Hide"}) || !c.Background() {
		t.Fatalf("close with a tray: %q, background %v", got, c.Background())
	}
	c.ShowMain(events.ReasonUser) // tray 显示主界面
	if got := rt.take(); !slices.Equal(got, []string{"Unminimise", "Show"}) || c.Background() {
		t.Fatalf("show from tray: %q, background %v", got, c.Background())
	}
	if m := rec.Named(events.WindowMode); len(m) != 1 || m[0].(events.Mode).Mode != events.ModeMain {
		t.Fatalf("window:mode %+v", m)
	}

	// No tray: closing must not strand the cashier; it becomes the bubble.
	c2, rt2, _ := newWindowCore(false)
	if c2.BeforeClose() != true {
		t.Fatal("BeforeClose let the window close")
	}
	// The mode changes before the window is resized, so wait for the resize itself.
	var got []string
	waitUntil(t, func() bool { got = append(got, rt2.take()...); return slices.Contains(got, "SetSize 120x120") })
	if c2.Mode() != events.ModeFloating || slices.Contains(got, "Hide") {
		t.Fatalf("close without a tray: %q, mode %s", got, c2.Mode())
	}

	// 隐藏悬浮窗: minimise for real.
	c3, rt3, _ := newWindowCore(false)
	c3.SetHideFloating(true)
	_ = services.NewWindowService(c3).Close()
	if got := rt3.take(); !slices.Equal(got, []string{"Minimise"}) || !c3.Background() {
		t.Fatalf("close with 隐藏悬浮窗 and no tray: %q", got)
	}
}

func TestSystemMinimiseBecomesBubble(t *testing.T) {
	c, rt, rec := newWindowCore(true)
	rt.setMinimised(true)
	c.WatchMinimiseOnce()
	if c.Mode() != events.ModeFloating {
		t.Fatalf("minimised main window: mode %s, want floating", c.Mode())
	}
	if m := rec.Named(events.WindowMode); len(m) != 1 || m[0].(events.Mode).Mode != events.ModeFloating {
		t.Fatalf("window:mode %+v", m)
	}

	c2, rt2, rec2 := newWindowCore(true)
	c2.SetHideFloating(true)
	rt2.setMinimised(true)
	c2.WatchMinimiseOnce()
	if c2.Mode() != events.ModeMain || !c2.Background() || len(rec2.Events()) != 0 {
		t.Fatalf("隐藏悬浮窗: mode %s background %v events %+v", c2.Mode(), c2.Background(), rec2.Events())
	}
	rt2.setMinimised(false) // restored from the taskbar
	c2.WatchMinimiseOnce()
	if c2.Background() {
		t.Fatal("restored window still counts as out of sight")
	}
}

func TestQuickPayFromBoxCarriesCode(t *testing.T) {
	c, rt, rec := newWindowCore(true)
	var modes services.ModeSwitcher = c
	modes.ShowQuickPay(events.ReasonBox, "134567890123456789", 1250)
	m := rec.Named(events.WindowMode)
	if len(m) != 1 || m[0].(events.Mode) != (events.Mode{Mode: "quickpay", Reason: "box", Code: "134567890123456789", Amount: 1250}) {
		t.Fatalf("window:mode %+v", m)
	}
	if got := rt.take(); !slices.Contains(got, "SetAlwaysOnTop true") {
		t.Fatalf("quick pay not on top: %q", got)
	}
}

func TestQuitRefusedWhilePaying(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	rt := &runtimeRecorder{onQuit: h.win.BeforeClose}
	h.win.Attach(rt, func() bool { return true })
	ws := services.NewWindowService(h.win)

	done := make(chan error, 1)
	go func() { // pending until the simulator closes it
		_, err := h.pay.Pay("12.00", wechat(40, "91"), "manual")
		done <- err
	}()
	waitUntil(t, h.core.Paying)
	err := ws.Quit()
	if domain.CodeOf(err) != domain.CodePayInFlight || !strings.Contains(domain.AsError(err).Message, "正在收款") {
		t.Fatalf("Quit while paying = %v, want pay_in_flight 正在收款…", err)
	}
	h.win.QuitOrExplain() // the tray's 退出
	if got := rt.take(); !slices.Contains(got, "Message 正在收款，请等待收款完成后再退出") || slices.Contains(got, "Quit") {
		t.Fatalf("tray quit while paying: %q", got)
	}
	<-done
	if err := ws.Quit(); err != nil {
		t.Fatalf("Quit after the payment: %v", err)
	}
	if got := rt.take(); !slices.Equal(got, []string{"Quit"}) {
		t.Fatalf("Quit calls %q, want the runtime to quit (BeforeClose lets it through)", got)
	}
}

// waitUntil polls cond for up to a minute (a guard against a hang, not a deadline).
func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); {
		if time.Now().After(deadline) {
			t.Fatal("condition not met after a minute")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
