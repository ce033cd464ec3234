//go:build linux

package services_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/devices/scanner"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/internal/testkit"
	"xiaotongfu/backend/services"
)

// newPtyBox is the scanner box plugged in on a real pty (see testkit.PtyPort).
func newPtyBox(t *testing.T) *testkit.PtyPort {
	b := testkit.NewPtyPort(t)
	b.Plug()
	return b
}

// scan sends code from the box as one frame.
func scan(box *testkit.PtyPort, code string) { box.Send(code + "\r\n") }

// hiddenWindow is the window seen from the box: minimised, recording the quick-pay switches.
type hiddenWindow struct {
	mu    sync.Mutex
	shown []string
}

func (w *hiddenWindow) Background() bool { return true }

func (w *hiddenWindow) ShowQuickPay(reason, code string, amount int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.shown = append(w.shown, reason+":"+code)
}

func (w *hiddenWindow) switches() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.shown...)
}

// fastBox reconnects quickly after an unplug.
var fastBox = scanner.Options{MinBackoff: 20 * time.Millisecond, MaxBackoff: 100 * time.Millisecond}

// countState counts box:status events in state.
func countState(rec *events.Recorder, state string) int {
	n := 0
	for _, p := range rec.Named(events.BoxStatus) {
		if p.(services.BoxStatus).State == state {
			n++
		}
	}
	return n
}

// waitState waits until at least n box:status events in state were sent.
func waitState(t *testing.T, rec *events.Recorder, state string, n int) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for countState(rec, state) < n {
		if time.Now().After(deadline) {
			t.Fatalf("box:status %s #%d never came; got %+v", state, n, rec.Named(events.BoxStatus))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestBoxScanUnplugReplugAndQuickPay(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	win := &hiddenWindow{}
	dev := services.NewDeviceService(h.core, services.DeviceOptions{Modes: win, Box: fastBox})
	t.Cleanup(h.core.Stop)
	box := newPtyBox(t)
	st, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: box.Link})
	if err != nil || st.State == services.BoxOff {
		t.Fatalf("SaveBox = %+v, %v", st, err)
	}
	waitState(t, h.rec, "connected", 1)
	if saved, _ := desktop.LoadConfig(h.dir); saved.Devices().Box.Port != box.Link || saved.Devices().Box.Baud != 9600 {
		t.Fatalf("config file box = %+v", saved.Devices().Box)
	}
	code := "134567890123456789"
	scan(box, code)
	got := waitFor(t, h.rec, events.BoxScan, func(any) bool { return true }).(events.Scan)
	if got.Code != code || got.CodeMasked != domain.MaskCode(code) || strings.Contains(got.CodeMasked, code[:10]) {
		t.Fatalf("box:scan = %+v", got)
	}
	box.Unplug()
	waitState(t, h.rec, "disconnected", 1)
	box.Plug()
	waitState(t, h.rec, "connected", 2)
	scan(box, "284567890123456789")
	waitFor(t, h.rec, events.BoxScan, func(p any) bool { return p.(events.Scan).Code == "284567890123456789" })
	deadline := time.Now().Add(time.Minute)
	for len(win.switches()) < 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if sw := win.switches(); len(sw) != 2 || sw[0] != "box:"+code {
		t.Fatalf("quick-pay switches = %q", sw)
	}
	if now, _ := dev.BoxStatus(); now.State != "connected" {
		t.Fatalf("BoxStatus() = %+v", now)
	}
	if log := h.logText(); strings.Contains(log, code) {
		t.Fatal("the log holds a full payment code")
	}
}

func TestBoxOffRestartAndValidation(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{Box: fastBox})
	t.Cleanup(h.core.Stop)
	if _, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: "/dev/ttyX", Baud: 1234}); domain.AsError(err).Field != "baud" {
		t.Fatalf("baud 1234: %v", err)
	}
	if _, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: " "}); domain.AsError(err).Field != "port" {
		t.Fatalf("no port: %v", err)
	}
	box := newPtyBox(t)
	if _, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: box.Link}); err != nil {
		t.Fatal(err)
	}
	waitState(t, h.rec, "connected", 1)
	h.core.Stop() // shutdown closes the box …
	h.core.Start(context.Background())
	waitState(t, h.rec, "connected", 2) // … and the next start opens it from the saved settings
	st, err := dev.SaveBox(services.BoxSettings{Port: box.Link})
	if err != nil || st.State != services.BoxOff || countState(h.rec, services.BoxOff) == 0 {
		t.Fatalf("disabled box: %+v, %v", st, err)
	}
	if now, _ := dev.BoxStatus(); now.State != services.BoxOff {
		t.Fatalf("BoxStatus() after disabling = %+v", now)
	}
}

func TestBroadcastFallsBackToThePCAndSaysWhyItCannot(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{Box: fastBox})
	t.Cleanup(h.core.Stop)
	box := newPtyBox(t)
	if _, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: box.Link, Broadcast: true}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", t.TempDir()) // no espeak-ng: the PC cannot speak either
	tr := paid(t, h, 41, "8.80")
	f := waitFor(t, h.rec, events.DeviceNotice, func(p any) bool { return p.(events.Fault).TradeID == tr.ID }).(events.Fault)
	if f.Device != "broadcast" || f.Code != string(scanner.CodeTTSUnavailable) || !strings.Contains(f.Message, "语音") ||
		strings.Contains(f.Message, "espeak") {
		t.Fatalf("device:notice = %+v", f)
	}
}

