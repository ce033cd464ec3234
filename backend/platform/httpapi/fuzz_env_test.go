package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
)

// fuzzPoll settles a payment the simulator holds (outcomes 90–97) well within a second, so
// one input does not keep the terminal busy (pay_in_flight) for the inputs after it.
var fuzzPoll = platform.PollSchedule{First: 20 * time.Millisecond, Every: 20 * time.Millisecond,
	Window: 300 * time.Millisecond, Sweep: 50 * time.Millisecond, MaxCheck: time.Hour, Lease: 300 * time.Millisecond}

// fuzzSim answers the slow outcome (93) after 50 ms and lets the client wait only 30 ms, so
// an input that picks it costs milliseconds, not the default 45 s timeout.
func fuzzSim(sim *sybsim.Config, client *allinpay.Config) {
	sim.SlowDelay = 50 * time.Millisecond
	client.Timeout = 30 * time.Millisecond
}

// fuzzAPI is the platform a fuzz target sends its inputs to: a real xtfd handler on a
// loopback port over a SQLite file, with admin 01 logged in on terminal A, cashier 02 on
// terminal B and a few successful payments of 02 for reversals to aim at.
type fuzzAPI struct {
	e       *env
	termA   string
	admin   platform.Creds
	cashier platform.Creds
	paid    []*platform.Trade
	routes  map[string]fuzzRoute
	hashes  map[string]string // account → password hash as the fixture left it
}

// fuzzPayments is how many payments newFuzzAPI makes, and their amount in fen.
const (
	fuzzPayments = 3
	fuzzPaid     = 5000
)

func newFuzzAPI(f *testing.F) *fuzzAPI {
	f.Helper()
	e := newEnvWith(f, envOptions{tune: fuzzSim, poll: fuzzPoll, live: true})
	z := &fuzzAPI{e: e, routes: specRoutes(f)}
	z.termA, z.admin, z.cashier = e.adminAndCashier(f)
	for i := range fuzzPayments {
		tr, err := e.api.Pay(context.Background(), z.cashier, platform.PayInput{
			Amount: fuzzPaid, AuthCode: fmt.Sprintf("2812345678901%03d00", i), Source: "manual"})
		if err != nil {
			f.Fatalf("payment %d: %v", i, err)
		}
		z.paid = append(z.paid, tr)
	}
	var rows []struct{ Account, PasswordHash string }
	if err := e.db.Raw("SELECT account, password_hash FROM cashiers").Scan(&rows).Error; err != nil {
		f.Fatal(err)
	}
	z.hashes = map[string]string{}
	for _, r := range rows {
		z.hashes[r.Account] = r.PasswordHash
	}
	return z
}

// reset undoes what earlier inputs may have done that is not under test and would make the
// next input meet a locked account or a dead session: lockouts are lifted, both terminals
// go back to the first store, and a caller whose session ended logs in again.
func (z *fuzzAPI) reset(t *testing.T) {
	t.Helper()
	if err := z.e.db.Exec("DELETE FROM throttles").Error; err != nil { // lockouts and rate limits
		t.Fatal(err)
	}
	if err := z.e.db.Exec("UPDATE terminals SET store_id = ?", z.e.stores[0].ID).Error; err != nil {
		t.Fatal(err)
	}
	z.admin = z.relogin(t, z.admin, domain.AdminAccount, ownerPassword)
	z.cashier = z.relogin(t, z.cashier, "02", "abc12345")
}

// relogin returns c when its session is alive, or a new session of account, whose password
// hash (not one to be changed first) and binding are first put back to what the fixture made.
func (z *fuzzAPI) relogin(t *testing.T, c platform.Creds, account, password string) platform.Creds {
	t.Helper()
	ctx := context.Background()
	if _, err := z.e.svc.Me(ctx, c); err == nil {
		return c
	}
	var n int64
	if err := z.e.db.Raw("SELECT COUNT(*) FROM cashiers WHERE account = ?", account).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	if n == 0 { // an input deleted the account
		in := platform.CashierInput{Account: account, Password: password, Name: "小李"}
		if _, err := z.e.svc.AddCashier(ctx, z.admin, in); err != nil {
			t.Fatalf("add %s again: %v", account, err)
		}
	}
	if err := z.e.db.Exec("UPDATE cashiers SET password_hash = ?, must_change_password = ?, bound_terminal_id = NULL WHERE account = ?",
		z.hashes[account], false, account).Error; err != nil {
		t.Fatal(err)
	}
	s, err := z.e.svc.Login(ctx, c.TerminalToken, account, password)
	if err != nil {
		t.Fatalf("log %s in again: %v", account, err)
	}
	return platform.Creds{TerminalToken: c.TerminalToken, SessionToken: s.Token}
}

// hangGuard turns a request the server never answers into a failure naming the input, where
// it would otherwise stall the fuzz worker until the test binary's timeout. It is no
// deadline on speed: every call here answers in milliseconds.
var hangGuard = &http.Client{Timeout: time.Minute}

// answer is one response of the server.
type answer struct {
	status int
	header http.Header
	body   []byte
	err    errorBody // set when status is not 200
}

// errorBody is an error as the server writes it.
type errorBody struct {
	Code    domain.Code     `json:"code"`
	Message string          `json:"message"`
	Result  json.RawMessage `json:"result"`
}

