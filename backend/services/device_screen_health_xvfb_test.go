package services_test

import (
	"context"
	"testing"
	"time"

	"xiaotongfu/backend/devices/ocr"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/internal/testkit"
	"xiaotongfu/backend/services"
)

// waitHealth polls ScreenReads until ok accepts it or a minute has passed.
func waitHealth(t *testing.T, d *services.DeviceService, what string, ok func(services.ScreenHealth) bool) services.ScreenHealth {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(100 * time.Millisecond) {
		h, err := d.ScreenReads()
		if err != nil {
			t.Fatal(err)
		}
		if ok(h) {
			return h
		}
		if time.Now().After(deadline) {
			t.Fatalf("after a minute, still not %s: %+v", what, h)
		}
	}
}

// The running OCR watcher lists its reads with their confidence; when the screen changes so
// that the amount is no longer read, it says so (screen_reads_failing), and recovers when the
// amount is read again. Nothing is emitted while reads are refused.
func TestWatcherHealthFailsAndRecoversOnXvfb(t *testing.T) {
	testkit.NeedX(t, "backend/services")
	win := showAmount(t, "¥56.78", 100, 400)
	st := newScreenTerminal(t, t.TempDir())
	settings := services.ScreenSettings{Mode: services.ScreenOCR, Rect: amountRect(win)}
	if res := st.connect(t, settings, "56.78"); !res.OK {
		t.Fatalf("Connect = %+v", res)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st.core.Start(ctx)
	defer st.core.Stop()
	waitEvents(t, st.rec, events.AmountDetected, 1)
	h := waitHealth(t, st.devices, "reading", func(h services.ScreenHealth) bool { return len(h.Reads) > 0 })
	if r := h.Reads[0]; !h.Active || h.Floor <= 0 || h.Failing || r.Code != services.ReadOK || r.Amount != 5678 || r.Confidence < h.Floor {
		t.Fatalf("health %+v, want active with a learnt floor and a read of 5678 above it", h)
	}

	// The cashier program now draws the amount past the box's edge: every read is refused.
	win.Close()
	win = showAmount(t, "¥56.78 ¥56.78 ¥56.78 ¥56.78", 100, 400)
	h = waitHealth(t, st.devices, "failing", func(h services.ScreenHealth) bool { return h.Failing })
	if h.Code != services.CodeReadsFailing || h.Reads[0].Code == services.ReadOK {
		t.Fatalf("health %+v, want %s with a refusal first", h, services.CodeReadsFailing)
	}
	win.Close()
	showAmount(t, "¥56.78", 100, 400)
	waitHealth(t, st.devices, "recovered", func(h services.ScreenHealth) bool { return !h.Failing && h.Reads[0].Code == services.ReadOK })
	if n := len(st.rec.Named(events.AmountDetected)); n != 1 {
		t.Fatalf("%d amount:detected, want the first only (56.78 did not change)", n)
	}

	// A floor above any confidence: the amount is read but refused, and never emitted.
	cal, err := ocr.UnmarshalCalibration(st.cfg.OCRCalibration())
	if err != nil {
		t.Fatal(err)
	}
	cal.Floor = 1.01
	data, _ := ocr.MarshalCalibration(cal)
	if err := st.cfg.SaveOCRCalibration(data); err != nil {
		t.Fatal(err)
	}
	if err := st.devices.SaveScreen(st.cfg.Devices().Screen); err != nil { // restarts the watcher
		t.Fatal(err)
	}
	h = waitHealth(t, st.devices, "refusing below the floor", func(h services.ScreenHealth) bool {
		return len(h.Reads) > 0 && h.Reads[0].Count >= 3
	})
	if r := h.Reads[0]; h.Floor != 1.01 || r.Code != services.ResultOCRBelowFloor || r.Amount != 0 || r.Confidence <= 0 {
		t.Fatalf("health %+v, want reads refused below the floor with their confidence", h)
	}
	if n := len(st.rec.Named(events.AmountDetected)); n != 1 {
		t.Fatalf("%d amount:detected after the floor rose, want no new one", n)
	}
}
