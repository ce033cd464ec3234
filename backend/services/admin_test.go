package services_test

import (
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

// withCashier logs the admin in, adds cashier 02 and logs 02 in instead.
func withCashier(t *testing.T, h *harness) {
	t.Helper()
	h.loginAdmin()
	in := platform.CashierInput{Account: "02", Password: "Pass1234", Name: "张三"}
	if _, err := h.cashier.Add(in, in.Password); err != nil {
		t.Fatal(err)
	}
	if err := h.session.Logout(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.session.Login("02", "Pass1234"); err != nil {
		t.Fatal(err)
	}
}

// TestACashierCannotChangeTheConnectionOrTheDevices: every bound method that changes (or
// captures) the terminal's connection or devices refuses a cashier with admin_only, and
// nothing is saved; the settings read as read-only.
func TestACashierCannotChangeTheConnectionOrTheDevices(t *testing.T) {
	h := newHarness(t)
	withCashier(t, h)
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	t.Cleanup(h.core.Stop)
	remote := services.Settings{Mode: services.ModeRemote, ServerURL: "https://evil.example.com"}
	printer := services.PrinterSettings{Enabled: true, Name: "file:///tmp/x", Copies: 1, Width: 58}
	src := &shellSource{dir: h.dir}
	sys := services.NewSystemService(h.core, src, dev)
	calls := map[string]error{
		"Settings.Save":  h.setting.Save(remote, ownerPassword),
		"SavePrinter":    dev.SavePrinter(printer),
		"TestPrint":      dev.TestPrint(printer),
		"SaveBox":        errOnly(dev.SaveBox(services.BoxSettings{Enabled: true, Port: "/dev/null"})),
		"SaveHotkeys":    errOnly(dev.SaveHotkeys(services.DefaultHotkeys())),
		"SaveScreen":     dev.SaveScreen(services.ScreenSettings{Mode: services.ScreenOCR}),
		"SaveScreen 客显":  dev.SaveScreen(services.ScreenSettings{Mode: services.ScreenPole, Pole: services.PoleSettings{Port: "/dev/null"}}),
		"Connect":        errOnly(dev.Connect(services.ScreenSettings{Mode: services.ScreenOCR}, "1.00")),
		"CaptureDisplay": errOnly(dev.CaptureDisplay(0)),
		"SetAutostart":   errOnly(sys.SetAutostart(false)),
	}
	for name, err := range calls {
		if e := codeOf(t, err, domain.CodeAdminOnly); e.Message == "" {
			t.Fatalf("%s: no message", name)
		}
	}
	v, err := h.setting.Get()
	if err != nil || v.Access != services.AccessReadOnly || v.Mode == services.ModeRemote {
		t.Fatalf("Get() as a cashier = %+v, %v", v, err)
	}
	if d, _ := dev.Settings(); d.Printer.Enabled || d.Box.Enabled || d.Screen.Mode != services.ScreenOff {
		t.Fatalf("a refused change was saved: %+v", d)
	}
	if len(src.on) != 0 {
		t.Fatalf("a refused 开机自动启动 was applied: %v", src.on)
	}

	// The admin may.
	if err := h.session.Logout(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.session.Login(domain.AdminAccount, ownerPassword); err != nil {
		t.Fatal(err)
	}
	if v, _ := h.setting.Get(); v.Access != services.AccessAdmin {
		t.Fatalf("Get() as the admin: access %q", v.Access)
	}
	if err := dev.SavePrinter(services.PrinterSettings{Copies: 2, Width: 80}); err != nil {
		t.Fatal(err)
	}
	if err := h.setting.Save(services.Settings{Mode: services.ModeEmbedded}, ""); err != nil {
		t.Fatal(err)
	}
}

// TestTheLoginScreenChangesTheConnectionWithTheAdminPassword: with nobody logged in the
// connection is saved only with the admin password, checked by the platform; before
// initialisation anyone may set it (so a terminal can reach its server at all).
func TestTheLoginScreenChangesTheConnectionWithTheAdminPassword(t *testing.T) {
	h := newHarness(t)
	remote := services.Settings{Mode: services.ModeRemote, ServerURL: "https://xtfd.example.com"}
	if v, _ := h.setting.Get(); v.Access != services.AccessOpen {
		t.Fatalf("before initialisation: access %q", v.Access)
	}
	if err := h.setting.Save(remote, ""); err != nil {
		t.Fatalf("before initialisation: %v", err)
	}
	withCashier(t, h)
	if err := h.session.Logout(); err != nil {
		t.Fatal(err)
	}
	if v, _ := h.setting.Get(); v.Access != services.AccessPassword {
		t.Fatalf("at the login screen: access %q", v.Access)
	}
	local := services.Settings{Mode: services.ModeEmbedded}
	codeOf(t, h.setting.Save(local, ""), domain.CodeAdminPassword)
	codeOf(t, h.setting.Save(local, "Pass1234"), domain.CodeAdminPassword) // the cashier's own
	codeOf(t, h.setting.Save(local, domain.InitialPassword), domain.CodeAdminPassword)
	if v, _ := h.setting.Get(); v.Mode != services.ModeRemote {
		t.Fatalf("a refused change was saved: %+v", v)
	}
	if err := h.setting.Save(local, ownerPassword); err != nil {
		t.Fatal(err)
	}
	if v, _ := h.setting.Get(); v.Mode != services.ModeEmbedded {
		t.Fatalf("after the admin's change: %+v", v)
	}
}

// TestReinitialisingThePCKeepsItsTerminalAndTrades: admin 01 forgot the password and
// initialised again (manual §3.1): same terminal number, and the day's trades are still 仅本终端.
func TestReinitialisingThePCKeepsItsTerminalAndTrades(t *testing.T) {
	h := newHarness(t)
	first := h.initialise()
	h.changeInitial()
	tr := paid(t, h, 61, "3.00")
	if err := h.session.ForgetTerminal(); err != nil {
		t.Fatal(err)
	}
	h.advance(platform.SMSResend + 1e9)
	again := h.initialise()
	if again.TermNo != first.TermNo {
		t.Fatalf("terminal %s after re-initialisation, was %s", again.TermNo, first.TermNo)
	}
	h.changeInitial()
	page, err := h.trades.List(platform.TradeFilter{Terminal: true})
	if err != nil || page.Total != 1 || page.Trades[0].ID != tr.ID {
		t.Fatalf("仅本终端 after re-initialisation = %+v, %v", page, err)
	}
}
