package platform

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway/allinpay"
)

// replay sends r to the simulator once more (the bank records it) and returns a copy of r with
// its body restored, for the real answer.
func (e *payEnv) replay(r *http.Request) *http.Request {
	body, err := io.ReadAll(r.Body)
	must(e.t, err)
	first := r.Clone(r.Context())
	first.Body = io.NopCloser(bytes.NewReader(body))
	e.sim.ServeHTTP(httptest.NewRecorder(), first)
	again := r.Clone(r.Context())
	again.Body = io.NopCloser(bytes.NewReader(body))
	return again
}

// TestPay3888IsQueried: the bank charged the pay, but the answer we got is 3888 (duplicate
// reqsn, e.g. a retry collision). Per §6 that means "query the original": the trade must end
// paid, and the payment code must stay locked.
func TestPay3888IsQueried(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/apiweb"+allinpay.PathPay {
			return false
		}
		e.sim.ServeHTTP(w, e.replay(r)) // the second send of the same reqsn is answered 3888
		return true
	})
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	code := e.code(0)
	tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 321, AuthCode: code})
	if err != nil || tr.Status == string(domain.StatusFailed) {
		t.Fatalf("Pay answered 3888 = %+v, %v; want pending, not failed", tr, err)
	}
	if got := e.waitSettled(creds, tr.ID); got.Status != string(domain.StatusSuccess) {
		t.Fatalf("trade ended %s (%q); the bank charged it", got.Status, got.ErrMsg)
	}
	e.setHook(nil)
	if _, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 321, AuthCode: code}); domain.CodeOf(err) != domain.CodePayCodeUsed {
		t.Fatalf("second pay of the charged code: %v; want %s", err, domain.CodePayCodeUsed)
	}
	if n := e.bankPays(code); n != 1 {
		t.Fatalf("bank charged the code %d times", n)
	}
}
