package platform

import (
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/store"
)

// TestPayInFlightPerTerminal fires many payments at once on one terminal through two
// Services sharing the database (two servers): exactly one may reach the bank. The bank
// answers no query until the burst is over, so the first trade stays in flight however slowly
// a loaded machine runs the burst (its 10 s window is the only bound).
func TestPayInFlightPerTerminal(t *testing.T) {
	e := newPayEnv(t, "MD5", racePoll)
	db2, err := store.Open(e.dbPath)
	must(t, err)
	t.Cleanup(func() { store.Close(db2) })
	svcs := []*Service{e.svc, e.newService(db2, racePoll)}
	var blocked atomic.Bool
	var closes atomic.Int32
	blocked.Store(true)
	blockQueries(e, &blocked, true, &closes)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	const n = 12
	var wg sync.WaitGroup
	var ok, inFlight atomic.Int32
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := svcs[i%2].Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: e.code(90)})
			switch domain.CodeOf(err) {
			case domain.CodePayInFlight:
				inFlight.Add(1)
			default:
				if err == nil {
					ok.Add(1)
				} else {
					t.Errorf("Pay: %v", err)
				}
			}
		}()
	}
	wg.Wait()
	blocked.Store(false)
	if ok.Load() != 1 || inFlight.Load() != n-1 || len(e.sim.Trades()) != 1 {
		t.Fatalf("accepted %d, in flight %d, bank saw %d pays; want 1, %d, 1", ok.Load(), inFlight.Load(), len(e.sim.Trades()), n-1)
	}
	// Once the pending trade resolves the terminal is free again; another terminal never waited.
	tr := e.sim.Trades()[0]
	var id uint
	must(t, e.db.Table("trades").Select("id").Where("req_sn = ?", tr.ReqSN).Scan(&id).Error)
	if got := e.waitSettled(creds, id); got.Status != string(domain.StatusSuccess) {
		t.Fatalf("pending trade ended %s", got.Status)
	}
	if _, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: e.code(1)}); err != nil {
		t.Fatalf("terminal still locked after the trade settled: %v", err)
	}
}

// TestPayCodeOnce checks that a payment code is never charged twice: after a success, while
// pending, after a late failure; only an outright decline frees it. Concurrent use of one code
// from two terminals reaches the bank once.
func TestPayCodeOnce(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	c1 := e.login(e.store, domain.RoleCashier, "cashier123")
	c2 := e.login(e.store, domain.RoleCashier, "cashier123")
	pay := func(c Creds, code string) (*Trade, error) {
		return e.svc.Pay(t.Context(), c, PayInput{Amount: 500, AuthCode: code})
	}
	paid := e.code(0)
	if _, err := pay(c1, paid); err != nil {
		t.Fatal(err)
	}
	if _, err := pay(c2, paid); domain.CodeOf(err) != domain.CodePayCodeUsed {
		t.Fatalf("second pay of a paid code: %v; want %s", err, domain.CodePayCodeUsed)
	}
	pending := e.code(90)
	tr, err := pay(c1, pending)
	if err != nil || tr.Status != string(domain.StatusPending) {
		t.Fatalf("pay 90: %+v, %v", tr, err)
	}
	if _, err := pay(c2, pending); domain.CodeOf(err) != domain.CodePayCodeUsed {
		t.Fatalf("pay of a pending code: %v; want %s", err, domain.CodePayCodeUsed)
	}
	e.waitSettled(c1, tr.ID)
	late := e.code(97) // fails with 3088 after processing: the customer may have been charged and refunded
	tr, _ = pay(c1, late)
	if got := e.waitSettled(c1, tr.ID); got.Status != string(domain.StatusFailed) {
		t.Fatalf("97 ended %s", got.Status)
	}
	if _, err := pay(c2, late); domain.CodeOf(err) != domain.CodePayCodeUsed {
		t.Fatalf("reuse after a late failure: %v; want %s", err, domain.CodePayCodeUsed)
	}
	declined := e.code(92)
	if _, err := pay(c1, declined); domain.CodeOf(err) != domain.CodePayFailed {
		t.Fatalf("92: %v", err)
	}
	if _, err := pay(c2, declined); domain.CodeOf(err) != domain.CodePayFailed {
		t.Fatalf("an outright decline must free the code for another try, got %v", err)
	}
	for _, code := range []string{paid, pending, late} {
		if n := e.bankPays(code); n != 1 {
			t.Errorf("bank saw %d pays of %s", n, domain.MaskCode(code))
		}
	}
	if n := e.bankPays(declined); n != 2 {
		t.Errorf("bank saw %d pays of the declined code; want 2", n)
	}
	// Same code, two terminals, at once.
	race := e.code(3)
	var wg sync.WaitGroup
	var used atomic.Int32
	for _, c := range []Creds{c1, c2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := pay(c, race); domain.CodeOf(err) == domain.CodePayCodeUsed {
				used.Add(1)
			}
		}()
	}
	wg.Wait()
	if used.Load() != 1 || e.bankPays(race) != 1 {
		t.Fatalf("concurrent same code: %d refused, bank saw %d", used.Load(), e.bankPays(race))
	}
}

