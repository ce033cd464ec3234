package main

import (
	"context"
)

// App owns the window lifecycle: start-up, dom-ready, close-to-tray, window modes, shutdown.
type App struct {
	ctx context.Context
}

// NewApp creates the window lifecycle owner.
func NewApp() *App { return &App{} }

// startup keeps the Wails context for runtime calls.
func (a *App) startup(ctx context.Context) { a.ctx = ctx }
