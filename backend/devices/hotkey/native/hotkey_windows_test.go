package native

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"xiaotongfu/backend/devices/hotkey"
)

var (
	user32             = windows.NewLazySystemDLL("user32.dll")
	procSendInput      = user32.NewProc("SendInput")
	procRegisterHotKey = user32.NewProc("RegisterHotKey")
)

const (
	vkControl = 0x11
	vkShift   = 0x10
	vkF8      = 0x77
	vkF9      = 0x78
	modAlt    = 0x1
	modCtrl   = 0x2
	// holdEnv makes the test binary a helper process that holds Ctrl+Alt+F9 (see TestMain).
	holdEnv = "XTF_HOLD_HOTKEY"
)

// TestMain doubles as the "other program" of the conflict test: with holdEnv set, the binary
// registers Ctrl+Alt+F9 itself, says "held", and keeps it until its stdin closes.
func TestMain(m *testing.M) {
	if os.Getenv(holdEnv) == "" {
		os.Exit(m.Run())
	}
	runtime.LockOSThread()
	if r, _, err := procRegisterHotKey.Call(0, 1, modCtrl|modAlt, vkF9); r == 0 {
		os.Stdout.WriteString("failed: " + err.Error() + "\n")
		os.Exit(1)
	}
	os.Stdout.WriteString("held\n")
	_, _ = io.Copy(io.Discard, os.Stdin)
}

// keyInput is INPUT with a KEYBDINPUT, 40 bytes on 64-bit Windows.
type keyInput struct {
	kind  uint32
	_     uint32
	vk    uint16
	scan  uint16
	flags uint32
	time  uint32
	extra uintptr
	_     [8]byte
}

// press types vks as one chord with SendInput: every key down in order, then up in reverse.
func press(t *testing.T, vks ...uint16) {
	t.Helper()
	const keyUp = 0x2
	var in []keyInput
	for _, vk := range vks {
		in = append(in, keyInput{kind: 1, vk: vk})
	}
	for i := len(vks) - 1; i >= 0; i-- {
		in = append(in, keyInput{kind: 1, vk: vks[i], flags: keyUp})
	}
	n, _, err := procSendInput.Call(uintptr(len(in)), uintptr(unsafe.Pointer(&in[0])), unsafe.Sizeof(in[0]))
	if int(n) != len(in) {
		t.Fatalf("SendInput sent %d of %d key events: %v", n, len(in), err)
	}
}

// expectFire waits for the named hotkey; the deadline only bounds a failing test.
func expectFire(t *testing.T, fired <-chan string, name string) {
	t.Helper()
	select {
	case got := <-fired:
		if got != name {
			t.Fatalf("fired %q, want %q", got, name)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not fire", name)
	}
}

// TestHotkeysFireOnWindows registers two hotkeys with RegisterHotKey and types them with
// SendInput: each fires its own binding, once per press.
func TestHotkeysFireOnWindows(t *testing.T) {
	fired := make(chan string, 16)
	m := hotkey.NewManager(Backend(), func(name string) { fired <- name }, nil)
	defer m.Close()
	res := m.Apply([]hotkey.Binding{{Name: hotkey.QuickPay, Combo: "ctrl+shift+p"}, {Name: hotkey.Show, Combo: "F8"}})
	for _, r := range res {
		if !r.Registered {
			t.Fatalf("%s (%s) not registered: %v", r.Name, r.Combo, r.Err)
		}
	}
	press(t, vkControl, vkShift, 'P')
	expectFire(t, fired, hotkey.QuickPay)
	press(t, vkF8)
	expectFire(t, fired, hotkey.Show)
	if len(fired) != 0 {
		t.Fatalf("extra fires: %d", len(fired))
	}
}

// TestHotkeyTakenByAnotherProgram: while another process holds Ctrl+Alt+F9, registering it is
// reported as the settings screen expects (hotkey_taken with the combo, no system text); once that
// program exits, the same combo registers.
func TestHotkeyTakenByAnotherProgram(t *testing.T) {
	holder := exec.Command(os.Args[0], "-test.run=^$")
	holder.Env = append(os.Environ(), holdEnv+"=1")
	stdin, _ := holder.StdinPipe()
	stdout, _ := holder.StdoutPipe()
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "held\n" {
		stdin.Close()
		_ = holder.Wait()
		t.Fatalf("helper process: %q", line)
	}
	m := hotkey.NewManager(Backend(), func(string) {}, nil)
	defer m.Close()
	bind := []hotkey.Binding{{Name: hotkey.QuickPay, Combo: "Ctrl+Alt+F9"}}
	r := m.Apply(bind)[0]
	if r.Registered || r.Err == nil || r.Err.Code != hotkey.CodeTaken || r.Err.Params["combo"] != "Ctrl+Alt+F9" || len(r.Err.Params) != 1 {
		t.Fatalf("taken combo: %+v", r)
	}
	stdin.Close()
	if err := holder.Wait(); err != nil {
		t.Fatalf("helper process: %v", err)
	}
	if r := m.Apply(bind)[0]; !r.Registered {
		t.Fatalf("after the other program exited: %+v", r)
	}
}
