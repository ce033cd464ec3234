//go:build windows

package screen

import (
	"context"
	"errors"
	"fmt"
	"image"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32                  = windows.NewLazySystemDLL("user32.dll")
	procWindowFromPoint     = user32.NewProc("WindowFromPoint")
	procSendMessageTimeoutW = user32.NewProc("SendMessageTimeoutW")
	procGetCursorPos        = user32.NewProc("GetCursorPos")
	procGetClassNameW       = user32.NewProc("GetClassNameW")
)

const (
	wmGetText       = 0x000D
	wmGetTextLength = 0x000E
	smtoAbortIfHung = 0x0002
	smtoBlock       = 0x0001
	// textTimeoutMs bounds each message to the other program, so a hung cashier program cannot
	// hang the watcher.
	textTimeoutMs = 200
	maxTextLen    = 4096
)

// ErrNoText means neither WM_GETTEXT nor UI Automation gave text for the control.
var ErrNoText = errors.New("screen.no_text")

// NewTextReader returns a reader that asks the control under a point for its text with
// WM_GETTEXT (sent with SendMessageTimeout) and, when that gives nothing (WPF, Qt, Chromium and
// other controls without their own window), falls back to UI Automation's Value or Name property.
func NewTextReader() TextReader { return winReader{} }

type winReader struct{}

func (winReader) TextAt(ctx context.Context, pt image.Point) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	text, edit, err := windowText(pt)
	if err == nil && (text != "" || edit) {
		return text, nil // an empty text box is a cleared amount, not a reason to ask UIA
	}
	text, err = uiaText(pt)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNoText, err)
	}
	return text, nil
}

// packPoint passes a POINT by value in one register (amd64 and arm64).
func packPoint(pt image.Point) uintptr {
	return uintptr(uint32(int32(pt.X))) | uintptr(uint32(int32(pt.Y)))<<32
}

// windowText reads the text of the window at pt with WM_GETTEXT, which Windows marshals across
// processes (GetWindowText would return only captions of other programs' controls). edit
// tells whether the window is a text box (its class name holds "Edit": EDIT, RichEdit20W,
// RICHEDIT50W, TEdit, WindowsForms10.EDIT…), whose empty text means an empty box.
func windowText(pt image.Point) (text string, edit bool, err error) {
	hwnd, _, _ := procWindowFromPoint.Call(packPoint(pt))
	if hwnd == 0 {
		return "", false, errors.New("no window at point")
	}
	edit = isEditClass(hwnd)
	var n uintptr
	if r, _, err := procSendMessageTimeoutW.Call(hwnd, wmGetTextLength, 0, 0, smtoAbortIfHung|smtoBlock, textTimeoutMs, uintptr(unsafe.Pointer(&n))); r == 0 {
		return "", edit, fmt.Errorf("WM_GETTEXTLENGTH: %v", err)
	}
	if n == 0 {
		return "", edit, nil
	}
	n = min(n, maxTextLen)
	buf := make([]uint16, n+1)
	var got uintptr
	if r, _, err := procSendMessageTimeoutW.Call(hwnd, wmGetText, n+1, uintptr(unsafe.Pointer(&buf[0])), smtoAbortIfHung|smtoBlock, textTimeoutMs, uintptr(unsafe.Pointer(&got))); r == 0 {
		return "", edit, fmt.Errorf("WM_GETTEXT: %v", err)
	}
	return syscall.UTF16ToString(buf[:min(got, n)]), edit, nil
}

// isEditClass tells whether hwnd's window class is a text box's.
func isEditClass(hwnd uintptr) bool {
	var buf [256]uint16
	n, _, _ := procGetClassNameW.Call(hwnd, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	return strings.Contains(strings.ToLower(syscall.UTF16ToString(buf[:n])), "edit")
}

// CursorPos returns the mouse position in virtual-desktop coordinates, for 开始对接 (the user
// clicks the amount box).
func CursorPos() (image.Point, error) {
	var p struct{ X, Y int32 }
	if r, _, err := procGetCursorPos.Call(uintptr(unsafe.Pointer(&p))); r == 0 {
		return image.Point{}, fmt.Errorf("GetCursorPos: %v", err)
	}
	return image.Pt(int(p.X), int(p.Y)), nil
}
