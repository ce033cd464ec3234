package httpapi_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// moneyRoutes have their own targets, which also check the amounts in the ledger.
var moneyRoutes = []string{"pay", "trades/cancel", "trades/refund"}

// FuzzPayBody posts arbitrary bodies to pay as cashier 02. A refused one leaves the ledger
// (and everything else) as it was; an accepted one adds exactly one trade, for the amount
// the body asked, within the limit.
func FuzzPayBody(f *testing.F) {
	z := newFuzzAPI(f)
	base := map[string]any{"amount": 100, "authCode": "134567890123456700", "source": "manual"}
	for _, b := range seedBodies(z.routes["pay"], base) {
		f.Add(b)
	}
	for _, code := range []string{"134567890123456790", "134567890123456791", "134567890123456792", "134567890123456793",
		"281234567890123496", "6212345678901234597", "１34567890123456700", " 134567890123456700", "134567890123456700\u0000"} {
		f.Add([]byte(`{"amount":1,"authCode":"` + code + `"}`))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		z.reset(t)
		before, n := z.state(t), z.tradeCount(t)
		a := z.send(t, "pay", body, z.cashier)
		if a.rejected() {
			z.unchanged(t, "pay", body, a, before)
			return
		}
		var in platform.PayInput
		var tr platform.Trade
		if err := json.Unmarshal(body, &in); err != nil {
			t.Fatalf("pay accepted %q, which is not a PayInput: %v", body, err)
		}
		if err := json.Unmarshal(a.tradeJSON(), &tr); err != nil {
			t.Fatalf("pay answer %s: %v", a.body, err)
		}
		if tr.Amount != in.Amount || in.Amount <= 0 || in.Amount > domain.DefaultPayLimit || tr.Kind != string(domain.KindPay) {
			t.Fatalf("pay %q made trade %+v", body, tr)
		}
		if got := z.tradeCount(t); got != n+1 {
			t.Fatalf("pay %q: %d trades, want %d", body, got, n+1)
		}
		z.checkLedger(t)
	})
}

// FuzzReverseBody posts arbitrary bodies to trades/cancel or trades/refund as the admin.
// A refused one changes nothing; an accepted one adds one reversal of a payment, and the
// ledger never refunds more than was paid.
func FuzzReverseBody(f *testing.F) {
	z := newFuzzAPI(f)
	for _, route := range []string{"trades/cancel", "trades/refund"} {
		base := map[string]any{"tradeNo": z.paid[0].ReqSN, "amount": 100, "adminPassword": ownerPassword}
		for _, b := range seedBodies(z.routes[route], base) {
			f.Add(route == "trades/refund", b)
		}
	}
	f.Add(true, []byte(`{"tradeNo":"`+z.paid[1].TrxID+`","amount":`+"5001"+`,"adminPassword":"`+ownerPassword+`"}`))
	f.Add(false, []byte(`{"tradeNo":"`+z.paid[2].ReqSN+`","adminPassword":"`+ownerPassword+`"}`))
	f.Fuzz(func(t *testing.T, refund bool, body []byte) {
		route := "trades/cancel"
		if refund {
			route = "trades/refund"
		}
		z.reset(t)
		before, n := z.state(t), z.tradeCount(t)
		a := z.send(t, route, body, z.admin)
		if a.rejected() {
			z.unchanged(t, route, body, a, before)
			return
		}
		var tr platform.Trade
		if err := json.Unmarshal(a.tradeJSON(), &tr); err != nil || tr.OrigReqSN == "" || tr.Amount <= 0 {
			t.Fatalf("%s %q answered %s (%v)", route, body, a.body, err)
		}
		if got := z.tradeCount(t); got != n+1 {
			t.Fatalf("%s %q: %d trades, want %d", route, body, got, n+1)
		}
		z.checkLedger(t)
	})
}

// FuzzAPIBody posts arbitrary bodies to every other call, as the admin or as cashier 02.
// Every answer is well formed; a refused request changes nothing; the trade list never
// pages out more than it may.
func FuzzAPIBody(f *testing.F) {
	z := newFuzzAPI(f)
	names := slices.DeleteFunc(routeNames(z.routes), func(n string) bool { return slices.Contains(moneyRoutes, n) })
	for i, name := range names {
		for _, b := range seedBodies(z.routes[name], z.validBodies()[name]) {
			f.Add(uint8(i), b)
		}
	}
	for _, b := range oddBodies {
		f.Add(uint8(slices.Index(names, "trades/list")), []byte(b))
	}
	f.Fuzz(func(t *testing.T, route uint8, body []byte) {
		name := names[int(route&0x7f)%len(names)]
		z.reset(t)
		c := z.admin
		if route&0x80 != 0 {
			c = z.cashier
		}
		before := z.state(t)
		a := z.send(t, name, body, c)
		if a.rejected() {
			z.unchanged(t, name, body, a, before)
			return
		}
		if name == "trades/list" {
			checkPage(t, body, a)
		}
		z.checkLedger(t)
	})
}

// validBodies are bodies the calls accept (or refuse only for a code no input can guess),
// so that the seeds that change one field of them reach past the first check.
func (z *fuzzAPI) validBodies() map[string]map[string]any {
	return map[string]map[string]any{
		"cashiers/add":            {"account": "05", "password": "abc12345", "name": "小王", "phone": phone, "remark": "早班"},
		"cashiers/update":         {"account": "02", "name": "小李", "phone": "", "remark": ""},
		"cashiers/delete":         {"account": "05"},
		"cashiers/list":           {"account": "0", "name": "", "phone": ""},
		"cashiers/reset-password": {"account": "02", "captchaId": "x", "captchaAnswer": "1234"},
		"login":                   {"account": "02", "password": "abc12345"},
		"me/password":             {"oldPassword": ownerPassword, "newPassword": "Abc12345x"},
		"init/code":               {"merchantNo": merchantNo},
		"init/verify":             {"merchantNo": merchantNo, "code": "123456"},
		"init/complete":           {"grantToken": "x", "storeId": z.e.stores[0].ID},
		"terminal/store/verify":   {"code": "123456"},
		"terminal/store/change":   {"grantToken": "x", "storeId": z.e.stores[1].ID},
		"trades/list":             {"day": "", "kind": "pay", "status": "success", "tradeNo": "", "limit": 10},
		"trades/get":              {"id": z.paid[0].ID},
		"trades/find":             {"tradeNo": z.paid[0].ReqSN},
		"trades/recheck":          {"id": z.paid[0].ID},
		"trades/stats":            {"day": z.paid[0].CreatedAt.Format("2006-01-02")},
		"notices/list":            {"limit": 5},
		"notices/read":            {"id": 1},
	}
}

// checkPage fails when a trade list answer holds more trades than its total, or more than
// the 200 a page may.
func checkPage(t *testing.T, body []byte, a answer) {
	t.Helper()
	var page platform.TradePage
	if err := json.Unmarshal(a.body, &page); err != nil || int64(len(page.Trades)) > page.Total || len(page.Trades) > 200 {
		t.Fatalf("trades/list %q: %d trades of %d (%v)", body, len(page.Trades), page.Total, err)
	}
}

// tradeJSON is the trade an accepted money call answered: the body, or the result that came
// with a declined one.
func (a answer) tradeJSON() []byte {
	if a.status == http.StatusOK {
		return a.body
	}
	return a.err.Result
}
