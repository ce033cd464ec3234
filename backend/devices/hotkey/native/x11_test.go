//go:build linux && cgo && hotkeyx11

// These tests need an X display: they are built only with -tags hotkeyx11, and
// hotkey.TestNativeUnderX runs them when DISPLAY is set (the library panics at init without it).
package native

import (
	"os/exec"
	"testing"
	"time"

	"xiaotongfu/backend/devices/hotkey"
)

type fired chan string

func (f fired) expect(t *testing.T, name string) {
	t.Helper()
	select {
	case got := <-f:
		if got != name {
			t.Fatalf("fired %q, want %q", got, name)
		}
	case <-time.After(time.Minute):
		t.Fatalf("%s did not fire", name)
	}
}

func (f fired) none(t *testing.T) {
	t.Helper()
	select {
	case got := <-f:
		t.Fatalf("unexpected fire %q", got)
	case <-time.After(400 * time.Millisecond):
	}
}

func press(t *testing.T, keys string) {
	t.Helper()
	if out, err := exec.Command("xdotool", "key", keys).CombinedOutput(); err != nil {
		t.Fatalf("xdotool key %s: %v %s", keys, err, out)
	}
}

func TestHotkeysOnX(t *testing.T) {
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Fatal("xdotool is required for this test (apt-get install xdotool)")
	}
	focusWindow(t)
	f := make(fired, 16)
	m := hotkey.NewManager(Backend(), func(name string) { f <- name }, nil)
	defer m.Close()
	res := m.Apply([]hotkey.Binding{{Name: hotkey.QuickPay, Combo: "ctrl+shift+p"}, {Name: hotkey.Show, Combo: "F8"}})
	for _, r := range res {
		if !r.Registered {
			t.Fatalf("%s not registered: %v", r.Name, r.Err)
		}
	}
	time.Sleep(300 * time.Millisecond) // the grab is taken asynchronously

	press(t, "ctrl+shift+p")
	f.expect(t, hotkey.QuickPay)
	f.none(t) // exactly one fire per press, though X reports three key-downs
	press(t, "F8")
	f.expect(t, hotkey.Show)
	press(t, "a")
	press(t, "ctrl+p")
	f.none(t)

	press(t, "Num_Lock") // NumLock on: the NumLock variant still fires
	press(t, "ctrl+shift+p")
	f.expect(t, hotkey.QuickPay)
	press(t, "Num_Lock")

	m.Apply([]hotkey.Binding{{Name: hotkey.QuickPay, Combo: "Ctrl+Alt+K"}, {Name: hotkey.Show, Combo: ""}})
	time.Sleep(300 * time.Millisecond)
	press(t, "ctrl+shift+p") // old combos are released
	press(t, "F8")
	f.none(t)
	press(t, "ctrl+alt+k")
	f.expect(t, hotkey.QuickPay)
}

// TestSameComboTwiceOnX: a combo given to two settings registers once with X; the second
// setting reports hotkey_used with the combo, and no text of the system.
func TestSameComboTwiceOnX(t *testing.T) {
	m := hotkey.NewManager(Backend(), func(string) {}, nil)
	defer m.Close()
	res := m.Apply([]hotkey.Binding{{Name: hotkey.QuickPay, Combo: "Ctrl+Alt+J"}, {Name: hotkey.Show, Combo: "ctrl+alt+j"}})
	if !res[0].Registered || res[1].Registered || res[1].Err == nil {
		t.Fatalf("results %+v", res)
	}
	if e := res[1].Err; e.Code != hotkey.CodeUsed || len(e.Params) != 1 || e.Params["combo"] != "Ctrl+Alt+J" {
		t.Fatalf("second binding: %+v, want hotkey_used {combo: Ctrl+Alt+J}", e)
	}
}
