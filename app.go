package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/desktop/wailsrt"
	"xiaotongfu/backend/events"
)

// App owns the window lifecycle: start-up, dom-ready show, close to tray, second instance,
// shutdown. The window modes themselves live in windowmode.Controller.
type App struct {
	ctx     context.Context
	sh      *desktop.Shell
	signals chan os.Signal
}

// NewApp creates the window lifecycle owner for the composed shell. It subscribes to the
// quit signals at once: subscribing after GTK and WebKit have set up their own signal
// handlers crashed the app (a SIGSEGV on a handler without SA_ONSTACK).
func NewApp(sh *desktop.Shell) *App {
	a := &App{sh: sh, signals: make(chan os.Signal, 1)}
	signal.Notify(a.signals, os.Interrupt, syscall.SIGTERM)
	return a
}

// startup connects the window modes and the tray to the runtime, then starts the services
// (devices, amount watcher, hotkeys). The page's first paint completes the start-up trace.
func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	a.sh.Trace.Mark(desktop.StepWailsStart)
	wailsrt.Once(ctx, desktop.PaintedEvent, func(data ...any) { a.sh.Painted(ctx, data...) })
	a.sh.StartWindow(ctx)
	a.sh.Start(ctx)
	go a.quitOnSignal(ctx)
}

// quitOnSignal quits on Ctrl+C or SIGTERM (signals from NewApp). Wails turns a signal into a
// close request, which beforeClose would otherwise turn into hiding the window.
func (a *App) quitOnSignal(ctx context.Context) {
	select {
	case <-a.signals:
		a.sh.Modes.QuitOnSignal(300 * time.Millisecond)
	case <-ctx.Done():
	}
}

// domReady shows the window once the page is painted (it starts hidden: no white flash).
func (a *App) domReady(ctx context.Context) {
	a.sh.Trace.Mark(desktop.StepDomReady)
	wailsrt.NewWindow(ctx).Show()
}

// beforeClose turns a close (the UI's close button, Alt+F4, the taskbar) into hiding to the
// tray, or minimising when there is no tray; only Quit (WindowService.Quit, the tray's 退出)
// lets the app end, and it is refused while a payment is in flight.
func (a *App) beforeClose(context.Context) bool {
	return a.sh.BeforeClose()
}

// secondInstance brings back the main window when the app is started again on the same data folder.
func (a *App) secondInstance(options.SecondInstanceData) {
	if a.ctx == nil {
		return
	}
	a.sh.Modes.ShowMain(events.ReasonUser)
}

// shutdown removes the tray icon and runs the normal stop (payments drained, devices,
// watcher and hotkeys closed, platform stopped) after the window is gone.
func (a *App) shutdown(context.Context) {
	a.sh.StopWindow()
	a.sh.Stop()
}
