package services_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/posapi"
	"xiaotongfu/backend/services"
)

// TestPosAPIRefusesAWrongKey: no key, a wrong key, or a key once regenerated get 401; the
// right key gets through (404 for an order never asked for).
func TestPosAPIRefusesAWrongKey(t *testing.T) {
	p := newPosHarness(t)
	for _, key := range []string{"", "x" + p.key, p.key[:len(p.key)-1]} {
		if r := p.do("GET", "/v1/payments/A1", nil, key); r.status != 401 || r.code != "bad_key" {
			t.Fatalf("key %q: %d %s", key, r.status, r.code)
		}
	}
	if r := p.call("GET", "/v1/payments/A1", nil); r.status != 404 || r.code != string(domain.CodeNotFound) {
		t.Fatalf("right key: %d %+v", r.status, r.body)
	}
	old := p.key
	st, err := p.pos.RegenerateKey()
	if err != nil || st.Key == old || st.State != services.PosListening {
		t.Fatalf("RegenerateKey: %+v %v", st, err)
	}
	p.base = "http://" + st.Addr
	if r := p.do("GET", "/v1/payments/A1", nil, old); r.status != 401 {
		t.Fatalf("old key after regenerating: %d", r.status)
	}
}

// TestPosAPIListensOnLoopbackOnly: any address but a loopback IP is refused, by the package
// and by the service (which reports why); a peer that is not loopback gets 403.
func TestPosAPIListensOnLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "localhost:0", "192.168.1.10:0"} {
		if _, err := posapi.Listen(addr, nil, func() string { return "k" }, nil); !errors.Is(err, posapi.ErrNotLoopback) {
			t.Fatalf("Listen(%q) = %v, want ErrNotLoopback", addr, err)
		}
	}
	h := newHarness(t)
	h.loginAdmin()
	pos := services.NewPosService(h.core, h.pay, h.trades, services.PosOptions{Dir: h.dir, Addr: "0.0.0.0:0"})
	t.Cleanup(h.core.Stop)
	if st, err := pos.SavePos(true, 0); err != nil || st.State != services.PosFailed || st.Code != services.PosNotLoopback {
		t.Fatalf("SavePos on 0.0.0.0: %+v %v", st, err)
	}
	handler := posapi.NewHandler(nil, func() string { return "k" }, nil)
	req := httptest.NewRequest("GET", "/v1/openapi.yaml", nil)
	req.RemoteAddr, req.Header["Authorization"] = "192.168.1.5:50000", []string{"Bearer k"}
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "not_local") {
		t.Fatalf("a peer on the LAN: %d %s", rec.Code, rec.Body)
	}
}

// TestPosAPIConcurrentDuplicatesChargeOnce: 16 identical requests at once (same order number,
// amount and code) all answer the same trade, and the bank saw exactly one charge.
func TestPosAPIConcurrentDuplicatesChargeOnce(t *testing.T) {
	p := newPosHarness(t)
	body := map[string]any{"outTradeNo": "POS-0001", "amount": 4321, "authCode": wechat(1, "00")}
	replies := make([]posReply, 16)
	var wg sync.WaitGroup
	for i := range replies {
		wg.Go(func() { replies[i] = p.call("POST", "/v1/payments?wait=10", body) })
	}
	wg.Wait()
	created := 0
	for i, r := range replies {
		if r.status == 201 {
			created++
		}
		if r.status != 200 && r.status != 201 {
			t.Fatalf("reply %d: %d %+v", i, r.status, r.body)
		}
	}
	if created != 1 {
		t.Fatalf("%d replies said created, want 1", created)
	}
	final := p.call("GET", "/v1/payments/POS-0001?wait=10", nil)
	if final.body["state"] != posapi.StatePaid || final.reqsn() == "" {
		t.Fatalf("order: %+v", final.body)
	}
	for i, r := range replies {
		if r.reqsn() != "" && r.reqsn() != final.reqsn() {
			t.Fatalf("reply %d names trade %s, the order %s", i, r.reqsn(), final.reqsn())
		}
	}
	if n := p.simPays(4321); n != 1 {
		t.Fatalf("the bank saw %d pays of 43.21, want 1", n)
	}
	// The book itself let one request through: the platform's request-id replay, the payment
	// slot and the code lock (the backstops) were never needed.
	log := p.logText()
	if n := strings.Count(log, `msg="pay done"`) + strings.Count(log, `msg="pay refused"`); n != 1 {
		t.Fatalf("the terminal charged %d times for one order, want 1", n)
	}
	again := p.call("POST", "/v1/payments?wait=5", body)
	if again.status != 200 || again.reqsn() != final.reqsn() || p.simPays(4321) != 1 {
		t.Fatalf("a later retry: %d %+v", again.status, again.body)
	}
}