// rejected reports whether the server refused the request: an error without a result (a
// declined payment is an error that carries the trade it made).
func (a answer) rejected() bool { return a.status != http.StatusOK && len(a.err.Result) == 0 }

// send posts body to /api/v1/<route> with the credentials the route needs from c, and
// checks what every answer must be: see checkAnswer.
func (z *fuzzAPI) send(t *testing.T, route string, body []byte, c platform.Creds) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, z.e.url+"/api/v1/"+route, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if r := z.routes[route]; r.auth >= authTerminal {
		req.Header.Set(httpapi.HeaderTerminal, c.TerminalToken)
		if r.auth == authSession {
			req.Header.Set(httpapi.HeaderAuth, "Bearer "+c.SessionToken)
		}
	}
	resp, err := hangGuard.Do(req)
	if err != nil {
		t.Fatalf("%s %q: %v", route, body, err)
	}
	defer resp.Body.Close()
	a := answer{status: resp.StatusCode, header: resp.Header}
	if a.body, err = io.ReadAll(resp.Body); err != nil {
		t.Fatalf("%s: read answer: %v", route, err)
	}
	checkAnswer(t, route, body, a)
	return a
}

// checkAnswer fails unless a is well formed: never a 5xx, always JSON, and an error is
// {code, message} with its status, the code also in X-Error-Code and a message in Chinese.
func checkAnswer(t *testing.T, route string, body []byte, a answer) {
	t.Helper()
	ct := a.header.Get("Content-Type")
	if a.status >= 500 || !strings.HasPrefix(ct, "application/json") || !json.Valid(a.body) {
		t.Fatalf("%s %q: %d %s %s", route, body, a.status, ct, a.body)
	}
	if a.status == http.StatusOK {
		return
	}
	e := &a.err
	if err := json.Unmarshal(a.body, e); err != nil || e.Code == "" || a.header.Get("X-Error-Code") != string(e.Code) ||
		httpapi.StatusOf(e.Code) != a.status || !hasHan(e.Message) {
		t.Fatalf("%s %q: malformed error %d %s (%v)", route, body, a.status, a.body, err)
	}
}

// hasHan reports whether s has a Chinese character.
func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// stateQueries read what a request may change and what a refused one must leave alone.
// Counters of failed attempts, lockouts, captchas and the audit log are left out: refusing
// a wrong password or code rightly counts it.
var stateQueries = []string{
	"SELECT id, kind, status, amount, refunded_amount, orig_trade_id, cashier_id FROM trades ORDER BY id",
	"SELECT id, account, name, phone, remark, role, password_hash, password_changed, bound_terminal_id FROM cashiers ORDER BY id",
	"SELECT id, store_id, revoked_at FROM terminals ORDER BY id",
	"SELECT id, cashier_id, terminal_id, expires_at FROM sessions ORDER BY id",
	"SELECT id, used_at FROM grants ORDER BY id",
	"SELECT id, purpose, terminal_id FROM sms_codes ORDER BY id",
	"SELECT notice_id, cashier_id FROM notice_reads ORDER BY notice_id, cashier_id",
}

// state renders the rows of stateQueries, one line per row.
func (z *fuzzAPI) state(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, q := range stateQueries {
		var rows []map[string]any
		if err := z.e.db.Raw(q).Scan(&rows).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for _, r := range rows {
			keys := slices.Sorted(func(yield func(string) bool) {
				for k := range r {
					if !yield(k) {
						return
					}
				}
			})
			for _, k := range keys {
				fmt.Fprintf(&b, "%s=%v ", k, r[k])
			}
			b.WriteString("\n")
		}
		b.WriteString("--\n")
	}
	return b.String()
}

// unchanged fails when a refused request changed the state taken before it.
func (z *fuzzAPI) unchanged(t *testing.T, route string, body []byte, a answer, before string) {
	t.Helper()
	if after := z.state(t); after != before {
		t.Fatalf("%s %q was refused (%d %s) but changed the state:\nbefore\n%s\nafter\n%s", route, body, a.status, a.err.Code, before, after)
	}
}

// checkLedger fails when the ledger breaks a money rule: every trade's amount is positive,
// a payment's refunded amount is between 0 and its amount and covers its successful
// reversals.
func (z *fuzzAPI) checkLedger(t *testing.T) {
	t.Helper()
	var bad []map[string]any
	err := z.e.db.Raw(`SELECT p.id, p.amount, p.refunded_amount, p.kind FROM trades p
		WHERE p.amount <= 0 OR p.refunded_amount < 0 OR p.refunded_amount > p.amount
		   OR (SELECT COALESCE(SUM(r.amount), 0) FROM trades r WHERE r.orig_trade_id = p.id AND r.status = 'success') > p.refunded_amount`).
		Scan(&bad).Error
	if err != nil || len(bad) > 0 {
		t.Fatalf("ledger broken: %v %v", bad, err)
	}
}

// tradeCount is how many trades the ledger holds.
func (z *fuzzAPI) tradeCount(t *testing.T) int64 {
	t.Helper()
	var n int64
	if err := z.e.db.Raw("SELECT COUNT(*) FROM trades").Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}
