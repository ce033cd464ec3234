package desktop

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// showStartupFailure shows a modal error box (MessageBoxW) on top of other windows, and
// writes the text to stderr for a console that may be attached.
func showStartupFailure(title, text string) {
	fmt.Fprintln(os.Stderr, title+": "+text)
	t, err1 := windows.UTF16PtrFromString(text)
	c, err2 := windows.UTF16PtrFromString(title)
	if err1 != nil || err2 != nil {
		return
	}
	_, _ = windows.MessageBox(0, t, c, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND|windows.MB_TOPMOST)
}