// TestPosAPIRefusesTheSameNumberWithAnotherAmount: 409, and nothing charged.
func TestPosAPIRefusesTheSameNumberWithAnotherAmount(t *testing.T) {
	p := newPosHarness(t)
	if r := p.call("POST", "/v1/payments?wait=10", map[string]any{"outTradeNo": "A-7", "amount": 100, "authCode": wechat(2, "00")}); r.status != 201 {
		t.Fatalf("first: %d %+v", r.status, r.body)
	}
	r := p.call("POST", "/v1/payments", map[string]any{"outTradeNo": "A-7", "amount": 1000, "authCode": wechat(3, "00")})
	if r.status != 409 || r.code != string(domain.CodeConflict) {
		t.Fatalf("another amount: %d %+v", r.status, r.body)
	}
	if p.simPays(1000) != 0 || p.simPays(100) != 1 {
		t.Fatalf("bank: %+v", p.simTrades())
	}
}

// TestPosAPIExplainsABadAmount: fen only, as a JSON integer; every other shape, zero and
// amounts over the limit are refused with the money parser's codes, and nothing is written.
func TestPosAPIExplainsABadAmount(t *testing.T) {
	p := newPosHarness(t)
	cases := map[string]domain.Code{
		`12.5`: domain.CodeAmountInvalid, `"1250"`: domain.CodeAmountInvalid, `1e3`: domain.CodeAmountInvalid,
		`-100`: domain.CodeAmountNegative, `0`: domain.CodeAmountZero, `null`: domain.CodeAmountEmpty,
		`500000001`: domain.CodeAmountTooLarge, `99999999999999999999999`: domain.CodeAmountTooLarge,
	}
	for amount, want := range cases {
		body := fmt.Sprintf(`{"outTradeNo":"B1","amount":%s}`, amount)
		if r := p.call("POST", "/v1/payments", body); r.status != 400 || r.code != string(want) {
			t.Fatalf("amount %s: %d %+v, want 400 %s", amount, r.status, r.body, want)
		}
	}
	if r := p.call("POST", "/v1/payments", `{"outTradeNo":"B1","amount":5,"tip":1}`); r.status != 400 || r.code != "invalid_request" {
		t.Fatalf("unknown field: %d %+v", r.status, r.body)
	}
	if r := p.call("POST", "/v1/payments", `{"outTradeNo":"含中文","amount":5}`); r.status != 400 {
		t.Fatalf("bad order number: %d %+v", r.status, r.body)
	}
	if r := p.call("GET", "/v1/payments/B1", nil); r.status != 404 {
		t.Fatalf("a refused request wrote the order: %d %+v", r.status, r.body)
	}
	if len(p.simTrades()) != 0 {
		t.Fatalf("bank: %+v", p.simTrades())
	}
}

// TestPosAPIOneFenIsOneFen: 5 is 0.05 yuan, 1234 is 12.34.
func TestPosAPIOneFenIsOneFen(t *testing.T) {
	p := newPosHarness(t)
	for no, fen := range map[string]int64{"F5": 5, "F1234": 1234} {
		r := p.call("POST", "/v1/payments?wait=10", map[string]any{"outTradeNo": no, "amount": fen, "authCode": wechat(int(fen), "00")})
		tr, _ := r.body["trade"].(map[string]any)
		if r.status != 201 || tr["amount"] != float64(fen) || p.simPays(fen) != 1 {
			t.Fatalf("%s: %d %+v", no, r.status, r.body)
		}
	}
}

// TestPosAPIOpensTheQuickPayDialog: without a code the request opens quick pay with the
// order's amount and number; the code shown there pays the order, and a retry opens nothing.
func TestPosAPIOpensTheQuickPayDialog(t *testing.T) {
	p := newPosHarness(t)
	r := p.call("POST", "/v1/payments", map[string]any{"outTradeNo": "D-1", "amount": 880})
	if r.status != 201 || r.body["state"] != posapi.StateAwaitingCode {
		t.Fatalf("request: %d %+v", r.status, r.body)
	}
	modes := p.rec.Named(events.WindowMode)
	m, _ := modes[len(modes)-1].(events.Mode)
	if m.Mode != events.ModeQuickPay || m.Amount != 880 || m.Source != "pos" || m.Order != "D-1" || m.Reason != events.ReasonPOS {
		t.Fatalf("window:mode = %+v", modes)
	}
	if _, err := p.pos.PayOrder("NOPE", wechat(4, "00")); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("PayOrder of an unknown order: %v", err)
	}
	tr, err := p.pos.PayOrder("D-1", wechat(4, "00"))
	if err != nil || tr.Amount != 880 || tr.Source != "pos" || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("PayOrder: %+v %v", tr, err)
	}
	got := p.call("GET", "/v1/payments/D-1", nil)
	if got.body["state"] != posapi.StatePaid || got.reqsn() != tr.ReqSN {
		t.Fatalf("GET: %+v", got.body)
	}
	n := len(p.rec.Named(events.WindowMode))
	if again := p.call("POST", "/v1/payments", map[string]any{"outTradeNo": "D-1", "amount": 880}); again.status != 200 || again.reqsn() != tr.ReqSN {
		t.Fatalf("retry: %+v", again.body)
	}
	if len(p.rec.Named(events.WindowMode)) != n || p.simPays(880) != 1 {
		t.Fatal("a retry of a paid order opened the dialog or charged")
	}
	if _, err := p.pos.PayOrder("D-1", wechat(5, "00")); domain.CodeOf(err) != domain.CodeConflict || p.simPays(880) != 1 {
		t.Fatalf("PayOrder of a paid order: %v", err)
	}
}
