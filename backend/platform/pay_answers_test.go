package platform

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
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
	wantChargedOnce(t, e, 321, "3888")
}

// wantChargedOnce pays amount with a fresh code while e's hook garbles the answers (said how
// in answer), then checks what must follow when the bank did charge it: the pay is not
// failed but pending, it settles successful, the code stays locked once the hook is gone, and
// the bank holds exactly one pay of it.
func wantChargedOnce(t *testing.T, e *payEnv, amount int64, answer string) {
	t.Helper()
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	code := e.code(0)
	tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: amount, AuthCode: code})
	if err != nil || tr.Status == string(domain.StatusFailed) {
		t.Fatalf("Pay answered %s = %+v, %v; want pending, not failed", answer, tr, err)
	}
	if got := e.waitSettled(creds, tr.ID); got.Status != string(domain.StatusSuccess) {
		t.Fatalf("trade ended %s (%q); the bank charged it", got.Status, got.ErrMsg)
	}
	e.setHook(nil)
	if _, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: amount, AuthCode: code}); domain.CodeOf(err) != domain.CodePayCodeUsed {
		t.Fatalf("second pay of the charged code: %v; want %s", err, domain.CodePayCodeUsed)
	}
	if n := e.bankPays(code); n != 1 {
		t.Fatalf("bank charged the code %d times; want 1", n)
	}
}

// answerFail writes the unsigned v11 refusal the acquirer sends when it is busy.
func answerFail(w http.ResponseWriter) {
	_, _ = w.Write([]byte(`{"retcode":"FAIL","retmsg":"系统繁忙"}`))
}

// failAfterSend makes the bank carry out every request to path but answer FAIL 系统繁忙, and
// answer FAIL to the first query too; later queries get the bank's real answer.
func failAfterSend(e *payEnv, path string) {
	var queried atomic.Bool
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		switch r.URL.Path {
		case "/apiweb" + path:
			e.sim.ServeHTTP(httptest.NewRecorder(), r)
			answerFail(w)
			return true
		case "/apiweb" + allinpay.PathQuery:
			if !queried.Swap(true) {
				answerFail(w)
				return true
			}
		}
		return false
	})
}

// TestPayFailButCharged reproduces the review finding: the bank charged the pay, the pay and
// the first query were answered FAIL 系统繁忙 (v11, unsigned). FAIL is no proof that nothing
// happened: the trade must be queried until the bank tells, end paid, and keep its code locked.
func TestPayFailButCharged(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	failAfterSend(e, allinpay.PathPay)
	wantChargedOnce(t, e, 1500, "FAIL")
}

// TestRefundFailButDone: the bank refunded, but the refund and the first query were answered
// FAIL. The reservation must not be given back: the refund ends successful.
func TestRefundFailButDone(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	orig := paidTrade(t, e, admin, 1000)
	failAfterSend(e, allinpay.PathRefund)
	tr, err := e.svc.Refund(t.Context(), admin, ReverseInput{TradeNo: orig.ReqSN, Amount: 400, AdminPassword: adminPW})
	if err != nil || tr.Status == string(domain.StatusFailed) {
		t.Fatalf("Refund answered FAIL = %+v, %v; want pending", tr, err)
	}
	if got := e.waitSettled(admin, tr.ID); got.Status != string(domain.StatusSuccess) {
		t.Fatalf("refund ended %s (%q); the bank refunded", got.Status, got.ErrMsg)
	}
	got, _ := e.svc.GetTrade(t.Context(), admin, orig.ID)
	bank, _ := e.bankTrade(orig.ReqSN)
	if got.RefundedAmount != 400 || bank.Reversed != 400 {
		t.Fatalf("refunded: ledger %d, bank %d; want 400", got.RefundedAmount, bank.Reversed)
	}
}

// TestPayRefusedV12Verified: under version 12 the bank refuses the pay with PARAMERR and never
// records it. The trade is failed only once queries after the poll window still find nothing;
// the cashier sees a fixed Chinese reason (not the raw retmsg), and the code is free again.
func TestPayRefusedV12Verified(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	e.cc.Version = "12"
	gw, err := allinpay.New(e.cc)
	must(t, err)
	e.gw = gw
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/apiweb"+allinpay.PathPay {
			return false
		}
		_, _ = w.Write([]byte(`{"retcode":"PARAMERR","retmsg":"terminfo invalid: devicetype"}`))
		return true
	})
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	code := e.code(0)
	tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: code})
	if err != nil || tr.Status == string(domain.StatusFailed) {
		t.Fatalf("Pay refused = %+v, %v; want pending until the bank confirms it has no trade", tr, err)
	}
	got := e.waitSettled(creds, tr.ID)
	if got.Status != string(domain.StatusFailed) || got.ErrMsg != msgRefused["PARAMERR"] {
		t.Fatalf("refused pay ended %s (%q); want failed with %q", got.Status, got.ErrMsg, msgRefused["PARAMERR"])
	}
	e.setHook(nil)
	if _, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: code}); err != nil {
		t.Fatalf("a refused code the bank never recorded must be free again: %v", err)
	}
}