// TestBoxStatusIsACodeWithThePort: box:status and BoxStatus carry a code and the port, never
// the system's text (that is in the log): for a port that does not exist, a connected box and
// a box switched off.
func TestBoxStatusIsACodeWithThePort(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{Box: fastBox})
	t.Cleanup(h.core.Stop)
	missing := t.TempDir() + "/ttyUSB7"
	if _, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: missing}); err != nil {
		t.Fatal(err)
	}
	waitState(t, h.rec, "error", 1)
	want := func(st services.BoxStatus, code domain.Code, port string) {
		t.Helper()
		if st.Code != code || (port != "" && (len(st.Params) != 1 || st.Params["port"] != port)) {
			t.Fatalf("status %+v, want code %s with port %q", st, code, port)
		}
		if b, _ := json.Marshal(st); strings.Contains(strings.ToLower(string(b)), "no such file") {
			t.Fatalf("status %s holds the system's text", b)
		}
	}
	now, _ := dev.BoxStatus()
	want(now, scanner.CodePortNotFound, missing)
	if !strings.Contains(h.logText(), "no such file") {
		t.Fatal("the system's error is not in the log")
	}
	box := newPtyBox(t)
	if _, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: box.Link}); err != nil {
		t.Fatal(err)
	}
	waitState(t, h.rec, "connected", 1)
	now, _ = dev.BoxStatus()
	want(now, scanner.CodeConnected, box.Link)
	off, err := dev.SaveBox(services.BoxSettings{Port: box.Link})
	if err != nil {
		t.Fatal(err)
	}
	want(off, services.CodeBoxOff, "")
}

// TestBoxScanOfAReceiptQRIsAnOrderNumber: the box reading a receipt's QR code sends box:scan
// with the order number (for 撤销/退货 and 交易查询) and, while the window is hidden, does not
// open quick-pay with it; a payment code scanned next still does.
func TestBoxScanOfAReceiptQRIsAnOrderNumber(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	win := &hiddenWindow{}
	dev := services.NewDeviceService(h.core, services.DeviceOptions{Modes: win, Box: fastBox})
	t.Cleanup(h.core.Stop)
	box := newPtyBox(t)
	if _, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: box.Link}); err != nil {
		t.Fatal(err)
	}
	waitState(t, h.rec, "connected", 1)
	orderNo, code := "202611251753280001234567", "134567890123456789"
	scan(box, orderNo)
	got := waitFor(t, h.rec, events.BoxScan, func(any) bool { return true }).(events.Scan)
	if got.Code != orderNo || got.OrderNo != orderNo {
		t.Fatalf("box:scan of a receipt = %+v", got)
	}
	scan(box, code)
	pay := waitFor(t, h.rec, events.BoxScan, func(p any) bool { return p.(events.Scan).Code == code }).(events.Scan)
	if pay.OrderNo != "" {
		t.Fatalf("a payment code taken for an order number: %+v", pay)
	}
	deadline := time.Now().Add(time.Minute)
	for len(win.switches()) < 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	if sw := win.switches(); len(sw) != 1 || sw[0] != "box:"+code {
		t.Fatalf("quick-pay switches = %q", sw)
	}
}

// TestBoxStatusesAreNumberedInOrder: every box:status carries a higher Seq than the one
// before, across boxes, and the reply of SaveBox (often "connecting", sent while the box is
// still opening) is never newer than the error event that follows it, so the UI, keeping
// the highest Seq, ends on the error whichever arrives first.
func TestBoxStatusesAreNumberedInOrder(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{Box: fastBox})
	t.Cleanup(h.core.Stop)
	missing := t.TempDir() + "/ttyUSB8"
	reply, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: missing})
	if err != nil {
		t.Fatal(err)
	}
	waitState(t, h.rec, "error", 1)
	box := newPtyBox(t)
	if _, err := dev.SaveBox(services.BoxSettings{Enabled: true, Port: box.Link}); err != nil {
		t.Fatal(err)
	}
	waitState(t, h.rec, "connected", 1)
	var last, errSeq uint64
	for _, p := range h.rec.Named(events.BoxStatus) {
		st := p.(services.BoxStatus)
		if st.Seq <= last {
			t.Fatalf("box:status %+v after seq %d", st, last)
		}
		last = st.Seq
		if st.State == "error" && errSeq == 0 {
			errSeq = st.Seq
		}
	}
	if reply.Seq == 0 || reply.Seq >= errSeq {
		t.Fatalf("SaveBox reply seq %d, error event seq %d", reply.Seq, errSeq)
	}
	if now, _ := dev.BoxStatus(); now.Seq != last || now.State != "connected" {
		t.Fatalf("BoxStatus %+v, last event seq %d", now, last)
	}
}
