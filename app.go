package main

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"xiaotongfu/backend/desktop"
)

// App owns the window lifecycle: start-up, dom-ready show, close, second instance, shutdown.
// Close-to-tray and the quick-pay / floating window modes come later.
type App struct {
	ctx context.Context
	sh  *desktop.Shell
}

// NewApp creates the window lifecycle owner for the composed shell.
func NewApp(sh *desktop.Shell) *App { return &App{sh: sh} }

// startup hands the Wails context to the shell.
func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	a.sh.Start(ctx)
}

// domReady shows the window once the page is painted (it starts hidden: no white flash).
func (a *App) domReady(ctx context.Context) {
	runtime.WindowShow(ctx)
}

// beforeClose lets the window close. A payment in progress is not lost: shutdown waits
// for its request to be answered and saved, and the platform resumes anything still
// pending at the next start.
func (a *App) beforeClose(ctx context.Context) bool {
	if a.sh.Core.Paying() {
		a.sh.Log.Info("window closed during a payment; it completes in the platform")
	}
	return false
}

// secondInstance raises this window when the app is started again on the same data folder.
func (a *App) secondInstance(options.SecondInstanceData) {
	if a.ctx == nil {
		return
	}
	runtime.WindowUnminimise(a.ctx)
	runtime.WindowShow(a.ctx)
}

// shutdown stops the platform after the window is gone.
func (a *App) shutdown(context.Context) {
	a.sh.Stop()
}
