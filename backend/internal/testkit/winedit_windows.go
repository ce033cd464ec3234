package testkit

import (
	"fmt"
	"image"
	"runtime"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32                 = windows.NewLazySystemDLL("user32.dll")
	procCreateWindowExW    = user32.NewProc("CreateWindowExW")
	procDestroyWindow      = user32.NewProc("DestroyWindow")
	procGetMessageW        = user32.NewProc("GetMessageW")
	procDispatchMessageW   = user32.NewProc("DispatchMessageW")
	procPostThreadMessageW = user32.NewProc("PostThreadMessageW")
	procSendMessageW       = user32.NewProc("SendMessageW")
	procSetCursorPos       = user32.NewProc("SetCursorPos")
	procLoadLibraryW       = windows.NewLazySystemDLL("kernel32.dll").NewProc("LoadLibraryW")
	procWineGetVersion     = windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version")
)

const (
	wmSetText    = 0x000C
	wmQuit       = 0x0012
	wsPopup      = 0x80000000
	wsVisible    = 0x10000000
	wsBorder     = 0x00800000
	wsExTopmost  = 0x00000008
	esAutoHScrol = 0x0080
)

// EditWindow is a real Windows text box (an EDIT or RichEdit control made a top-level popup)
// owned by a thread of its own that pumps its messages, as a cashier program's amount box
// would be: other threads reach it only through the message queue.
type EditWindow struct {
	// Rect is where the box stands on the screen.
	Rect image.Rectangle
	hwnd uintptr
	tid  uint32
	done chan struct{}
}

// ShowEdit shows a text box of window class class ("EDIT", "RichEdit20W" after loading dll
// riched20.dll; dll may be "") holding text at rect, on top of other windows. It is destroyed
// when t ends.
func ShowEdit(t testing.TB, class, dll, text string, rect image.Rectangle) *EditWindow {
	t.Helper()
	w := &EditWindow{Rect: rect, done: make(chan struct{})}
	ready := make(chan error, 1)
	go w.run(class, dll, text, ready)
	if err := <-ready; err != nil {
		t.Fatalf("%s box: %v", class, err)
	}
	t.Cleanup(w.close)
	return w
}

// run creates the window on a locked OS thread and pumps its messages until WM_QUIT.
func (w *EditWindow) run(class, dll, text string, ready chan<- error) {
	runtime.LockOSThread()
	defer close(w.done)
	if dll != "" {
		if h, _, err := procLoadLibraryW.Call(uintptr(unsafe.Pointer(utf16(dll)))); h == 0 {
			ready <- fmt.Errorf("LoadLibrary(%s): %v", dll, err)
			return
		}
	}
	w.tid = windows.GetCurrentThreadId()
	r := w.Rect
	hwnd, _, err := procCreateWindowExW.Call(wsExTopmost, uintptr(unsafe.Pointer(utf16(class))), uintptr(unsafe.Pointer(utf16(text))),
		wsPopup|wsVisible|wsBorder|esAutoHScrol, uintptr(r.Min.X), uintptr(r.Min.Y), uintptr(r.Dx()), uintptr(r.Dy()), 0, 0, 0, 0)
	if hwnd == 0 {
		ready <- fmt.Errorf("CreateWindowEx: %v", err)
		return
	}
	w.hwnd = hwnd
	ready <- nil
	var msg [48]byte // MSG on 64-bit Windows
	for {
		if r, _, _ := procGetMessageW.Call(uintptr(unsafe.Pointer(&msg)), 0, 0, 0); int32(r) <= 0 {
			break
		}
		procDispatchMessageW.Call(uintptr(unsafe.Pointer(&msg)))
	}
	procDestroyWindow.Call(hwnd)
}

// SetText replaces the box's text (WM_SETTEXT through the owner thread's queue).
func (w *EditWindow) SetText(t testing.TB, text string) {
	t.Helper()
	if r, _, err := procSendMessageW.Call(w.hwnd, wmSetText, 0, uintptr(unsafe.Pointer(utf16(text)))); r == 0 {
		t.Fatalf("WM_SETTEXT %q: %v", text, err)
	}
}

// Centre is the middle of the box.
func (w *EditWindow) Centre() image.Point {
	return image.Pt((w.Rect.Min.X+w.Rect.Max.X)/2, (w.Rect.Min.Y+w.Rect.Max.Y)/2)
}

// close ends the owner thread, which destroys the window.
func (w *EditWindow) close() {
	procPostThreadMessageW.Call(uintptr(w.tid), wmQuit, 0, 0)
	<-w.done
}

// MoveMouse puts the mouse pointer at pt (SetCursorPos), as a user pointing at a box would.
func MoveMouse(t testing.TB, pt image.Point) {
	t.Helper()
	if r, _, err := procSetCursorPos.Call(uintptr(pt.X), uintptr(pt.Y)); r == 0 {
		t.Fatalf("SetCursorPos%v: %v", pt, err)
	}
}

// WineVersion returns Wine's version when the test runs under Wine, "" on real Windows.
func WineVersion() string {
	if procWineGetVersion.Find() != nil {
		return ""
	}
	r, _, _ := procWineGetVersion.Call()
	return windows.BytePtrToString(*(**byte)(unsafe.Pointer(&r))) // a static string in ntdll
}

// utf16 converts s for a W function; s never holds NUL here.
func utf16(s string) *uint16 {
	p, _ := windows.UTF16PtrFromString(s)
	return p
}
