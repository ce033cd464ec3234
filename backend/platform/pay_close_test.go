package platform

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/store"
)

// closePoll queries often and keeps the window long, so only the cashier's 撤销本笔 closes.
var closePoll = PollSchedule{First: 50 * time.Millisecond, Every: 50 * time.Millisecond,
	Window: 20 * time.Second, Sweep: time.Hour, MaxCheck: time.Hour, Lease: 5 * time.Second}

// payPending pays a code of the given outcome and fails t unless the trade is left pending.
func (e *payEnv) payPending(svc *Service, c Creds, code string) *Trade {
	e.t.Helper()
	tr, err := svc.Pay(e.t.Context(), c, PayInput{Amount: 888, AuthCode: code})
	if err != nil || tr.Status != string(domain.StatusPending) {
		e.t.Fatalf("Pay = %+v, %v; want pending", tr, err)
	}
	return tr
}

// bankSettles queries the bank directly (as the customer's bank app moving on would) until
// the trade of reqsn is paid there.
func (e *payEnv) bankSettles(reqsn string) {
	e.t.Helper()
	for range 5 {
		if r, err := e.gw.Query(e.t.Context(), gateway.QueryRequest{ReqSN: reqsn}); err == nil && r.State == gateway.StateSuccess {
			return
		}
	}
	e.t.Fatalf("the bank never paid %s", reqsn)
}

// settledLines counts the log lines saying reqsn was settled: a trade is settled once.
func (e *payEnv) settledLines(reqsn string) int {
	n := 0
	for _, l := range strings.Split(e.logs.String(), "\n") {
		if strings.Contains(l, "trade settled") && strings.Contains(l, reqsn) {
			n++
		}
	}
	return n
}

func TestClosePayClosesAnUnpaidPayAtOnce(t *testing.T) {
	e := newPayEnv(t, "MD5", closePoll)
	c := e.login(e.store, domain.RoleCashier, "cashier123")
	code := e.code(91) // processing until closed
	tr := e.payPending(e.svc, c, code)
	start := time.Now()
	out, err := e.svc.ClosePay(t.Context(), c, tr.ID)
	if err != nil || out.Status != string(domain.StatusClosed) {
		t.Fatalf("ClosePay = %+v, %v; want closed", out, err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("closing took %v", d)
	}
	if bt, _ := e.bankTrade(tr.ReqSN); bt.Status != "3088" {
		t.Fatalf("bank status %q, want 3088 (closed, nothing charged)", bt.Status)
	}
	if _, err := e.svc.Pay(t.Context(), c, PayInput{Amount: 888, AuthCode: code}); domain.CodeOf(err) != domain.CodePayCodeUsed {
		t.Fatalf("the closed code paid again: %v", err)
	}
	next, err := e.svc.Pay(t.Context(), c, PayInput{Amount: 888, AuthCode: e.code(0)})
	if err != nil || next.Status != string(domain.StatusSuccess) {
		t.Fatalf("the terminal is not free after the close: %+v, %v", next, err)
	}
	again, err := e.svc.ClosePay(t.Context(), c, tr.ID)
	if err != nil || again.Status != string(domain.StatusClosed) {
		t.Fatalf("a second 撤销本笔 = %+v, %v; want the closed trade unchanged", again, err)
	}
}

func TestClosePayRacingTheBanksSuccessKeepsThePayment(t *testing.T) {
	e := newPayEnv(t, "MD5", closePoll)
	c := e.login(e.store, domain.RoleCashier, "cashier123")
	code := e.code(90) // processing, then paid
	var reqsn atomic.Value
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/apiweb"+allinpay.PathClose {
			e.bankSettles(reqsn.Load().(string)) // the customer confirms just before the close lands
		}
		return false
	})
	tr := e.payPending(e.svc, c, code)
	reqsn.Store(tr.ReqSN)
	out, err := e.svc.ClosePay(t.Context(), c, tr.ID)
	if err != nil || out.Status != string(domain.StatusSuccess) {
		t.Fatalf("ClosePay = %+v, %v; want the payment kept as paid", out, err)
	}
	if n := e.bankPays(code); n != 1 {
		t.Fatalf("the bank has %d pays of the code", n)
	}
	if bt, _ := e.bankTrade(tr.ReqSN); bt.Status != "0000" {
		t.Fatalf("bank status %q, want 0000", bt.Status)
	}
	time.Sleep(200 * time.Millisecond) // the driver's next poll, if it still ran
	if n := e.settledLines(tr.ReqSN); n != 1 {
		t.Fatalf("trade settled %d times", n)
	}
}

