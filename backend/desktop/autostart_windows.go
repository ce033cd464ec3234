package desktop

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows/registry"
)

// autostartSupported: Windows starts the programs of the current user's Run key at sign-in.
const autostartSupported = true

const (
	// runKey is the current user's list of programs Windows starts at sign-in.
	runKey = `Software\Microsoft\Windows\CurrentVersion\Run`
	// runValue names 小通付's entry in runKey; the uninstaller deletes the same value.
	runValue = "XiaoTongFu"
)

// SetAutostart adds 小通付 (this exe, quoted) to the current user's Run key, or removes it,
// so Windows starts it at sign-in (开机自动启动). Removing an absent entry is not an error;
// a missing Run key (a fresh profile, Wine's prefix) is created.
func SetAutostart(on bool) error {
	if !on {
		k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
		if errors.Is(err, registry.ErrNotExist) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("开机启动设置失败: %w", err)
		}
		defer k.Close()
		if err := k.DeleteValue(runValue); err != nil && !errors.Is(err, registry.ErrNotExist) {
			return fmt.Errorf("开机启动设置失败: %w", err)
		}
		return nil
	}
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return fmt.Errorf("开机启动设置失败: %w", err)
	}
	defer k.Close()
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("开机启动设置失败: %w", err)
	}
	if err := k.SetStringValue(runValue, `"`+exe+`"`); err != nil {
		return fmt.Errorf("开机启动设置失败: %w", err)
	}
	return nil
}

// Autostart reports whether the Run key starts this exe.
func Autostart() (bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if err != nil {
		return false, err
	}
	defer k.Close()
	v, _, err := k.GetStringValue(runValue)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	exe, err := os.Executable()
	return err == nil && v == `"`+exe+`"`, err
}
