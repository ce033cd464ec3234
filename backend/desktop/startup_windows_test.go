package desktop

import (
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32             = windows.NewLazySystemDLL("user32.dll")
	procFindWindowW    = user32.NewProc("FindWindowW")
	procGetDlgItem     = user32.NewProc("GetDlgItem")
	procGetWindowTextW = user32.NewProc("GetWindowTextW")
	procPostMessageW   = user32.NewProc("PostMessageW")
)

const (
	dialogClass = "#32770" // the window class of every dialog, message boxes included
	msgboxText  = 0xFFFF   // the id of a message box's text control
	wmCommand   = 0x0111
	idOK        = 1
)

// reported shows ReportStartupFailure(err)'s message box for real, without blocking the test:
// the box runs on a goroutine while the test finds it by class and caption, reads its caption
// and text back from the window and presses 确定 (IDOK). It returns "caption: text".
func reported(t *testing.T, err error) string {
	t.Helper()
	done := make(chan struct{})
	go func() { ReportStartupFailure(err); close(done) }()
	var hwnd uintptr
	for deadline := time.Now().Add(10 * time.Second); hwnd == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q message box appeared", StartupTitle)
		}
		hwnd, _, _ = procFindWindowW.Call(uintptr(unsafe.Pointer(windows.StringToUTF16Ptr(dialogClass))),
			uintptr(unsafe.Pointer(windows.StringToUTF16Ptr(StartupTitle))))
	}
	label, _, _ := procGetDlgItem.Call(hwnd, msgboxText)
	out := windowText(hwnd) + ": " + windowText(label)
	procPostMessageW.Call(hwnd, wmCommand, idOK, 0)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the message box did not close on 确定")
	}
	return out
}

// windowText is GetWindowTextW of hwnd.
func windowText(hwnd uintptr) string {
	buf := make([]uint16, 1024)
	n, _, _ := procGetWindowTextW.Call(hwnd, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	return windows.UTF16ToString(buf[:n])
}
