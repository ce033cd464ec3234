// Package services holds the Go structs bound to the Wails UI. They are thin: they parse what
// the cashier typed, call platform.API with this terminal's credentials, and emit events.
// Every rule lives behind platform.API, so embedded and networked deployments behave alike.
// All methods are safe for concurrent use: Wails runs each call on its own goroutine.
package services

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"slices"
	"sync"
	"time"

	"xiaotongfu/backend/aftertrade"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
)

// Platform modes.
const (
	ModeEmbedded = "embedded" // the platform runs in this process on a local database
	ModeRemote   = "remote"   // the platform is an xtfd server
)

// Prefs persists what must survive a restart: the terminal token and the settings.
// The desktop's config file implements it.
type Prefs interface {
	TerminalToken() string
	SetTerminalToken(token string) error
	Settings() Settings
	SaveSettings(s Settings) error
	// Devices returns the saved device settings (printer, box, screen area, hotkeys).
	Devices() DeviceSettings
	// UpdateDevices changes the device settings with change and saves them.
	UpdateDevices(change func(*DeviceSettings)) error
}

// Options build a Core.
type Options struct {
	API     platform.API
	Prefs   Prefs
	Emitter events.Emitter
	Log     *slog.Logger // slog.Default() when nil
	Mode    string       // the running platform mode
	Server  string       // the xtfd URL in remote mode
	Demo    *Demo        // nil when not in demo mode
	// PollEvery and PollFor: how often and how long Pay asks for a payment's outcome
	// (DefaultPollEvery, DefaultPollFor when zero).
	PollEvery, PollFor time.Duration
	// Problem, when set, is why the platform could not be started: State reports it and
	// every other call returns it, so the UI can show it instead of a dead window.
	Problem error
	// Dialog asks where to save exports; without one, exports answer ErrNoWindow.
	Dialog SaveDialog
	// AfterTrade is told every trade result the services report (a new hook when nil); the
	// devices' receipt and voice subscribe to it.
	AfterTrade *aftertrade.Hook
	// Slot is the terminal's payment slot, shared with the window modes (a new one when nil).
	Slot *PaySlot
	// Window is the window modes (windowmode.Controller); nil for services without a window.
	Window WindowModes
	// MachineID names this PC (and data folder) to the platform at initialisation, so the
	// same PC initialised again keeps its terminal (desktop.MachineID); "" when unknown.
	MachineID string
}

// Core is what every service shares: the platform, this terminal's credentials (the
// terminal token from Prefs, the session token in memory) and the event emitter.
type Core struct {
	api     platform.API
	prefs   Prefs
	emit    events.Emitter
	log     *slog.Logger
	mode    string
	server  string
	demo    *Demo
	broken  *domain.Error
	window  WindowModes
	slot    *PaySlot
	machine string
	after   *aftertrade.Hook

	pollEvery, pollFor time.Duration

	dialog SaveDialog
	jobs   jobs // the running file job (export, picture, diagnostics), for CancelExport

	mu       sync.Mutex
	ctx      context.Context
	session  string
	terminal *platform.TerminalInfo
	started  bool
	starts   []func(ctx context.Context) // run by Start (at once when already started)
	stops    []func()                    // run by Stop, last registered first
}

// NewCore builds the shared state from opts.
func NewCore(opts Options) *Core {
	c := &Core{api: opts.API, prefs: opts.Prefs, emit: opts.Emitter, log: opts.Log,
		mode: opts.Mode, server: opts.Server, demo: opts.Demo, machine: opts.MachineID, ctx: context.Background(),
		pollEvery: max(cmp.Or(opts.PollEvery, DefaultPollEvery), minPollEvery), pollFor: cmp.Or(opts.PollFor, DefaultPollFor)}
	if opts.Problem != nil || opts.API == nil {
		c.broken = domain.Errorf(domain.CodeUnavailable, "小通付未能启动：%v", cmp.Or(opts.Problem, errors.New("没有平台")))
	}
	if c.log == nil {
		c.log = slog.Default()
	}
	if c.prefs == nil {
		c.prefs = &MemPrefs{}
	}
	if c.emit == nil {
		c.emit = &events.Recorder{}
	}
	c.dialog = opts.Dialog
	if c.dialog == nil {
		c.dialog = noDialog{}
	}
	c.after = opts.AfterTrade
	if c.after == nil {
		c.after = &aftertrade.Hook{}
	}
	c.slot = cmp.Or(opts.Slot, &PaySlot{})
	c.window = opts.Window
	if c.window == nil {
		c.window = noWindow{}
	}
	return c
}

// Start gives the services the app's context (it is cancelled at shutdown) and starts the
// background work they registered (e.g. reading the scanner box).
func (c *Core) Start(ctx context.Context) {
	c.mu.Lock()
	c.ctx, c.started = ctx, true
	starts := slices.Clone(c.starts)
	c.mu.Unlock()
	for _, fn := range starts {
		fn(ctx)
	}
}

