package desktop

import (
	"log/slog"

	"xiaotongfu/backend/desktop/windowmode"
	"xiaotongfu/backend/devices/tray"
	"xiaotongfu/backend/events"
)

// startTray shows the tray icon with its menu (显示主界面 / 快捷收款 / 退出) driving w.
func startTray(w *windowmode.Controller, log *slog.Logger) *tray.Tray {
	return tray.Start(tray.Options{Title: "小通付", Tooltip: "小通付 收款助手", Logger: log}, tray.Menu{
		OnShow:     func() { w.ShowMain(events.ReasonUser) },
		OnQuickPay: func() { w.ShowQuickPay(events.ReasonUser, "", 0) },
		OnQuit:     w.QuitOrExplain,
	})
}
