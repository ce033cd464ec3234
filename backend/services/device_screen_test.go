package services_test

import (
	"context"
	"image/color"
	goruntime "runtime"
	"testing"
	"time"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/desktop/windowmode"
	"xiaotongfu/backend/devices/ocr"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/internal/testkit"
	"xiaotongfu/backend/services"
)

// TestMain holds one X connection open for the run when there is a display (see
// testkit.MainHoldingX): each capture opens a new connection.
func TestMain(m *testing.M) { testkit.MainHoldingX(m, "services") }

// showAmount shows text white on blue in a 320×70 window at (x, y) of the X screen, as the
// cashier program would show an amount (ShowText returns once it is on the screen).
func showAmount(t *testing.T, text string, x, y int) *testkit.XWindow {
	t.Helper()
	return testkit.ShowText(t, text, color.White, color.RGBA{0, 84, 166, 255}, x, y, 320, 70)
}

// amountRect is the inside of an amount window, away from display's frame.
func amountRect(w *testkit.XWindow) services.Rect {
	r := w.Inside()
	return services.Rect{X: r.Min.X, Y: r.Min.Y, W: r.Dx(), H: r.Dy()}
}

// screenTerminal is a terminal whose device settings are a real config file in dir, with the
// admin logged in (the devices are the admin's) on a platform of its own.
type screenTerminal struct {
	cfg     *desktop.ConfigFile
	rec     *events.Recorder
	core    *services.Core
	win     *windowmode.Controller
	devices *services.DeviceService
}

func newScreenTerminal(t *testing.T, dir string) *screenTerminal {
	t.Helper()
	h := newHarness(t)
	cfg, err := desktop.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	h.attach(services.Options{API: h.backend.API, Prefs: cfg, Mode: h.backend.Mode, Demo: h.backend.Demo})
	h.loginAdmin()
	st := &screenTerminal{cfg: cfg, rec: h.rec, core: h.core, win: h.win}
	st.devices = services.NewDeviceService(st.core, services.DeviceOptions{Modes: st.win})
	return st
}

// connect runs 开始对接, retrying while the window may still be appearing.
func (st *screenTerminal) connect(t *testing.T, s services.ScreenSettings, amount string) *services.ConnectResult {
	t.Helper()
	return st.connectUntil(t, s, amount, func(r *services.ConnectResult) bool { return r.OK })
}

