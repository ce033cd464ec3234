//go:build linux && cgo

package native

import (
	xhk "golang.design/x/hotkey"

	"xiaotongfu/backend/devices/hotkey"
)

// The library grabs the exact modifier mask, so a hotkey would not fire with NumLock (Mod2)
// or CapsLock (LockMask) on; the variants with those locks are grabbed too.
const (
	numLock  = xhk.Mod2
	capsLock = xhk.Modifier(1 << 1)
)

// variants returns the X11 modifier masks to grab for m (Alt is Mod1, Win is Mod4).
func variants(m hotkey.Modifier) [][]xhk.Modifier {
	var mods []xhk.Modifier
	if m&hotkey.Ctrl != 0 {
		mods = append(mods, xhk.ModCtrl)
	}
	if m&hotkey.Alt != 0 {
		mods = append(mods, xhk.Mod1)
	}
	if m&hotkey.Shift != 0 {
		mods = append(mods, xhk.ModShift)
	}
	if m&hotkey.Win != 0 {
		mods = append(mods, xhk.Mod4)
	}
	with := func(locks ...xhk.Modifier) []xhk.Modifier { return append(append([]xhk.Modifier{}, mods...), locks...) }
	return [][]xhk.Modifier{mods, with(numLock), with(capsLock), with(numLock, capsLock)}
}
