//go:build bindings

package variant

import "xiaotongfu/backend/devices/hotkey"

// HotkeyBackend is nil in the binary `wails generate module` runs: it never starts the app,
// and must run without an X display (hotkey/native's Linux init would panic).
func HotkeyBackend() hotkey.Backend { return nil }
