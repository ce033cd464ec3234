package desktop

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"os"
	"time"

	"xiaotongfu/backend/aftertrade"
	"xiaotongfu/backend/desktop/wailsrt"
	"xiaotongfu/backend/desktop/windowmode"
	"xiaotongfu/backend/devices/tray"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/services"
	"xiaotongfu/backend/store"
)

// Shell is the composed desktop app: data folder, config, log, platform and the services
// Wails binds. Build it with Open before wails.Run; Start and Stop follow the window.
type Shell struct {
	Dir     string
	Version string // info.productVersion of wails.json (main sets it)
	Config  *ConfigFile
	Log     *slog.Logger
	Backend *Backend
	Emitter *wailsrt.Emitter
	Core    *services.Core
	// Modes switches the window between main, quick pay and the floating bubble.
	Modes *windowmode.Controller
	// AfterTrade is told every trade result; the window and the devices subscribe to it.
	AfterTrade *aftertrade.Hook
	Trace      *StartupTrace // where the start-up spends its time (logged at the first paint)

	Session   *services.SessionService
	Pay       *services.PayService
	Trade     *services.TradeService
	Handover  *services.HandoverService
	Cashier   *services.CashierService
	Notice    *services.NoticeService
	Reconcile *services.ReconcileService
	Settings  *services.SettingsService
	Device    *services.DeviceService
	Window    *services.WindowService
	System    *services.SystemService
	Pos       *services.PosService // the cashier software's API (设置 → 截屏区域配置)

	tray    *tray.Tray // nil until StartWindow
	logFile io.Closer
}

// Open reads the config from the data folder (store.DataDir: $XTF_DATA_DIR or the user
// config folder), opens the log and the platform, and builds the services. A problem after
// the log is open does not fail Open: the shell runs with services that report it, so the
// window can show it. The error, a *StartupError, is only for a data folder or log that
// cannot be opened (main shows it with ReportStartupFailure).
func Open(ctx context.Context) (*Shell, error) {
	trace := NewStartupTrace()
	trace.Mark(StepMain)
	dir, err := store.DataDir()
	if err != nil {
		path, _ := store.DataDirPath()
		return nil, &StartupError{Dir: path, Err: err}
	}
	log, logFile, err := OpenLog(dir, os.Getenv("XTF_LOG_STDERR") != "")
	if err != nil {
		return nil, &StartupError{Dir: dir, Err: err}
	}
	sh := &Shell{Dir: dir, Log: log, logFile: logFile, Emitter: &wailsrt.Emitter{}, Trace: trace}
	log.Info("starting", "dataDir", dir, "pid", os.Getpid())
	opts := services.Options{Emitter: sh.Emitter, Dialog: wailsrt.SaveDialog{}, Log: log, MachineID: MachineID(dir, log)}
	sh.Config, err = LoadConfig(dir)
	if err == nil {
		cfg := sh.Config.Config()
		opts.Prefs = sh.Config
		opts.Mode, opts.Server = cfg.Platform.Mode, cfg.Platform.ServerURL
		sh.Backend, err = OpenBackend(ctx, cfg, Env{Dir: dir, Log: log, Trace: trace})
	}
	if err != nil {
		log.Error("platform did not start", "err", err)
		opts.Problem = err
	} else {
		opts.API, opts.Demo = sh.Backend.API, sh.Backend.Demo
		log.Info("platform ready", "mode", sh.Backend.Mode, "demo", sh.Backend.Demo.Enabled(), "sim", sh.Backend.SimURL)
	}
	sh.bindServices(opts)
	trace.Mark(StepShell)
	return sh, nil
}

// Bindings returns zero-value services for `wails generate module` (only their types matter).
func Bindings() []any {
	sh := &Shell{}
	sh.bindServices(services.Options{})
	return sh.Bind()
}

// bindServices composes the window modes, the after-trade hook and the bound services from
// opts: the window hears of a trade before the devices do.
func (sh *Shell) bindServices(opts services.Options) {
	opts.Slot, opts.AfterTrade = &services.PaySlot{}, &aftertrade.Hook{}
	sh.Modes = windowmode.New(windowmode.Options{Emitter: opts.Emitter, Log: opts.Log, Paying: opts.Slot.Paying})
	opts.AfterTrade.Subscribe(sh.Modes.TradeReported)
	opts.Window, sh.AfterTrade = sh.Modes, opts.AfterTrade
	c := services.NewCore(opts)
	sh.Core = c
	sh.Session = services.NewSessionService(c)
	sh.Pay = services.NewPayService(c)
	sh.Trade = services.NewTradeService(c)
	sh.Handover = services.NewHandoverService(c)
	sh.Modes.SetQuitAsk(sh.Handover.ShouldAsk)
	sh.Cashier = services.NewCashierService(c)
	sh.Notice = services.NewNoticeService(c)
	sh.Reconcile = services.NewReconcileService(c)
	sh.Settings = services.NewSettingsService(c)
	sh.Device = services.NewDeviceService(c, services.DeviceOptions{Modes: sh.Modes})
	sh.Window = services.NewWindowService(sh.Modes)
	sh.System = services.NewSystemService(c, supportSource{sh}, sh.Device)
	sh.Pos = services.NewPosService(c, sh.Pay, sh.Trade, services.PosOptions{Dir: sh.Dir})
}

// Bind lists the structs whose methods the UI may call.
func (sh *Shell) Bind() []any {
	return []any{sh.Session, sh.Pay, sh.Trade, sh.Handover, sh.Cashier, sh.Notice, sh.Reconcile, sh.Settings, sh.Device, sh.Window, sh.System, sh.Pos}
}

// InstanceID names this data folder for Wails' single-instance lock: a second start with
// the same folder raises the first window; another folder (another terminal) may run.
func (sh *Shell) InstanceID() string {
	sum := sha256.Sum256([]byte(sh.Dir))
	return "xiaotongfu-" + hex.EncodeToString(sum[:8])
}

// Start hands the Wails runtime context to the emitter and the services, which start their
// devices (e.g. the scanner box).
func (sh *Shell) Start(ctx context.Context) {
	sh.Emitter.Bind(ctx)
	sh.Core.Start(ctx)
}

// drainTimeout bounds how long shutdown waits for a payment request already on its way.
const drainTimeout = 15 * time.Second

// Stop shuts down: it lets a payment request in progress get its first answer saved (the
// platform's sweep resolves it at the next start if it is still pending), then stops the
// platform, closes the devices and the log.
func (sh *Shell) Stop() {
	if sh.Core != nil && !sh.Core.Drain(drainTimeout) {
		sh.Log.Warn("shutdown: a payment request was still open; it is resumed at the next start")
	}
	if sh.Core != nil {
		sh.Core.Stop()
	}
	if sh.Backend != nil {
		sh.Backend.Close()
	}
	sh.Log.Info("stopped")
	if sh.logFile != nil {
		_ = sh.logFile.Close()
	}
}

// FormatError is Wails' ErrorFormatter: every error reaches the UI as a domain.Error
// {code, message, field, params}. Unexpected errors are logged and shown generically.
func (sh *Shell) FormatError(err error) any {
	e := domain.AsError(err)
	if e.Code == domain.CodeInternal && sh.Log != nil {
		sh.Log.Error("internal error returned to UI", "err", err)
	}
	return e
}
