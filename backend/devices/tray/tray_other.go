//go:build !windows

package tray

import (
	"fmt"
	"log"
	"os"

	"fyne.io/systray"
	"github.com/godbus/dbus/v5"
)

const watcherName = "org.kde.StatusNotifierWatcher"

// start uses the library's external-loop mode: on Linux start only talks D-Bus, so it runs on
// a background goroutine and never holds up the app, even without a session bus.
func (t *Tray) start(o Options) {
	begin, end := systray.RunWithExternalLoop(func() { t.onReady(o) }, nil)
	started := make(chan struct{})
	var exported bool // written before started is closed, read after
	t.stopFn = func() {
		<-started
		if exported {
			end()
			return
		}
		// The library's end() closes its D-Bus connection without a nil check: when it never
		// connected that is a nil dereference, which WebKit's SIGSEGV handler makes fatal.
		// Quit alone releases what the library holds.
		systray.Quit()
	}
	go func() {
		defer close(started)
		begin()
		exported = itemExported()
		ok, why := watcherPresent()
		t.setAvailable(ok)
		if !ok {
			t.log.Warn("系统托盘不可用，托盘图标不会显示", "reason", why)
			log.Printf("tray: no tray host (%s); the app carries on without a tray icon", why)
		}
	}()
}

func (t *Tray) stop() { t.stopFn() }

// itemName is the bus name the library claims for this process's icon once its connection is
// set up (systray_unix.go nativeStart: the name is requested right before the connection is
// kept; only exports that cannot fail on a live connection come between).
func itemName() string { return fmt.Sprintf("org.kde.StatusNotifierItem-%d-1", os.Getpid()) }

// itemExported reports whether the library reached D-Bus and published the icon, i.e. whether
// its end() has a connection to close. The library shares dbus.SessionBus with this package.
func itemExported() bool {
	conn, err := dbus.SessionBus()
	if err != nil {
		return false
	}
	var owner string
	if err := conn.BusObject().Call("org.freedesktop.DBus.GetNameOwner", 0, itemName()).Store(&owner); err != nil {
		return false
	}
	return owner == conn.Names()[0]
}

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
