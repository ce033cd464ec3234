package hotkey

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// TestNativeUnderX runs hotkey/native's X11 tests in a child `go test`: that package's test
// binary cannot even start without an X display (golang.design/x/hotkey panics in init), so
// this parent test decides, and says why it skips. Run it as
// `xvfb-run -a go test ./backend/devices/hotkey/...`.
func TestNativeUnderX(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("X11 hotkey test, Linux only: on Windows hotkey/native tests RegisterHotKey and SendInput directly")
	}
	if os.Getenv("DISPLAY") == "" {
		t.Skip("DISPLAY is unset: run under `xvfb-run -a go test ./backend/devices/hotkey/...` to test real X11 hotkeys")
	}
	cmd := exec.Command("go", "test", "-count=1", "-tags", "hotkeyx11", "-v", "./native")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	out, err := cmd.CombinedOutput()
	t.Logf("go test -tags hotkeyx11 ./native:\n%s", out)
	if err != nil {
		t.Fatalf("X11 hotkey tests failed: %v", err)
	}
}
