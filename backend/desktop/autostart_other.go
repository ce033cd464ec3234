//go:build !windows

package desktop

import "errors"

// autostartSupported: starting with the system is a Windows feature.
const autostartSupported = false

// ErrAutostartOnlyWindows: starting with the system is offered on Windows only.
var ErrAutostartOnlyWindows = errors.New("开机自动启动仅支持 Windows")

// SetAutostart is Windows only; elsewhere it fails with ErrAutostartOnlyWindows.
func SetAutostart(bool) error { return ErrAutostartOnlyWindows }

// Autostart is always false outside Windows.
func Autostart() (bool, error) { return false, nil }
