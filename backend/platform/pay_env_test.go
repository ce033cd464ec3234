package platform

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/store"
)

// testPoll is a poll schedule in milliseconds for tests.
var testPoll = PollSchedule{First: 20 * time.Millisecond, Every: 20 * time.Millisecond,
	Window: 400 * time.Millisecond, Sweep: 50 * time.Millisecond, MaxCheck: time.Hour, Lease: 300 * time.Millisecond}

// payEnv is a platform on a real SQLite file talking over loopback HTTP to the real simulator.
type payEnv struct {
	t        testing.TB
	db       *gorm.DB
	dbPath   string
	svc      *Service
	sim      *sybsim.Server
	gw       gateway.Provider
	cc       allinpay.Config // the client configuration of gw
	url      string          // simulator root URL
	logs     *syncBuffer
	merchant store.Merchant
	store    store.Store
	hook     atomic.Pointer[func(w http.ResponseWriter, r *http.Request) bool]
	seq      atomic.Int64
	offset   atomic.Int64 // added to the services' clock (the Now hook), in nanoseconds
}

// syncBuffer collects log output from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newPayEnv starts the simulator (MD5 keys unless signType says otherwise) behind a hookable
// handler, opens a fresh SQLite file, seeds a merchant with a store, and builds a Service.
func newPayEnv(t testing.TB, signType string, poll PollSchedule) *payEnv {
	t.Helper()
	kind := "sqlite"
	if os.Getenv(PGDSNEnv) != "" {
		kind = "postgres"
	}
	return newPayEnvOn(t, kind, signType, poll)
}

// newPayEnvOn is newPayEnv on a database of the given kind (sqlite or postgres).
func newPayEnvOn(t testing.TB, kind, signType string, poll PollSchedule) *payEnv {
	t.Helper()
	e := &payEnv{t: t, logs: &syncBuffer{}}
	sc, cc, err := sybsim.PairConfig(signType)
	if err != nil {
		t.Fatal(err)
	}
	sc.SlowDelay = 600 * time.Millisecond
	cc.Timeout = 300 * time.Millisecond
	if e.sim, err = sybsim.New(sc); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := e.hook.Load(); h != nil && (*h)(w, r) {
			return
		}
		e.sim.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	e.url = srv.URL
	cc.BaseURL = srv.URL + "/apiweb"
	e.cc = cc
	if e.gw, err = allinpay.New(cc); err != nil {
		t.Fatal(err)
	}
	e.dbPath = testDSN(t, kind)
	if e.db, err = store.Open(e.dbPath); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(e.db) })
	e.merchant = store.Merchant{MerchantNo: sybsim.DemoCusID, Name: "演示商户", Phone: "13800000000"}
	must(t, e.db.Create(&e.merchant).Error)
	e.store = store.Store{MerchantID: e.merchant.ID, Name: "一号店"}
	must(t, e.db.Create(&e.store).Error)
	e.svc = e.newService(e.db, poll)
	return e
}

// newService builds another Service on db with the env's gateway (a second server).
func (e *payEnv) newService(db *gorm.DB, poll PollSchedule) *Service {
	return e.newSkewedService(db, poll, 0)
}

// newSkewedService is newService on a server whose own clock is off by skew. The env's offset
// moves both that clock and the database's, as time passing would.
func (e *payEnv) newSkewedService(db *gorm.DB, poll PollSchedule, skew time.Duration) *Service {
	log := slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	svc, err := New(Options{DB: db, Poll: poll, Log: log,
		Now: func() time.Time { return time.Now().Add(skew + time.Duration(e.offset.Load())) },
		DBClock: func(ctx context.Context) (time.Time, error) {
			now, err := store.Now(ctx, db)
			return now.Add(time.Duration(e.offset.Load())), err
		},
		Gateway: func(*store.Merchant) (gateway.Provider, error) { return e.gw, nil }})
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(svc.Stop)
	return svc
}

// setHook intercepts simulator requests: h returns true when it answered itself.
func (e *payEnv) setHook(h func(w http.ResponseWriter, r *http.Request) bool) {
	if h == nil {
		e.hook.Store(nil)
		return
	}
	e.hook.Store(&h)
}

// login creates a terminal in st, a cashier (or admin) bound to it and a session.
func (e *payEnv) login(st store.Store, role domain.Role, password string) Creds {
	e.t.Helper()
	n := e.seq.Add(1)
	termTok, termHash, err := newToken()
	must(e.t, err)
	term := store.Terminal{MerchantID: st.MerchantID, StoreID: st.ID, TermNo: fmt.Sprintf("%08d", n),
		TokenHash: termHash}
	must(e.t, e.db.Create(&term).Error)
	account := fmt.Sprintf("%02d", n+1)
	if role == domain.RoleAdmin {
		account = fmt.Sprintf("a%d", n)
	}
	hash, err := hashPassword(password)
	must(e.t, err)
	c := store.Cashier{MerchantID: st.MerchantID, Account: account, Role: string(role), PasswordHash: hash,
		BoundTerminalID: &term.ID}
	must(e.t, e.db.Create(&c).Error)
	sessTok, sessHash, err := newToken()
	must(e.t, err)
	must(e.t, e.db.Create(&store.Session{TokenHash: sessHash, CashierID: c.ID, TerminalID: term.ID,
		ExpiresAt: time.Now().Add(time.Hour)}).Error)
	return Creds{TerminalToken: termTok, SessionToken: sessTok}
}

// code returns a fresh WeChat payment code whose last two digits choose the simulator outcome.
func (e *payEnv) code(outcome int) string {
	return fmt.Sprintf("13%08d%06d%02d", time.Now().UnixNano()%100_000_000, e.seq.Add(1), outcome)
}

// waitSettled polls GetTrade until the trade is final or unknown, as the desktop does.
func (e *payEnv) waitSettled(c Creds, id uint) *Trade {
	e.t.Helper()
	return e.waitTrade(c, id, "final or unknown", func(tr *Trade) bool {
		st := domain.TradeStatus(tr.Status)
		return st.Final() || st == domain.StatusUnknown
	})
}

// bankTrade returns the simulator's record of reqsn.
func (e *payEnv) bankTrade(reqsn string) (sybsim.Trade, bool) {
	for _, bt := range e.sim.Trades() {
		if bt.ReqSN == reqsn {
			return bt, true
		}
	}
	return sybsim.Trade{}, false
}

// bankPays counts the simulator's pays of a payment code's last four digits.
func (e *payEnv) bankPays(code string) int {
	n := 0
	for _, bt := range e.sim.Trades() {
		if bt.Kind == "pay" && bt.Code4 == code[len(code)-4:] {
			n++
		}
	}
	return n
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// waitStatus polls GetTrade until the trade has status want.
func (e *payEnv) waitStatus(c Creds, id uint, want domain.TradeStatus) *Trade {
	e.t.Helper()
	return e.waitTrade(c, id, string(want), func(tr *Trade) bool { return tr.Status == string(want) })
}

// waitTrade polls GetTrade for up to 15 s until done accepts the trade; want describes what
// done waits for in the failure message.
func (e *payEnv) waitTrade(c Creds, id uint, want string, done func(*Trade) bool) *Trade {
	e.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		tr, err := e.svc.GetTrade(e.t.Context(), c, id)
		if err != nil {
			e.t.Fatalf("GetTrade(%d): %v", id, err)
		}
		if done(tr) {
			return tr
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("trade %s is %s (%q); want %s", tr.ReqSN, tr.Status, tr.ErrMsg, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
