package platform

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

// PGDSNEnv names the PostgreSQL server the platform tests also run against
// (scripts/pg-start.sh prints one; `make test` sets it).
const PGDSNEnv = "XTF_TEST_PG_DSN"

// testDSN returns a fresh database for one test: a SQLite file in a temp dir, or (kind
// "postgres") a new schema on the server in $XTF_TEST_PG_DSN, dropped afterwards.
func testDSN(t testing.TB, kind string) string {
	t.Helper()
	if kind == "sqlite" {
		return filepath.Join(t.TempDir(), "xtf.db")
	}
	base := os.Getenv(PGDSNEnv)
	if base == "" {
		t.Skipf("PostgreSQL run skipped: %s is not set (start a server with scripts/pg-start.sh)", PGDSNEnv)
	}
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatalf("postgres %s: %v", PGDSNEnv, err)
	}
	schema := fmt.Sprintf("t_%d_%d", time.Now().UnixNano(), os.Getpid())
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		if db, err := admin.DB(); err == nil {
			db.Close()
		}
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

// dbKinds are the databases every platform test runs against.
var dbKinds = []string{"sqlite", "postgres"}

// testClock is a settable clock for Options.Now.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// smsBox records the console SMS messages by phone.
type smsBox struct {
	mu   sync.Mutex
	last map[string]string
}

var reCode = regexp.MustCompile(`[0-9]{6}`)

func (b *smsBox) send(phone, text string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last[phone] = reCode.FindString(text)
}

// code returns the last code sent to phone.
func (b *smsBox) code(phone string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.last[phone]
}

// acctEnv is a platform with one merchant (two stores) on a real database.
type acctEnv struct {
	svc      *Service
	db       *gorm.DB
	clock    *testClock
	sms      *smsBox
	merchant *store.Merchant
	stores   []StoreInfo
}

const testMerchantNo = "990581007426001"
const testPhone = "13912345678"

func noGateway(*store.Merchant) (gateway.Provider, error) {
	return nil, errors.New("no gateway in account tests")
}

// newAcctEnv opens a fresh database of the given kind and seeds a merchant with two stores.
func newAcctEnv(t testing.TB, kind string) *acctEnv {
	t.Helper()
	db, err := store.Open(testDSN(t, kind))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(db) })
	env := &acctEnv{db: db, clock: &testClock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.Local)},
		sms: &smsBox{last: map[string]string{}}}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	env.svc, err = New(Options{DB: db, Gateway: noGateway, Now: env.clock.Now, Log: log,
		SMS: ConsoleSMS{OnSend: env.sms.send}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	env.merchant, err = env.svc.AddMerchant(ctx, MerchantInput{MerchantNo: testMerchantNo, Name: "测试商户", Phone: testPhone})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"一号店", "二号店"} {
		st, err := env.svc.AddStore(ctx, testMerchantNo, name, "")
		if err != nil {
			t.Fatal(err)
		}
		env.stores = append(env.stores, *st)
	}
	return env
}

// forEachDB runs fn once on SQLite and once on PostgreSQL.
func forEachDB(t *testing.T, fn func(t *testing.T, env *acctEnv)) {
	for _, kind := range dbKinds {
		t.Run(kind, func(t *testing.T) { fn(t, newAcctEnv(t, kind)) })
	}
}

// initTerminal runs initialisation into the first store and returns the terminal token.
func (e *acctEnv) initTerminal(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	e.clock.Advance(SMSResend + time.Second)
	if _, err := e.svc.RequestInitCode(ctx, testMerchantNo); err != nil {
		t.Fatal(err)
	}
	g, err := e.svc.VerifyInitCode(ctx, testMerchantNo, e.sms.code(testPhone))
	if err != nil {
		t.Fatal(err)
	}
	info, err := e.svc.CompleteInit(ctx, g.Token, e.stores[0].ID, "")
	if err != nil {
		t.Fatal(err)
	}
	return info.Token
}

// login logs account in on the terminal and returns its creds.
func (e *acctEnv) login(t testing.TB, term, account, password string) Creds {
	t.Helper()
	s, err := e.svc.Login(context.Background(), term, account, password)
	if err != nil {
		t.Fatalf("login %s: %v", account, err)
	}
	return Creds{TerminalToken: term, SessionToken: s.Token}
}

// ownerPassword is what tests change admin 01's initial password to.
const ownerPassword = "Owner2026x"

// admin logs admin 01 in on term with the initial password (fresh from initialisation)
// and changes it to ownerPassword, as the server requires before anything else.
func (e *acctEnv) admin(t testing.TB, term string) Creds {
	t.Helper()
	a := e.login(t, term, domain.AdminAccount, domain.InitialPassword)
	if err := e.svc.ChangePassword(context.Background(), a, domain.InitialPassword, ownerPassword); err != nil {
		t.Fatalf("change the initial password: %v", err)
	}
	return a
}

// addCashier adds a cashier through the admin creds.
func (e *acctEnv) addCashier(t testing.TB, admin Creds, account, password string) {
	t.Helper()
	_, err := e.svc.AddCashier(context.Background(), admin, CashierInput{Account: account, Password: password, Name: "店员" + account})
	if err != nil {
		t.Fatalf("add cashier %s: %v", account, err)
	}
}

// wantCode fails unless err is a *domain.Error with the given code.
func wantCode(t testing.TB, err error, code domain.Code) *domain.Error {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != code {
		t.Fatalf("error = %v; want code %s", err, code)
	}
	if de.Message == "" {
		t.Fatalf("error %s has no message", code)
	}
	return de
}

// countRows counts rows of a model matching where.
func (e *acctEnv) countRows(t testing.TB, model any, where string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := e.db.Model(model).Where(where, args...).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}
