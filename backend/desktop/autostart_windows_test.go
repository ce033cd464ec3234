package desktop

import (
	"errors"
	"os"
	"testing"

	"golang.org/x/sys/windows/registry"
)

// TestAutostartRunKey turns 开机自动启动 on and off and reads the current user's Run key
// itself: on, it holds this exe, quoted; off, the value is gone, and turning it off again is
// fine. Whatever the key held before is put back.
func TestAutostartRunKey(t *testing.T) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE|registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	if old, _, err := k.GetStringValue(runValue); err == nil {
		t.Cleanup(func() { _ = k.SetStringValue(runValue, old) })
	} else {
		t.Cleanup(func() { _ = k.DeleteValue(runValue) })
	}
	exe, _ := os.Executable()
	if err := SetAutostart(true); err != nil {
		t.Fatal(err)
	}
	if v, _, err := k.GetStringValue(runValue); err != nil || v != `"`+exe+`"` {
		t.Fatalf("Run\\%s = %q, %v; want %q", runValue, v, err, `"`+exe+`"`)
	}
	if on, err := Autostart(); !on || err != nil {
		t.Fatalf("Autostart() = %v, %v after turning it on", on, err)
	}
	for range 2 {
		if err := SetAutostart(false); err != nil {
			t.Fatal(err)
		}
		if _, _, err := k.GetStringValue(runValue); !errors.Is(err, registry.ErrNotExist) {
			t.Fatalf("Run\\%s still there after turning it off: %v", runValue, err)
		}
	}
	if on, err := Autostart(); on || err != nil {
		t.Fatalf("Autostart() = %v, %v after turning it off", on, err)
	}
}
