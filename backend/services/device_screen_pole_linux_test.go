package services_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/internal/testkit"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

// waitPole waits until the 客显 status satisfies ok, failing after a minute.
func waitPole(t *testing.T, dev *services.DeviceService, ok func(services.PoleStatus) bool) services.PoleStatus {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		st, err := dev.PoleStatus()
		if err != nil {
			t.Fatal(err)
		}
		if ok(st) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("客显 status after a minute: %+v", st)
		}
	}
}

// TestPoleTotalReachesThePayScreen: with 客显 chosen, the total the cashier program sends to
// its display port (one end of a virtual pair, here a pty) becomes amount:detected with
// source "pole", opens quick pay while minimised, and reaches the real display unchanged;
// the setting is in the config file and applied again at start.
func TestPoleTotalReachesThePayScreen(t *testing.T) {
	pos, display := testkit.NewPtyPort(t), testkit.NewPtyPort(t)
	pos.Plug()
	display.Plug()
	dir := t.TempDir()
	st := newScreenTerminal(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st.core.Start(ctx)
	defer st.core.Stop()
	if s, _ := st.devices.PoleStatus(); s.State != services.PoleOff {
		t.Fatalf("status before 客显 was chosen: %+v", s)
	}
	want := services.ScreenSettings{Mode: services.ScreenPole, Pole: services.PoleSettings{Port: pos.Link, Relay: display.Link}}
	if err := st.devices.SaveScreen(want); err != nil {
		t.Fatal(err)
	}
	if saved := st.cfg.Devices().Screen; saved.Mode != services.ScreenPole || saved.Pole.Baud != 2400 || saved.Pole.Port != pos.Link {
		t.Fatalf("saved %+v", saved)
	}
	waitPole(t, st.devices, func(s services.PoleStatus) bool { return s.State == services.PoleListening })

	sent := "\x1b@\x1bs1\x1bQA3.50\r\x1bs2\x1bQA12.50\r"
	pos.Send(sent)
	got := waitEvents(t, st.rec, events.AmountDetected, 1)
	if a := got[0].(events.Amount); a.Amount != 1250 || a.Source != "pole" {
		t.Fatalf("amount:detected %+v, want 1250 pole", a)
	}
	if relayed := string(display.Recv(len(sent))); relayed != sent {
		t.Fatalf("the real display received %q, want %q", relayed, sent)
	}
	if s := waitPole(t, st.devices, func(s services.PoleStatus) bool { return s.Total == 1250 }); s.At == 0 {
		t.Fatalf("status %+v: no time", s)
	}

	// Minimised: the next total opens quick pay with it.
	st.win.Minimise()
	pos.Send("\x0c\x1bs2\x1bQA8.80\r")
	modes := waitEvents(t, st.rec, events.WindowMode, 2)
	if m := modes[1].(events.Mode); m.Mode != events.ModeQuickPay || m.Amount != 880 || m.Source != "pole" {
		t.Fatalf("window:mode %+v, want quickpay 880 pole", m)
	}

	// Pulling the port is shown with its reason.
	pos.Unplug()
	s := waitPole(t, st.devices, func(s services.PoleStatus) bool { return s.State == services.PoleFailed })
	if s.Code != services.PolePortLost || s.Params["port"] != pos.Link {
		t.Fatalf("status after unplugging %+v", s)
	}
}

// TestPoleExplainsAPortThatFailsAndChecksTheSettings: a missing port or relay is a failed
// status naming it with a code (the system's text only in the log); wrong settings are
// refused with codes and not saved.
func TestPoleExplainsAPortThatFailsAndChecksTheSettings(t *testing.T) {
	pos := testkit.NewPtyPort(t)
	pos.Plug()
	st := newScreenTerminal(t, t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st.core.Start(ctx)
	defer st.core.Stop()
	missing := filepath.Join(t.TempDir(), "COM9")
	for _, p := range []services.PoleSettings{{Port: missing}, {Port: pos.Link, Relay: missing}} {
		if err := st.devices.SaveScreen(services.ScreenSettings{Mode: services.ScreenPole, Pole: p}); err != nil {
			t.Fatal(err)
		}
		s, _ := st.devices.PoleStatus()
		if s.State != services.PoleFailed || s.Code != services.PolePortNotFound || s.Params["port"] != missing {
			t.Fatalf("status with %+v: %+v, want pole_port_not_found %s", p, s, missing)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Fatal("the missing port was created")
	}
	bad := map[domain.Code]services.PoleSettings{
		services.CodePolePortMissing: {Port: "  "},
		services.CodePoleBaud:        {Port: pos.Link, Baud: 1200},
		services.CodePoleRelaySame:   {Port: pos.Link, Relay: pos.Link},
	}
	for code, p := range bad {
		err := st.devices.SaveScreen(services.ScreenSettings{Mode: services.ScreenPole, Pole: p})
		if e := codeOf(t, err, code); !strings.HasPrefix(e.Field, "pole.") {
			t.Fatalf("%s: field %q", code, e.Field)
		}
	}
	if saved := st.cfg.Devices().Screen.Pole; saved.Relay != missing {
		t.Fatalf("a refused setting was saved: %+v", saved)
	}
}

// TestPoleIsAppliedAtStart: the saved 客显 setting is read from the config file at the next
// start, and the listener runs without anyone opening 设置.
func TestPoleIsAppliedAtStart(t *testing.T) {
	pos := testkit.NewPtyPort(t)
	pos.Plug()
	dir := t.TempDir()
	st := newScreenTerminal(t, dir)
	if err := st.devices.SaveScreen(services.ScreenSettings{Mode: services.ScreenPole, Pole: services.PoleSettings{Port: pos.Link, Baud: 9600}}); err != nil {
		t.Fatal(err)
	}
	again := newScreenTerminal(t, dir)
	if s, _ := again.devices.PoleStatus(); s.State != services.PoleOff {
		t.Fatalf("status before the start: %+v", s)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	again.core.Start(ctx)
	defer again.core.Stop()
	waitPole(t, again.devices, func(s services.PoleStatus) bool { return s.State == services.PoleListening })
	pos.Send("TOTAL 66.00\r\n")
	if a := waitEvents(t, again.rec, events.AmountDetected, 1)[0].(events.Amount); a.Amount != 6600 || a.Source != "pole" {
		t.Fatalf("amount:detected %+v", a)
	}
}

// TestAPaymentOfAPoleTotalRecordsItsSource: the pay screen pays an amount read from the
// 客显 with source "pole", and the trade row keeps it.
func TestAPaymentOfAPoleTotalRecordsItsSource(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	tr, err := h.pay.Pay("12.50", wechat(1, "07"), string(domain.SourcePole))
	if err != nil {
		t.Fatalf("Pay: %v", err)
	}
	page, err := h.trades.List(platform.TradeFilter{})
	if err != nil || page.Total != 1 || page.Trades[0].ID != tr.ID || page.Trades[0].Source != "pole" || tr.Amount != 1250 {
		t.Fatalf("trade %+v; list %+v, %v", tr, page, err)
	}
}
