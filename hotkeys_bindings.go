//go:build bindings

package main

import "xiaotongfu/backend/devices/hotkey"

// hotkeyBackend is nil in the binary `wails generate module` runs: it never starts the app,
// and must run without an X display (hotkey/native's Linux init would panic).
func hotkeyBackend() hotkey.Backend { return nil }