// Stop ends the background work the services started (call it after Drain).
func (c *Core) Stop() {
	c.mu.Lock()
	stops := slices.Clone(c.stops)
	c.mu.Unlock()
	for i := len(stops) - 1; i >= 0; i-- {
		stops[i]()
	}
}

// onLifecycle registers a service's background work: start runs at Start (at once when the
// core has already started), stop at Stop. Either may be nil.
func (c *Core) onLifecycle(start func(ctx context.Context), stop func()) {
	c.mu.Lock()
	if start != nil {
		c.starts = append(c.starts, start)
	}
	if stop != nil {
		c.stops = append(c.stops, stop)
	}
	started, ctx := c.started, c.ctx
	c.mu.Unlock()
	if start != nil && started {
		start(ctx)
	}
}

// AfterTrade returns the hook told every trade result the services report: the payment Pay
// reports with pay:result, and every void or refund TradeService returns.
func (c *Core) AfterTrade() *aftertrade.Hook { return c.after }

// payReported tells everyone about a payment as it stands when Pay's wait ends: the UI
// (pay:result) and the after-trade hook (the window's detected amount, the receipt, the voice), so
// device work follows a payment without PayService knowing about devices.
func (c *Core) payReported(t *platform.Trade) {
	c.emit.Emit(events.PayResult, t)
	c.after.Report(*t)
}

// Drain waits up to timeout for platform Pay calls in progress (see PaySlot.Drain).
func (c *Core) Drain(timeout time.Duration) bool { return c.slot.Drain(timeout) }

// Paying reports whether a payment is in progress.
func (c *Core) Paying() bool { return c.slot.Paying() }

// Window returns the window modes the services switch (a no-op one when built without).
func (c *Core) Window() WindowModes { return c.window }

// PollEvery is how often Pay asks for a payment's outcome.
func (c *Core) PollEvery() time.Duration { return c.pollEvery }

// context returns the app's context.
func (c *Core) context() context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ctx
}

// creds returns this terminal's credentials.
func (c *Core) creds() platform.Creds {
	c.mu.Lock()
	defer c.mu.Unlock()
	return platform.Creds{TerminalToken: c.prefs.TerminalToken(), SessionToken: c.session}
}

// setSession keeps (or, with "", drops) the logged-in cashier's session token.
func (c *Core) setSession(token string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.session = token
}

// setTerminal caches what the platform said about this terminal (nil forgets it).
func (c *Core) setTerminal(t *platform.TerminalInfo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t != nil {
		cp := *t
		cp.Token = ""
		t = &cp
	}
	c.terminal = t
}

// terminalInfo returns the cached terminal, asking the platform when nothing is cached.
func (c *Core) terminalInfo() (*platform.TerminalInfo, error) {
	c.mu.Lock()
	t := c.terminal
	c.mu.Unlock()
	if t != nil {
		return t, nil
	}
	t, err := call(c, func(ctx context.Context, api platform.API, creds platform.Creds) (*platform.TerminalInfo, error) {
		return api.Terminal(ctx, creds)
	})
	if err != nil {
		return nil, err
	}
	c.setTerminal(t)
	return t, nil
}

// call runs f against the platform with the app's context and this terminal's credentials.
// It returns the start-up problem instead when there is no platform, and forgets the session
// when the platform says it is no longer valid.
func call[T any](c *Core, f func(ctx context.Context, api platform.API, creds platform.Creds) (T, error)) (T, error) {
	if c.broken != nil {
		var zero T
		return zero, c.broken
	}
	v, err := f(c.context(), c.api, c.creds())
	return v, c.dropOnUnauthenticated(err)
}

// callErr is call for platform methods that return only an error.
func callErr(c *Core, f func(ctx context.Context, api platform.API, creds platform.Creds) error) error {
	_, err := call(c, func(ctx context.Context, api platform.API, creds platform.Creds) (struct{}, error) {
		return struct{}{}, f(ctx, api, creds)
	})
	return err
}

// dropOnUnauthenticated forgets the session when the platform says it is no longer valid,
// so the next State() sends the UI to the login screen. It returns err unchanged.
func (c *Core) dropOnUnauthenticated(err error) error {
	if domain.CodeOf(err) == domain.CodeUnauthenticated {
		c.setSession("")
	}
	return err
}

// MemPrefs keeps the preferences in memory only (tests, and a shell whose config file could
// not be read).
type MemPrefs struct {
	mu       sync.Mutex
	token    string
	settings Settings
	devices  DeviceSettings
}

// TerminalToken returns the token.
func (m *MemPrefs) TerminalToken() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.token
}

// SetTerminalToken sets the token.
func (m *MemPrefs) SetTerminalToken(token string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.token = token
	return nil
}

// Settings returns the settings.
func (m *MemPrefs) Settings() Settings {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.settings
}

// SaveSettings sets the settings.
func (m *MemPrefs) SaveSettings(s Settings) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.settings = s
	return nil
}

// Devices returns the device settings.
func (m *MemPrefs) Devices() DeviceSettings {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.devices
}

// UpdateDevices changes the device settings.
func (m *MemPrefs) UpdateDevices(change func(*DeviceSettings)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	change(&m.devices)
	return nil
}
