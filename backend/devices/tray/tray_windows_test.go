package tray

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// What the library registers on Windows (fyne.io/systray's systray_windows.go): a hidden
// window of this class owns the notification icon with this id, and the menu's WM_COMMAND
// ids count up from 1 in the order the items were added (3 is the separator).
const (
	libraryClass = "SystrayClass"
	libraryIcon  = 100
)

var (
	shell32          = windows.NewLazySystemDLL("shell32.dll")
	user32           = windows.NewLazySystemDLL("user32.dll")
	procNotifyIcon   = shell32.NewProc("Shell_NotifyIconW")
	procFindWindow   = user32.NewProc("FindWindowW")
	procPostMessage  = user32.NewProc("PostMessageW")
	procIsWindow     = user32.NewProc("IsWindow")
	menuIDsOnWindows = map[string]uintptr{LabelShow: 1, LabelQuickPay: 2, LabelQuit: 4}
)

// notifyIconData is NOTIFYICONDATAW (shellapi.h), full size.
type notifyIconData struct {
	Size                       uint32
	Wnd                        windows.Handle
	ID, Flags, CallbackMessage uint32
	Icon                       windows.Handle
	Tip                        [128]uint16
	State, StateMask           uint32
	Info                       [256]uint16
	Timeout, Version           uint32
	InfoTitle                  [64]uint16
	InfoFlags                  uint32
	GUIDItem                   windows.GUID
	BalloonIcon                windows.Handle
}

// TestTrayIconOnWindows starts the tray, finds its window, asks the shell to change the
// icon's tip (which fails unless the shell holds the icon), clicks the three menu items as
// the shell does (WM_COMMAND), and stops it: the window goes away.
func TestTrayIconOnWindows(t *testing.T) {
	var mu sync.Mutex
	var got []string
	click := func(s string) func() {
		return func() { mu.Lock(); got = append(got, s); mu.Unlock() }
	}
	tr := Start(Options{Tooltip: "小通付 测试"}, Menu{OnShow: click("show"), OnQuickPay: click("quick"), OnQuit: click("quit")})
	select {
	case <-tr.ready:
	case <-time.After(time.Minute):
		t.Fatal("the tray never became ready: Shell_NotifyIcon(NIM_ADD) or the menu failed (see the log)")
	}
	if !tr.Available() {
		t.Fatal("ready but not Available")
	}
	hwnd := findTrayWindow(t)
	modifyTip(t, hwnd, "小通付 已连接")
	// One click at a time: the library drops a click that arrives while the previous one's
	// callback runs, as a person's clicks never do.
	for i, label := range []string{LabelShow, LabelQuickPay, LabelQuit} {
		if r, _, err := procPostMessage.Call(hwnd, 0x0111 /* WM_COMMAND */, menuIDsOnWindows[label], 0); r == 0 {
			t.Fatalf("post WM_COMMAND for %s: %v", label, err)
		}
		waitFor(t, "the callback of "+label, func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(got) > i
		})
	}
	mu.Lock()
	order := strings.Join(got, ",")
	mu.Unlock()
	if order != "show,quick,quit" {
		t.Fatalf("callbacks %q, want show,quick,quit", order)
	}
	tr.Stop()
	waitFor(t, "the tray window to close after Stop", func() bool {
		r, _, _ := procIsWindow.Call(hwnd)
		return r == 0
	})
}

func findTrayWindow(t *testing.T) uintptr {
	t.Helper()
	class, _ := windows.UTF16PtrFromString(libraryClass)
	hwnd, _, err := procFindWindow.Call(uintptr(unsafe.Pointer(class)), 0)
	if hwnd == 0 {
		t.Fatalf("no %s window: %v", libraryClass, err)
	}
	return hwnd
}

// modifyTip is Shell_NotifyIconW(NIM_MODIFY, NIF_TIP) for the library's icon.
func modifyTip(t *testing.T, hwnd uintptr, tip string) {
	t.Helper()
	nid := notifyIconData{Wnd: windows.Handle(hwnd), ID: libraryIcon, Flags: 0x4 /* NIF_TIP */}
	nid.Size = uint32(unsafe.Sizeof(nid))
	u, _ := windows.UTF16FromString(tip)
	copy(nid.Tip[:], u)
	if r, _, err := procNotifyIcon.Call(1 /* NIM_MODIFY */, uintptr(unsafe.Pointer(&nid))); r == 0 {
		t.Fatalf("the shell does not hold the tray icon: NIM_MODIFY failed: %v", err)
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
