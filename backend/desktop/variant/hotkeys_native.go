//go:build !bindings

package variant

import (
	"xiaotongfu/backend/devices/hotkey"
	"xiaotongfu/backend/devices/hotkey/native"
)

// HotkeyBackend is the operating system's hotkey registration. Only the app binary imports
// this package: on Linux hotkey/native's init needs an X display, which the app has and tests
// may not.
func HotkeyBackend() hotkey.Backend { return native.Backend() }
