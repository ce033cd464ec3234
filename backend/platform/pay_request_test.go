package platform

import (
	"strings"
	"sync"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// TestPayRequestIDIsIdempotent: a pay sent again with the same request id (its answer lost)
// answers the first trade and never charges again, also when the retries arrive all at once;
// a request id reused for another payment, or malformed, is refused.
func TestPayRequestIDIsIdempotent(t *testing.T) {
	for _, kind := range dbKinds {
		t.Run(kind, func(t *testing.T) { payRequestIDIdempotent(t, kind) })
	}
}

func payRequestIDIdempotent(t *testing.T, kind string) {
	e := newPayEnvOn(t, kind, "MD5", testPoll)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	code := e.code(0)
	in := PayInput{Amount: 1200, AuthCode: code, RequestID: "desk-1"}
	first, err := e.svc.Pay(t.Context(), creds, in)
	if err != nil || first.Status != string(domain.StatusSuccess) {
		t.Fatalf("Pay = %+v, %v", first, err)
	}
	again, err := e.svc.Pay(t.Context(), creds, in)
	if err != nil || again.ID != first.ID || e.bankPays(code) != 1 {
		t.Fatalf("retry = %+v, %v, bank pays %d; want trade %d and one pay", again, err, e.bankPays(code), first.ID)
	}
	other := in
	other.Amount = 1300
	if _, err := e.svc.Pay(t.Context(), creds, other); domain.CodeOf(err) != domain.CodeInvalidInput {
		t.Fatalf("request id reused for another amount: %v; want invalid input", err)
	}
	declinedIn := PayInput{Amount: 500, AuthCode: e.code(92), RequestID: "desk-2"}
	d1, err1 := e.svc.Pay(t.Context(), creds, declinedIn)
	d2, err2 := e.svc.Pay(t.Context(), creds, declinedIn)
	if domain.CodeOf(err1) != domain.CodePayFailed || domain.CodeOf(err2) != domain.CodePayFailed || d1.ID != d2.ID {
		t.Fatalf("declined then retried: %v / %v, trades %d / %d; want the same declined trade", err1, err2, d1.ID, d2.ID)
	}
	burst := PayInput{Amount: 700, AuthCode: e.code(90), RequestID: "desk-3"}
	ids := make(chan uint, 8)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr, err := e.svc.Pay(t.Context(), creds, burst)
			if err != nil {
				t.Errorf("concurrent retry: %v", err)
				return
			}
			ids <- tr.ID
		}()
	}
	wg.Wait()
	close(ids)
	seen := map[uint]bool{}
	for id := range ids {
		seen[id] = true
	}
	if len(seen) != 1 || e.bankPays(burst.AuthCode) != 1 {
		t.Fatalf("8 concurrent sends of one request id: trades %v, bank pays %d; want one of each", seen, e.bankPays(burst.AuthCode))
	}
	for _, bad := range []string{"a b", strings.Repeat("x", 41), "编号"} {
		if _, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 1, AuthCode: e.code(0), RequestID: bad}); domain.CodeOf(err) != domain.CodeInvalidInput {
			t.Errorf("request id %q: %v; want invalid input", bad, err)
		}
	}
}

// TestReverseRequestIDIsIdempotent: a refund or cancel sent again with the same request id
// answers the first reversal; the bank reverses once and the refunded total counts it once.
func TestReverseRequestIDIsIdempotent(t *testing.T) {
	for _, kind := range dbKinds {
		t.Run(kind, func(t *testing.T) {
			e := newPayEnvOn(t, kind, "MD5", testPoll)
			creds := e.login(e.store, domain.RoleCashier, "cashier123")
			e.login(e.store, domain.RoleAdmin, "admin-pw-7")
			paid, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 1000, AuthCode: e.code(0)})
			must(t, err)
			in := ReverseInput{TradeNo: paid.ReqSN, Amount: 300, AdminPassword: "admin-pw-7", RequestID: "ref-1"}
			r1, err1 := e.svc.Refund(t.Context(), creds, in)
			r2, err2 := e.svc.Refund(t.Context(), creds, in)
			if err1 != nil || err2 != nil || r1.ID != r2.ID {
				t.Fatalf("refund then retry: %v / %v, trades %v / %v; want one refund", err1, err2, r1, r2)
			}
			other := in
			other.Amount = 200
			if _, err := e.svc.Refund(t.Context(), creds, other); domain.CodeOf(err) != domain.CodeInvalidInput {
				t.Fatalf("request id reused for another amount: %v; want invalid input", err)
			}
			second, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 800, AuthCode: e.code(0)})
			must(t, err)
			cancel := ReverseInput{TradeNo: second.ReqSN, AdminPassword: "admin-pw-7", RequestID: "can-1"}
			c1, err1 := e.svc.Cancel(t.Context(), creds, cancel)
			c2, err2 := e.svc.Cancel(t.Context(), creds, cancel)
			if err1 != nil || err2 != nil || c1.ID != c2.ID {
				t.Fatalf("cancel then retry: %v / %v; want the first cancel both times", err1, err2)
			}
			bank, _ := e.bankTrade(paid.ReqSN)
			var row store.Trade
			must(t, e.db.First(&row, paid.ID).Error)
			reversals := 0
			for _, bt := range e.sim.Trades() {
				if bt.Kind != "pay" {
					reversals++
				}
			}
			if bank.Reversed != 300 || row.RefundedAmount != 300 || reversals != 2 {
				t.Fatalf("bank refunded %d, ledger %d, bank reversals %d; want 300, 300, 2", bank.Reversed, row.RefundedAmount, reversals)
			}
		})
	}
}
