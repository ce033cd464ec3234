package native

import (
	xhk "golang.design/x/hotkey"

	"xiaotongfu/backend/devices/hotkey"
)

// variants returns the Windows modifier set for m; Windows ignores NumLock and CapsLock.
func variants(m hotkey.Modifier) [][]xhk.Modifier {
	var mods []xhk.Modifier
	if m&hotkey.Ctrl != 0 {
		mods = append(mods, xhk.ModCtrl)
	}
	if m&hotkey.Alt != 0 {
		mods = append(mods, xhk.ModAlt)
	}
	if m&hotkey.Shift != 0 {
		mods = append(mods, xhk.ModShift)
	}
	if m&hotkey.Win != 0 {
		mods = append(mods, xhk.ModWin)
	}
	return [][]xhk.Modifier{mods}
}
