//go:build !((linux && cgo) || windows)

// Package native registers hotkeys with the operating system. This build (no cgo on Linux, or
// another OS) has no system hotkeys: every registration fails with a clear Chinese error.
package native

import (
	"xiaotongfu/backend/devices/hotkey"
	"xiaotongfu/backend/domain"
)

// Available reports whether this build can register system hotkeys.
const Available = false

// Backend returns a backend that refuses every hotkey.
func Backend() hotkey.Backend { return backend{} }

type backend struct{}

// Register always fails with hotkey.CodeNoSystem.
func (backend) Register(hotkey.Combo, func()) (func(), error) {
	return nil, domain.Errorf(hotkey.CodeNoSystem, "此版本不支持全局快捷键")
}
