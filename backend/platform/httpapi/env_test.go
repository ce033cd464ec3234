package httpapi_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/gateway/sybsim/simtest"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/store"
)

const merchantNo = "990581007426001"
const phone = "13912345678"

// lockedBuffer is a log sink safe for the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// env is the platform on a SQLite file, served by NewServer on a loopback port, with a
// Client pointed at it and the real simulator as the gateway.
type env struct {
	svc    *platform.Service
	db     *gorm.DB
	api    *httpapi.Client
	url    string
	logs   *lockedBuffer
	stores []platform.StoreInfo
	sim    *sybsim.Server

	mu    sync.Mutex
	now   time.Time
	live  time.Time // when set, the clock runs from now at the real pace since live
	codes map[string]string
}

var reCode = regexp.MustCompile(`[0-9]{6}`)

func newEnv(t testing.TB) *env { return newEnvWith(t, envOptions{}) }

// envOptions tune an env: the simulator and its client, the platform's poll schedule (zero:
// the defaults), and whether the platform's clock runs (it stands still unless advanced).
type envOptions struct {
	tune func(sim *sybsim.Config, client *allinpay.Config)
	poll platform.PollSchedule
	live bool
}

func newEnvWith(t testing.TB, o envOptions) *env {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "xtf.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(db) })
	gw, sim, _ := simtest.StartWith(t, "MD5", o.tune)
	e := &env{db: db, logs: &lockedBuffer{}, now: time.Now(), codes: map[string]string{}, sim: sim}
	if o.live {
		e.live = e.now
	}
	log := slog.New(slog.NewTextHandler(e.logs, nil))
	sms := platform.ConsoleSMS{Log: log, OnSend: func(p, text string) {
		e.mu.Lock()
		e.codes[p] = reCode.FindString(text)
		e.mu.Unlock()
	}}
	e.svc, err = platform.New(platform.Options{DB: db, Log: log, SMS: sms, Now: e.clock, Poll: o.poll,
		Gateway: func(*store.Merchant) (gateway.Provider, error) { return gw, nil }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.NewServer(e.svc, log))
	t.Cleanup(srv.Close)
	e.url = srv.URL
	e.api = httpapi.NewClient(srv.URL, srv.Client())
	ctx := context.Background()
	if _, err := e.svc.AddMerchant(ctx, platform.MerchantInput{MerchantNo: merchantNo, Name: "测试商户", Phone: phone}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"一号店", "二号店"} {
		st, err := e.svc.AddStore(ctx, merchantNo, name, "")
		if err != nil {
			t.Fatal(err)
		}
		e.stores = append(e.stores, *st)
	}
	return e
}

func (e *env) clock() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.live.IsZero() {
		return e.now.Add(time.Since(e.live))
	}
	return e.now
}

func (e *env) advance(d time.Duration) {
	e.mu.Lock()
	e.now = e.now.Add(d)
	e.mu.Unlock()
}

func (e *env) code() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.codes[phone]
}

// initTerminal initialises a terminal over HTTP into the first store.
func (e *env) initTerminal(t testing.TB) string {
	t.Helper()
	return e.initMachine(t, "").Token
}

// initMachine initialises the PC named machineID over HTTP into the first store.
func (e *env) initMachine(t testing.TB, machineID string) *platform.TerminalInfo {
	t.Helper()
	ctx := context.Background()
	e.advance(platform.SMSResend + time.Second)
	if _, err := e.api.RequestInitCode(ctx, merchantNo); err != nil {
		t.Fatal(err)
	}
	g, err := e.api.VerifyInitCode(ctx, merchantNo, e.code())
	if err != nil {
		t.Fatal(err)
	}
	info, err := e.api.CompleteInit(ctx, g.Token, e.stores[0].ID, machineID)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// ownerPassword is what tests change admin 01's initial password to.
const ownerPassword = "Owner2026x"

// admin logs admin 01 in on term with the initial password (fresh from initialisation) and
// changes it to ownerPassword, as the server requires before anything else.
func (e *env) admin(t testing.TB, term string) platform.Creds {
	t.Helper()
	a := e.login(t, term, domain.AdminAccount, domain.InitialPassword)
	if err := e.api.ChangePassword(context.Background(), a, domain.InitialPassword, ownerPassword); err != nil {
		t.Fatalf("change the initial password: %v", err)
	}
	return a
}

func (e *env) login(t testing.TB, term, account, password string) platform.Creds {
	t.Helper()
	s, err := e.api.Login(context.Background(), term, account, password)
	if err != nil {
		t.Fatalf("login %s: %v", account, err)
	}
	return platform.Creds{TerminalToken: term, SessionToken: s.Token}
}

// adminAndCashier initialises two terminals into the first store, logs the admin in on the
// first, adds cashier 02 (password abc12345, 小李) and logs them in on the second. It returns
// the first terminal's token and both credentials.
func (e *env) adminAndCashier(t testing.TB) (termA string, admin, cashier platform.Creds) {
	t.Helper()
	termA, termB := e.initTerminal(t), e.initTerminal(t)
	admin = e.admin(t, termA)
	if _, err := e.api.AddCashier(context.Background(), admin, platform.CashierInput{Account: "02", Password: "abc12345", Name: "小李"}); err != nil {
		t.Fatal(err)
	}
	return termA, admin, e.login(t, termB, "02", "abc12345")
}

// wantCode fails unless err is a *domain.Error with code.
func wantCode(t *testing.T, err error, code domain.Code) *domain.Error {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != code || de.Message == "" {
		t.Fatalf("error = %#v; want *domain.Error with code %s", err, code)
	}
	return de
}

// post sends a raw request and returns the status and decoded error code.
func post(t *testing.T, url, body string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewBufferString(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp, b.String()
}
