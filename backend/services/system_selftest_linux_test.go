//go:build linux

package services_test

import (
	"net"
	"path/filepath"
	"testing"

	"xiaotongfu/backend/devices/printer"
	"xiaotongfu/backend/devices/scanner"
	"xiaotongfu/backend/services"
	"xiaotongfu/backend/support"
)

// listenPrinter is a 9100 printer on loopback that takes connections (and nothing else).
func listenPrinter(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return ln
}

// TestSelfTestTriesEachDevice: the self-test of 导出诊断信息 tries the real devices: a
// listening printer is reached and a closed port is not; the box's pty is opened by the test
// itself while 小通付 does not read it, a missing port is named, and a port 小通付 reads
// already is reported as such; hotkeys count only once registered (one is held by another
// program). Every outcome is a code with its params, never the system's words.
func TestSelfTestTriesEachDevice(t *testing.T) {
	st := newSupportTerminal(t, nil)
	kb := &keyboard{taken: map[string]bool{"Ctrl+Alt+T": true}, live: map[string]func(){}}
	services.UseHotkeys(st.dev, kb)
	ln := listenPrinter(t)
	box := newPtyBox(t)
	keys := services.DefaultHotkeys()
	keys.ShowMain.Keys = "Ctrl+Alt+T"
	st.set(t, func(d *services.DeviceSettings) {
		d.Printer = services.PrinterSettings{Enabled: true, Name: "tcp://" + ln.Addr().String()}
		d.Box = services.BoxSettings{Enabled: true, Port: box.Link}
		d.Hotkeys = keys
	})
	got := st.selfTest(t) // not started yet: nothing holds the port, nothing is registered
	expect(t, got, support.CheckPrinter, support.StatusOK, "", nil)
	expect(t, got, support.CheckBox, support.StatusOK, "", nil)
	expect(t, got, support.CheckHotkeys, support.StatusFailed, services.CodeHotkeyNotRegistered,
		map[string]any{"combos": "Ctrl+Shift+P、Ctrl+Alt+T"})

	ln.Close()
	missing := filepath.Join(t.TempDir(), "ttyUSB9")
	st.set(t, func(d *services.DeviceSettings) { d.Box.Port = missing })
	got = st.selfTest(t)
	expect(t, got, support.CheckPrinter, support.StatusFailed, printer.CodePrinterUnreachable, map[string]any{"printer": ln.Addr().String()})
	expect(t, got, support.CheckBox, support.StatusFailed, scanner.CodePortNotFound, map[string]any{"port": missing})

	st.set(t, func(d *services.DeviceSettings) { d.Box.Port = box.Link })
	st.h.core.Start(t.Context()) // the box is read from the saved settings, the hotkeys registered
	waitState(t, st.h.rec, "connected", 1)
	got = st.selfTest(t)
	expect(t, got, support.CheckBox, support.StatusOK, scanner.CodeConnected, map[string]any{"port": box.Link})
	expect(t, got, support.CheckHotkeys, support.StatusFailed, services.CodeHotkeyNotRegistered, map[string]any{"combos": "Ctrl+Alt+T"})
	if _, err := st.dev.SaveHotkeys(services.DefaultHotkeys()); err != nil {
		t.Fatal(err)
	}
	expect(t, st.selfTest(t), support.CheckHotkeys, support.StatusOK, "", nil)
}