func TestClosePayWhileTheDriversQueryOfTheSuccessIsInTransit(t *testing.T) {
	e := newPayEnv(t, "MD5", closePoll)
	c := e.login(e.store, domain.RoleCashier, "cashier123")
	held := e.holdRequest(allinpay.PathQuery) // the driver's first query
	tr := e.payPending(e.svc, c, e.code(90))
	held.wait(t)
	e.bankSettles(tr.ReqSN) // paid at the bank while the driver's query is on its way
	out, err := e.svc.ClosePay(t.Context(), c, tr.ID)
	if err != nil || out.Status != string(domain.StatusSuccess) {
		t.Fatalf("ClosePay = %+v, %v; want success", out, err)
	}
	held.open() // the driver hears "paid" too, after the cashier's close settled it
	time.Sleep(200 * time.Millisecond)
	if got := e.waitSettled(c, tr.ID); got.Status != string(domain.StatusSuccess) {
		t.Fatalf("trade = %+v, want success", got)
	}
	if n := e.settledLines(tr.ReqSN); n != 1 {
		t.Fatalf("trade settled %d times", n)
	}
	var row store.Trade
	must(t, e.db.First(&row, tr.ID).Error)
	if row.InFlightTerminal != nil || row.CodeLock == nil {
		t.Fatalf("terminal lock %v, code lock %v: want the terminal free and the code locked", row.InFlightTerminal, row.CodeLock)
	}
}

// TestClosePayOnAnotherServerClosesOnce: the cashier's 撤销本笔 lands on server B while server
// A's driver polls the trade; B's close is held long enough for A to poll again, and the bank
// must see exactly one close (the server that moved the trade to closing closes it).
func TestClosePayOnAnotherServerClosesOnce(t *testing.T) {
	e := newPayEnv(t, "MD5", closePoll)
	db2, err := store.Open(e.dbPath)
	must(t, err)
	t.Cleanup(func() { store.Close(db2) })
	b := e.newService(db2, closePoll)
	c := e.login(e.store, domain.RoleCashier, "cashier123")
	var closes atomic.Int32
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/apiweb"+allinpay.PathClose {
			return false
		}
		body, _ := io.ReadAll(r.Body)
		if closes.Add(1) == 1 {
			time.Sleep(250 * time.Millisecond) // under the client timeout; A polls about five times meanwhile
		}
		late := httptest.NewRequest(r.Method, r.URL.String(), bytes.NewReader(body))
		late.Header = r.Header.Clone()
		e.sim.ServeHTTP(w, late)
		return true
	})
	tr := e.payPending(e.svc, c, e.code(91))
	time.Sleep(120 * time.Millisecond) // A's driver is polling
	out, err := b.ClosePay(t.Context(), c, tr.ID)
	if err != nil || out.Status != string(domain.StatusClosed) {
		t.Fatalf("ClosePay on B = %+v, %v; want closed", out, err)
	}
	time.Sleep(200 * time.Millisecond)
	if n := closes.Load(); n != 1 {
		t.Fatalf("the bank saw %d closes, want 1", n)
	}
}

func TestClosePayOnlyForThisTerminalsPayInFlight(t *testing.T) {
	e := newPayEnv(t, "MD5", closePoll)
	c := e.login(e.store, domain.RoleCashier, "cashier123")
	other := e.login(e.store, domain.RoleAdmin, "admin-pw-7") // same store, another terminal
	tr := e.payPending(e.svc, c, e.code(91))
	if _, err := e.svc.ClosePay(t.Context(), other, tr.ID); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("another terminal closed the pay: %v", err)
	}
	got, err := e.svc.GetTrade(t.Context(), c, tr.ID)
	if err != nil || got.Status != string(domain.StatusPending) {
		t.Fatalf("trade = %+v, %v; want still pending", got, err)
	}
	time.Sleep(250 * time.Millisecond)
	if got, _ = e.svc.GetTrade(t.Context(), c, tr.ID); got.Queries < 2 {
		t.Fatalf("queries = %d after 300 ms of polling every 50 ms; want the bank queries counted", got.Queries)
	}
	paid, err := e.svc.Pay(t.Context(), other, PayInput{Amount: 100, AuthCode: e.code(0)})
	must(t, err)
	if out, err := e.svc.ClosePay(t.Context(), other, paid.ID); err != nil || out.Status != string(domain.StatusSuccess) {
		t.Fatalf("撤销本笔 of a paid trade = %+v, %v; want it returned unchanged", out, err)
	}
}
