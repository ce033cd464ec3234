package services_test

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/devices/hotkey"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/services"
)

// keyboard stands in for the operating system's hotkey registration (hotkey/native needs an
// X display or Windows): it keeps what is registered, refuses combos another program holds,
// and presses a registered combo on request.
type keyboard struct {
	mu    sync.Mutex
	taken map[string]bool
	live  map[string]func()
}

func (k *keyboard) Register(c hotkey.Combo, fire func()) (func(), error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.taken[c.String()] {
		return nil, errors.New("hotkey already registered.") // the library's own text, as on Windows
	}
	k.live[c.String()] = fire
	return func() {
		k.mu.Lock()
		defer k.mu.Unlock()
		delete(k.live, c.String())
	}, nil
}

// press fires combo; it reports whether it was registered.
func (k *keyboard) press(combo string) bool {
	k.mu.Lock()
	fire := k.live[combo]
	k.mu.Unlock()
	if fire != nil {
		fire()
	}
	return fire != nil
}

func newKeyboardTerminal(t *testing.T, dir string) (*screenTerminal, *keyboard) {
	t.Helper()
	st := newScreenTerminal(t, dir)
	kb := &keyboard{taken: map[string]bool{"Ctrl+Alt+T": true}, live: map[string]func(){}}
	services.UseHotkeys(st.devices, kb)
	st.core.Start(t.Context())
	t.Cleanup(st.core.Stop)
	return st, kb
}

func TestHotkeyDefaultsRegisteredAndPressed(t *testing.T) {
	st, kb := newKeyboardTerminal(t, t.TempDir())
	got, _ := st.devices.Settings()
	if got.Hotkeys != services.DefaultHotkeys() || got.Hotkeys.QuickPay.Keys != "Ctrl+Shift+P" || got.Hotkeys.ShowMain.Keys != "Ctrl+Shift+M" {
		t.Fatalf("default hotkeys %+v", got.Hotkeys)
	}
	if !kb.press("Ctrl+Shift+P") {
		t.Fatal("Ctrl+Shift+P not registered at start")
	}
	if p := st.rec.Named(events.HotkeyPressed); len(p) != 1 || p[0].(events.Hotkey).Name != "quickPay" {
		t.Fatalf("hotkey:pressed %+v", p)
	}
	if st.win.Mode() != events.ModeQuickPay {
		t.Fatalf("after the quick-pay hotkey mode is %s", st.win.Mode())
	}
	kb.press("Ctrl+Shift+M")
	m := st.rec.Named(events.WindowMode)
	if len(m) != 2 || m[1].(events.Mode) != (events.Mode{Mode: "main", Reason: "hotkey"}) {
		t.Fatalf("window:mode %+v", m)
	}
}

func TestSaveHotkeysValidatesAndPersists(t *testing.T) {
	dir := t.TempDir()
	st, kb := newKeyboardTerminal(t, dir)
	bad := services.HotkeySettings{QuickPay: services.Hotkey{Keys: "Ctrl+C", Enabled: true},
		ShowMain: services.Hotkey{Keys: "Ctrl+Alt+T", Enabled: true}}
	status, err := st.devices.SaveHotkeys(bad)
	if err != nil {
		t.Fatal(err)
	}
	if len(status.Errors) != 1 {
		t.Fatalf("Ctrl+C: errors %+v, want one for quickPay", status.Errors)
	}
	wantProblem(t, status.Errors["quickPay"], hotkey.CodeEditKey, "Ctrl+C")
	bad.QuickPay.Keys = "ctrl + alt + q"
	status, _ = st.devices.SaveHotkeys(bad)
	if status.Errors["quickPay"] != nil || len(status.Errors) != 1 {
		t.Fatalf("combo held by another program: errors %+v, want showMain only", status.Errors)
	}
	wantProblem(t, status.Errors["showMain"], hotkey.CodeTaken, "Ctrl+Alt+T")
	if !kb.press("Ctrl+Shift+P") || kb.press("Ctrl+Alt+Q") {
		t.Fatal("a refused save must keep the previous hotkeys registered")
	}
	same := services.HotkeySettings{QuickPay: services.Hotkey{Keys: "F8", Enabled: true}, ShowMain: services.Hotkey{Keys: "f8", Enabled: true}}
	status, _ = st.devices.SaveHotkeys(same)
	wantProblem(t, status.Errors["showMain"], hotkey.CodeUsed, "F8")

	good := services.HotkeySettings{QuickPay: services.Hotkey{Keys: "ctrl+alt+q", Enabled: true},
		ShowMain: services.Hotkey{Keys: "Ctrl+Shift+M", Enabled: false}, HideFloating: true}
	status, err = st.devices.SaveHotkeys(good)
	if err != nil || len(status.Errors) != 0 {
		t.Fatalf("SaveHotkeys(good) = %+v, %v", status, err)
	}
	if !kb.press("Ctrl+Alt+Q") || kb.press("Ctrl+Shift+P") || kb.press("Ctrl+Shift+M") {
		t.Fatal("registered hotkeys do not follow the saved settings")
	}
	cfg, err := desktop.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := services.HotkeySettings{QuickPay: services.Hotkey{Keys: "Ctrl+Alt+Q", Enabled: true},
		ShowMain: services.Hotkey{Keys: "Ctrl+Shift+M"}, HideFloating: true}
	if got := cfg.Devices().Hotkeys; got != want {
		t.Fatalf("saved hotkeys %+v, want %+v", got, want)
	}
	// 隐藏悬浮窗 applies at once: minimising shows no bubble.
	st.win.Minimise()
	if st.win.Mode() == events.ModeFloating || !st.win.Background() {
		t.Fatalf("隐藏悬浮窗 saved, yet minimising gave mode %s", st.win.Mode())
	}

	// A restart registers the saved hotkeys.
	_, kb2 := newKeyboardTerminal(t, dir)
	if !kb2.press("Ctrl+Alt+Q") || kb2.press("Ctrl+Shift+M") {
		t.Fatal("saved hotkeys not registered after a restart")
	}
}

// wantProblem checks a hotkey row's error: code, with the combo as its only parameter, and
// none of the system's text (the JSON the UI gets).
func wantProblem(t *testing.T, e *domain.Error, code domain.Code, combo string) {
	t.Helper()
	if e == nil || e.Code != code || len(e.Params) != 1 || e.Params["combo"] != combo {
		t.Fatalf("row error %+v, want %s {combo: %s}", e, code, combo)
	}
	if b, _ := json.Marshal(e); strings.Contains(string(b), "registered.") {
		t.Fatalf("row error %s holds the system's text", b)
	}
}