// connectUntil runs 开始对接 until done accepts the result or 5 s have passed.
func (st *screenTerminal) connectUntil(t *testing.T, s services.ScreenSettings, amount string, done func(*services.ConnectResult) bool) *services.ConnectResult {
	t.Helper()
	var res *services.ConnectResult
	for deadline := time.Now().Add(time.Minute); ; {
		var err error
		res, err = st.devices.Connect(s, amount)
		if err != nil {
			t.Fatalf("Connect: %v", err)
		}
		if done(res) || time.Now().After(deadline) {
			return res
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func TestConnectOCRCalibratesAndPersistsOnXvfb(t *testing.T) {
	testkit.NeedX(t, "backend/services")
	dir := t.TempDir()
	win := showAmount(t, "¥123.32", 100, 200)
	st := newScreenTerminal(t, dir)
	want := services.ScreenSettings{Mode: services.ScreenOCR, Rect: amountRect(win)}
	res := st.connect(t, want, "123.32")
	if !res.OK || res.Amount != 12332 || res.Code != services.ResultConnected || res.Confidence <= 0 {
		t.Fatalf("Connect with the cashier's amount = %+v, want ok 12332 connected", res)
	}

	// The settings and the calibration are in the config file: a restart reads them back.
	again, err := desktop.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	saved := again.Devices().Screen
	if saved.Mode != services.ScreenOCR || !saved.Calibrated || saved.Rect != want.Rect {
		t.Fatalf("saved screen settings %+v", saved)
	}
	cal, err := ocr.UnmarshalCalibration(again.OCRCalibration())
	if err != nil || cal.Amount != "123.32" || len(cal.Glyphs) == 0 {
		t.Fatalf("saved calibration %+v, %v", cal, err)
	}
	st2 := newScreenTerminal(t, dir)
	res = st2.connect(t, saved, "")
	if !res.OK || res.Amount != 12332 {
		t.Fatalf("Connect after restart with the saved calibration = %+v", res)
	}
}

func TestConnectOCRExplainsFailuresOnXvfb(t *testing.T) {
	testkit.NeedX(t, "backend/services")
	win := showAmount(t, "¥88.00", 100, 300)
	st := newScreenTerminal(t, t.TempDir())
	s := services.ScreenSettings{Mode: services.ScreenOCR, Rect: amountRect(win)}
	mismatch := func(r *services.ConnectResult) bool { return r.Code == services.ResultCalibrationDiffer }
	if res := st.connectUntil(t, s, "77.00", mismatch); res.OK || !mismatch(res) || res.Params != nil {
		t.Fatalf("Connect with the wrong amount = %+v, want calibration_differ", res)
	}
	blank := services.ScreenSettings{Mode: services.ScreenOCR, Rect: services.Rect{X: 600, Y: 600, W: 200, H: 50}}
	if res, err := st.devices.Connect(blank, ""); err != nil || res.OK || res.Code != services.ResultOCREmpty {
		t.Fatalf("Connect on an empty area = %+v, %v; want not ok with a reason", res, err)
	}
	if _, err := st.devices.Connect(services.ScreenSettings{Mode: services.ScreenOCR, Rect: services.Rect{X: 0, Y: 0, W: 0, H: 10}}, ""); err == nil {
		t.Fatal("Connect with an empty rectangle: no error")
	}
	_, err := st.devices.Connect(s, "十二元")
	codeOf(t, err, services.CodeScreenAmount)
	if got := st.cfg.Devices().Screen.Mode; got != "" {
		t.Fatalf("failed 对接 saved mode %q", got)
	}
}

func TestDisplaysAndCaptureOnXvfb(t *testing.T) {
	testkit.NeedX(t, "backend/services")
	st := newScreenTerminal(t, t.TempDir())
	ds, err := st.devices.Displays()
	if err != nil || len(ds) == 0 || ds[0].Width <= 0 {
		t.Fatalf("Displays() = %+v, %v", ds, err)
	}
	c, err := st.devices.CaptureDisplay(0)
	if err != nil {
		t.Fatal(err)
	}
	if c.Width != ds[0].Width || c.Height != ds[0].Height || len(c.Image) < 100 || c.Image[:22] != "data:image/png;base64," {
		t.Fatalf("CaptureDisplay(0) = %dx%d %q…", c.Width, c.Height, c.Image[:min(30, len(c.Image))])
	}
	_, err = st.devices.CaptureDisplay(len(ds))
	if e := codeOf(t, err, services.CodeScreenDisplay); e.Params["n"] != len(ds)+1 || e.Params["count"] != len(ds) {
		t.Fatalf("CaptureDisplay past the last display: %+v", e)
	}
}

func TestTextBoxOutsideWindowsSaysSo(t *testing.T) {
	if goruntime.GOOS == "windows" {
		t.Skip("on Windows the text box is read")
	}
	st := newScreenTerminal(t, t.TempDir())
	res, err := st.devices.Connect(services.ScreenSettings{Mode: services.ScreenTextBox}, "")
	if err != nil || res.OK || res.Code != services.ResultOnlyWindows {
		t.Fatalf("textbox Connect = %+v, %v", res, err)
	}
}

// waitEvents waits until the recorder holds n events called name.
func waitEvents(t *testing.T, rec *events.Recorder, name string, n int) []any {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		got := rec.Named(name)
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d %s events after a minute, want %d: %+v", len(got), name, n, got)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestWatcherEmitsAmountAndOpensQuickPayOnXvfb(t *testing.T) {
	testkit.NeedX(t, "backend/services")
	dir := t.TempDir()
	win := showAmount(t, "¥56.78", 100, 400)
	st := newScreenTerminal(t, dir)
	if res := st.connect(t, services.ScreenSettings{Mode: services.ScreenOCR, Rect: amountRect(win)}, "56.78"); !res.OK {
		t.Fatalf("Connect = %+v", res)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st.core.Start(ctx)
	defer st.core.Stop()
	got := waitEvents(t, st.rec, events.AmountDetected, 1)
	if a := got[0].(events.Amount); a.Amount != 5678 || a.Source != "ocr" {
		t.Fatalf("amount:detected %+v, want 5678 ocr", a)
	}
	if n := len(st.rec.Named(events.WindowMode)); n != 0 {
		t.Fatalf("window in sight, yet %d window:mode events", n)
	}

	// Minimised (the bubble): the next amount opens quick pay with it.
	st.win.Minimise()
	win.Close()
	showAmount(t, "¥9.50", 100, 400)
	got = waitEvents(t, st.rec, events.AmountDetected, 2)
	if a := got[1].(events.Amount); a.Amount != 950 {
		t.Fatalf("second amount:detected %+v, want 950", a)
	}
	modes := waitEvents(t, st.rec, events.WindowMode, 2)
	if m := modes[1].(events.Mode); m.Mode != events.ModeQuickPay || m.Reason != "amount" || m.Amount != 950 || m.Source != "ocr" {
		t.Fatalf("window:mode %+v, want quickpay amount 950 source ocr", m)
	}

	// Turning detection off stops the watcher.
	if err := st.devices.SaveScreen(services.ScreenSettings{Mode: services.ScreenOff}); err != nil {
		t.Fatal(err)
	}
	win.Close()
	before := len(st.rec.Named(events.AmountDetected))
	showAmount(t, "¥3.00", 100, 400)
	time.Sleep(1500 * time.Millisecond)
	if after := len(st.rec.Named(events.AmountDetected)); after != before {
		t.Fatalf("watcher still running after 关闭: %d → %d amount:detected", before, after)
	}
}
