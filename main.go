// Command xiaotongfu is the 小通付 desktop payment assistant. The composition lives in
// backend/desktop; this file only hands it to Wails.
package main

import (
	"context"
	_ "embed"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/desktop/variant"
	"xiaotongfu/backend/desktop/windowmode"
	"xiaotongfu/backend/support"
)

// wailsJSON is the project file; its info.productVersion is the version 设置 → 关于 shows.
//
//go:embed wails.json
var wailsJSON []byte

func main() {
	if variant.GeneratingBindings {
		run(&options.App{Title: "小通付", Bind: desktop.Bindings()})
		return
	}
	sh, err := desktop.Open(context.Background())
	if err != nil { // no window yet: a native error box on Windows, stderr elsewhere
		desktop.ReportStartupFailure(err)
		os.Exit(1)
	}
	sh.Version, err = support.VersionOf(wailsJSON)
	if err != nil {
		sh.Log.Error("version", "err", err)
	}
	sh.ApplyAutostart()
	sh.UseHotkeys(variant.HotkeyBackend())
	app := NewApp(sh)
	sh.Trace.Mark(desktop.StepWailsRun)
	run(&options.App{
		Title:              "小通付",
		Width:              windowmode.MainWidth,
		Height:             windowmode.MainHeight,
		MinWidth:           windowmode.MainMinWidth,
		MinHeight:          windowmode.MainMinHeight,
		Frameless:          true, // the UI draws the top bar (draggable), minimise and close
		StartHidden:        true,
		AssetServer:        &assetserver.Options{Assets: assets},
		BackgroundColour:   &options.RGBA{R: 245, G: 247, B: 250, A: 1},
		OnStartup:          app.startup,
		OnDomReady:         app.domReady,
		OnBeforeClose:      app.beforeClose,
		OnShutdown:         app.shutdown,
		Bind:               sh.Bind(),
		ErrorFormatter:     sh.FormatError,
		Windows:            desktop.WindowsOptions(),
		SingleInstanceLock: &options.SingleInstanceLock{UniqueId: sh.InstanceID(), OnSecondInstanceLaunch: app.secondInstance},
	})
}

// run starts Wails and exits non-zero when it fails (e.g. no WebView2), telling the user the
// same way as a start-up failure.
func run(opts *options.App) {
	if err := wails.Run(opts); err != nil {
		desktop.ReportStartupFailure(err)
		os.Exit(1)
	}
}
