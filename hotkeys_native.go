//go:build !bindings

package main

import (
	"xiaotongfu/backend/devices/hotkey"
	"xiaotongfu/backend/devices/hotkey/native"
)

// hotkeyBackend is the operating system's hotkey registration. Only this binary imports
// hotkey/native: on Linux its init needs an X display, which the app has and tests may not.
func hotkeyBackend() hotkey.Backend { return native.Backend() }