// TestPersistBeforeSend looks into the database at the moment the bank receives the pay:
// the trade row must already be there, marked sent, holding both locks.
func TestPersistBeforeSend(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	var seen []store.Trade
	var mu sync.Mutex
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/apiweb"+allinpay.PathPay {
			return false
		}
		must(t, r.ParseForm())
		var row store.Trade
		err := e.db.Where("req_sn = ?", r.PostForm.Get("reqsn")).First(&row).Error
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			t.Errorf("bank got reqsn %q with no trade row: %v", r.PostForm.Get("reqsn"), err)
		}
		seen = append(seen, row)
		return false
	})
	code := e.code(0)
	tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 777, AuthCode: code})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 {
		t.Fatalf("bank saw %d pays", len(seen))
	}
	row := seen[0]
	if row.Status != string(domain.StatusSent) || row.Amount != 777 || row.InFlightTerminal == nil ||
		row.CodeLock == nil || *row.CodeLock != hashToken(code) || row.CodeHash != hashToken(code) || len(row.ReqSN) > 32 {
		t.Fatalf("row at send time: %+v", row)
	}
	if tr.ReqSN != row.ReqSN || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("returned %+v", tr)
	}
}

// TestPayNotAccepted: a pay the acquirer refuses with FAIL (version 11, here a wrong merchant
// key) proves nothing: FAIL is generic and unsigned. The trade is queried (those are refused
// too) and ends unknown (待确认), never failed; the code stays locked; nothing was charged.
func TestPayNotAccepted(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	_, cc, err := sybsim.PairConfig("MD5") // another merchant key: every request is refused
	must(t, err)
	cc.BaseURL = e.url + "/apiweb"
	e.gw, err = allinpay.New(cc)
	must(t, err)
	var queries atomic.Int32
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/apiweb"+allinpay.PathQuery {
			queries.Add(1)
		}
		return false
	})
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	code := e.code(0)
	tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: code})
	if err != nil || tr == nil || tr.Status != string(domain.StatusPending) {
		t.Fatalf("Pay = %+v, %v; want pending", tr, err)
	}
	if got := e.waitSettled(creds, tr.ID); got.Status != string(domain.StatusUnknown) {
		t.Fatalf("refused pay ended %s (%q); want unknown", got.Status, got.ErrMsg)
	}
	if queries.Load() < 2 || len(e.sim.Trades()) != 0 {
		t.Fatalf("queries %d (want several), bank trades %d (want 0)", queries.Load(), len(e.sim.Trades()))
	}
	if _, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: code}); domain.CodeOf(err) != domain.CodePayCodeUsed {
		t.Fatalf("retry of a code whose pay may have reached the bank: %v; want %s", err, domain.CodePayCodeUsed)
	}
}
