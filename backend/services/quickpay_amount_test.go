package services_test

import (
	"sync"
	"testing"
	"time"

	"xiaotongfu/backend/desktop/windowmode"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/services"
)

// TestQuickPayHotkeyOffersDetectedAmount: the quick-pay hotkey opens the dialog with the last
// amount read from the screen while it is recent and unpaid, never with one already paid or
// too old; a declined payment leaves it offered.
func TestQuickPayHotkeyOffersDetectedAmount(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	devices := services.NewDeviceService(h.core, services.DeviceOptions{Modes: h.win})
	kb := &keyboard{taken: map[string]bool{}, live: map[string]func(){}}
	services.UseHotkeys(devices, kb)
	var mu sync.Mutex
	now := time.Now()
	h.setWindowClock(func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	h.core.Start(t.Context())
	t.Cleanup(h.core.Stop)

	quickPay := func() events.Mode {
		t.Helper()
		time.Sleep(300 * time.Millisecond) // presses closer than 250 ms count as auto-repeat
		if !kb.press("Ctrl+Shift+P") {
			t.Fatal("quick-pay hotkey not registered")
		}
		m := h.rec.Named(events.WindowMode)
		if err := h.win.SetMode(events.ModeMain); err != nil {
			t.Fatal(err)
		}
		return m[len(m)-1].(events.Mode)
	}
	if m := quickPay(); m.Amount != 0 || m.Source != "" {
		t.Fatalf("nothing detected yet: window:mode %+v", m)
	}

	services.DetectAmount(devices, events.Amount{Amount: 1234, Source: "ocr"})
	want := events.Mode{Mode: "quickpay", Reason: "hotkey", Amount: 1234, Source: "ocr"}
	if m := quickPay(); m != want {
		t.Fatalf("after detecting 12.34: window:mode %+v, want %+v", m, want)
	}
	if _, err := h.pay.Pay("12.34", wechat(1, "00"), "ocr"); err != nil {
		t.Fatal(err)
	}
	if m := quickPay(); m.Amount != 0 {
		t.Fatalf("12.34 was paid, yet quick pay offers %+v", m)
	}

	services.DetectAmount(devices, events.Amount{Amount: 780, Source: "textbox"})
	if _, err := h.pay.Pay("7.80", wechat(2, "92"), "textbox"); err == nil {
		t.Fatal("code ending 92 was not declined")
	}
	if m := quickPay(); m.Amount != 780 || m.Source != "textbox" {
		t.Fatalf("after a declined 7.80: window:mode %+v, want 780 textbox", m)
	}
	mu.Lock()
	now = now.Add(windowmode.DetectedAmountFor + time.Second)
	mu.Unlock()
	if m := quickPay(); m.Amount != 0 {
		t.Fatalf("amount detected over 2 minutes ago still offered: %+v", m)
	}
}
