//go:build !windows

package tray

import (
	"fmt"
	"log"

	"fyne.io/systray"
	"github.com/godbus/dbus/v5"
)

const watcherName = "org.kde.StatusNotifierWatcher"

// start uses the library's external-loop mode: on Linux start only talks D-Bus, so it runs on
// a background goroutine and never holds up the app, even without a session bus.
func (t *Tray) start(o Options) {
	begin, end := systray.RunWithExternalLoop(func() { t.onReady(o) }, nil)
	started := make(chan struct{})
	t.stopFn = func() {
		<-started
		defer func() { // the library closes a nil connection when D-Bus was never reached
			if r := recover(); r != nil {
				t.log.Warn("系统托盘: 关闭时出错", "err", fmt.Sprint(r))
			}
		}()
		end()
	}
	go func() {
		defer close(started)
		begin()
		ok, why := watcherPresent()
		t.setAvailable(ok)
		if !ok {
			t.log.Warn("系统托盘不可用，托盘图标不会显示", "reason", why)
			log.Printf("tray: no tray host (%s); the app carries on without a tray icon", why)
		}
	}()
}

func (t *Tray) stop() { t.stopFn() }

// watcherPresent asks the session bus whether a tray host (StatusNotifierWatcher) is running.
func watcherPresent() (bool, string) {
	conn, err := dbus.SessionBus()
	if err != nil {
		return false, "无法连接 D-Bus 会话总线: " + err.Error()
	}
	var has bool
	if err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, watcherName).Store(&has); err != nil {
		return false, "查询 " + watcherName + " 失败: " + err.Error()
	}
	if !has {
		return false, "没有 " + watcherName + "（桌面没有托盘宿主，GNOME 需安装 AppIndicator 扩展）"
	}
	return true, ""
}
