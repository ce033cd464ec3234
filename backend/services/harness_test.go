package services_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"xiaotongfu/backend/aftertrade"
	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/desktop/windowmode"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

// harness is one desktop terminal against a real embedded platform: SQLite in a temp dir and
// the simulator on loopback, wired exactly as the app does (desktop.OpenBackend).
type harness struct {
	t       testing.TB
	dir     string
	backend *desktop.Backend
	rec     *events.Recorder
	core    *services.Core
	win     *windowmode.Controller // the window modes, on the harness's window clock
	session *services.SessionService
	pay     *services.PayService
	trades  *services.TradeService
	cashier *services.CashierService
	notices *services.NoticeService
	setting *services.SettingsService

	mu     sync.Mutex
	skew   time.Duration    // added to the platform's clock
	winNow func() time.Time // the window's clock (time.Now when nil)
}

// windowNow is the window modes' clock (setWindowClock changes it).
func (h *harness) windowNow() time.Time {
	h.mu.Lock()
	now := h.winNow
	h.mu.Unlock()
	if now == nil {
		return time.Now()
	}
	return now()
}

// setWindowClock replaces the window's clock (tests of how long a detected amount is offered).
func (h *harness) setWindowClock(now func() time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.winNow = now
}

// now is the platform's clock: real time plus the skew.
func (h *harness) now() time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return time.Now().Add(h.skew)
}

// advance moves the platform's clock forward by d, e.g. past the SMS resend wait.
func (h *harness) advance(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.skew += d
}

// fastPoll makes processing payments resolve in well under a second.
var fastPoll = desktop.PollConfig{FirstMs: 100, EveryMs: 100, WindowMs: 2000, SweepMs: 500}

// newHarness starts a platform with its own data folder and a terminal using it.
func newHarness(t testing.TB) *harness {
	t.Helper()
	return newHarnessPolling(t, fastPoll)
}

// newHarnessPolling is newHarness with the platform querying the bank on poll.
func newHarnessPolling(t testing.TB, poll desktop.PollConfig) *harness {
	t.Helper()
	dir := t.TempDir()
	log, logFile, err := desktop.OpenLog(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logFile.Close() })
	cfg := desktop.Config{Platform: desktop.PlatformConfig{Mode: services.ModeEmbedded}, Poll: poll}
	h := &harness{t: t, dir: dir, rec: &events.Recorder{}}
	b, err := desktop.OpenBackend(context.Background(), cfg, desktop.Env{Dir: dir, Log: log, Now: h.now})
	if err != nil {
		t.Fatalf("OpenBackend: %v", err)
	}
	t.Cleanup(b.Close)
	prefs, err := desktop.LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	h.backend = b
	h.attach(services.Options{API: b.API, Prefs: prefs, Log: log, Mode: b.Mode, Demo: b.Demo,
		PollEvery: 100 * time.Millisecond, PollFor: 10 * time.Second, MachineID: desktop.MachineID(dir, log)})
	return h
}

// attach builds the services around a new core made from opts (plus the recorder), composed
// with the window modes and the after-trade hook as the desktop does (desktop.Shell).
func (h *harness) attach(opts services.Options) {
	opts.Emitter = h.rec
	opts.Slot, opts.AfterTrade = &services.PaySlot{}, &aftertrade.Hook{}
	h.win = windowmode.New(windowmode.Options{Emitter: h.rec, Log: opts.Log, Paying: opts.Slot.Paying, Now: h.windowNow})
	opts.AfterTrade.Subscribe(h.win.TradeReported)
	opts.Window = h.win
	h.core = services.NewCore(opts)
	h.session = services.NewSessionService(h.core)
	h.pay = services.NewPayService(h.core)
	h.trades = services.NewTradeService(h.core)
	h.cashier = services.NewCashierService(h.core)
	h.notices = services.NewNoticeService(h.core)
	h.setting = services.NewSettingsService(h.core)
}

// initialise runs manual §1 with the demo merchant: SMS code from the demo feed, first store.
func (h *harness) initialise() *platform.TerminalInfo {
	h.t.Helper()
	if _, err := h.session.RequestInitCode(platform.DemoMerchantNo); err != nil {
		h.t.Fatalf("RequestInitCode: %v", err)
	}
	demo, _ := h.session.Demo()
	if len(demo.LastSms) != 6 {
		h.t.Fatalf("demo feed has no SMS code: %+v", demo)
	}
	g, err := h.session.VerifyInitCode(platform.DemoMerchantNo, demo.LastSms)
	if err != nil {
		h.t.Fatalf("VerifyInitCode: %v", err)
	}
	if len(g.Stores) == 0 {
		h.t.Fatal("demo merchant has no stores")
	}
	term, err := h.session.CompleteInit(g.Token, g.Stores[0].ID)
	if err != nil {
		h.t.Fatalf("CompleteInit: %v", err)
	}
	return term
}

// ownerPassword is what loginAdmin changes admin 01's initial password to.
const ownerPassword = "Owner2026x"

// loginAdmin initialises the terminal, logs in as admin 01 with the initial password and
// changes it to ownerPassword, as the platform requires before anything else.
func (h *harness) loginAdmin() {
	h.t.Helper()
	h.initialise()
	h.changeInitial()
}

// changeInitial logs admin 01 in with the initial password and changes it to ownerPassword.
func (h *harness) changeInitial() {
	h.t.Helper()
	if _, err := h.session.Login(domain.AdminAccount, domain.InitialPassword); err != nil {
		h.t.Fatalf("Login: %v", err)
	}
	if err := h.session.ChangePassword(domain.InitialPassword, ownerPassword, ownerPassword); err != nil {
		h.t.Fatalf("ChangePassword: %v", err)
	}
}

// simTrades reads the simulator's ledger over HTTP, as the e2e tests do.
func (h *harness) simTrades() []map[string]any {
	h.t.Helper()
	return simLedger(h.t, h.backend.SimURL)
}

// simLedger reads the ledger of the simulator at root, failing t when it cannot.
func simLedger(t testing.TB, root string) []map[string]any {
	t.Helper()
	resp, err := http.Get(root + "/_sim/trades")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out []map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode /_sim/trades: %v", err)
	}
	return out
}

// logText returns the whole log file.
func (h *harness) logText() string {
	b, err := os.ReadFile(filepath.Join(h.dir, desktop.LogName))
	if err != nil {
		h.t.Fatal(err)
	}
	return string(b)
}

// codeOf asserts err is a domain error with the given code.
func codeOf(t *testing.T, err error, want domain.Code) *domain.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %s", want)
	}
	e := domain.AsError(err)
	if e.Code != want {
		t.Fatalf("error = %v, want code %s", err, want)
	}
	return e
}

// wechat returns WeChat test code number n with the simulator outcome suffix (00 success).
func wechat(n int, suffix string) string { return fmt.Sprintf("13%014d%s", n, suffix) }
