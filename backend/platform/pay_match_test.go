package platform

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/store"
)

// resend re-signs the form of r with the merchant's MD5 key after change, and has the bank
// carry it out: the bank then charges (and answers, properly signed) what change asked for.
func (e *payEnv) resend(w http.ResponseWriter, r *http.Request, change func(url.Values)) {
	must(e.t, r.ParseForm())
	fields := map[string]string{}
	for k := range r.PostForm {
		fields[k] = r.PostForm.Get(k)
	}
	delete(fields, "sign")
	form := url.Values{}
	for k, v := range fields {
		form.Set(k, v)
	}
	change(form)
	for k := range form {
		fields[k] = form.Get(k)
	}
	signer, err := allinpay.NewSigner(allinpay.SignMD5, nil, "", e.cc.MD5Key)
	must(e.t, err)
	sig, err := signer.Sign(fields)
	must(e.t, err)
	form.Set("sign", sig)
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, r.URL.String(), strings.NewReader(form.Encode()))
	must(e.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	e.sim.ServeHTTP(w, req)
}

// TestPayAmountMismatchNeedsAPerson: the bank charged another amount than we asked (here the
// request was altered on its way). The answer is verified and successful, but its trxamt is
// not the trade's amount: the trade must become unknown (待确认) for a person, keep its code,
// and record what the acquirer said it charged.
func TestPayAmountMismatchNeedsAPerson(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/apiweb"+allinpay.PathPay {
			return false
		}
		e.resend(w, r, func(f url.Values) { f.Set("trxamt", "1") })
		return true
	})
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	code := e.code(0)
	tr, _ := e.svc.Pay(t.Context(), creds, PayInput{Amount: 1000, AuthCode: code})
	got := e.waitSettled(creds, tr.ID)
	if got.Status != string(domain.StatusUnknown) || !strings.Contains(got.ErrMsg, "金额") {
		t.Fatalf("trade charged 0.01 for 10.00 ended %s (%q); want unknown with the reason", got.Status, got.ErrMsg)
	}
	var row store.Trade
	must(t, e.db.First(&row, tr.ID).Error)
	if row.TrxAmt != 1 || row.InitAmt != 1 || row.CodeLock == nil || row.InFlightTerminal != nil {
		t.Fatalf("row %+v: want trx_amt 1, init_amt 1, code locked, terminal free", row)
	}
}

// TestResultMatches checks every rule of resultMismatch on its own.
func TestResultMatches(t *testing.T) {
	tr := &store.Trade{ReqSN: "R1", TrxID: "T1", Amount: 1000}
	cases := []struct {
		name string
		r    gateway.Result
		bad  bool
	}{
		{"same", gateway.Result{ReqSN: "R1", TrxID: "T1", Amount: 1000, InitAmt: 1000}, false},
		{"no amounts (1001, close)", gateway.Result{ReqSN: "R1"}, false},
		{"discount", gateway.Result{ReqSN: "R1", Amount: 900, InitAmt: 1000}, false},
		{"trxamt only", gateway.Result{ReqSN: "R1", Amount: 1000}, false},
		{"other reqsn", gateway.Result{ReqSN: "R2", Amount: 1000}, true},
		{"other trxid", gateway.Result{ReqSN: "R1", TrxID: "T2", Amount: 1000}, true},
		{"less", gateway.Result{ReqSN: "R1", Amount: 999}, true},
		{"initamt differs", gateway.Result{ReqSN: "R1", Amount: 1000, InitAmt: 2000}, true},
		{"more than initamt", gateway.Result{ReqSN: "R1", Amount: 1100, InitAmt: 1000}, true},
	}
	for _, c := range cases {
		if got := resultMismatch(tr, &c.r) != ""; got != c.bad {
			t.Errorf("%s: mismatch %v; want %v", c.name, got, c.bad)
		}
	}
}
