package platform

import (
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// TestFindTradeAnyDayWithVisibility: FindTrade finds a trade by reqsn or trxid days later,
// with ListTrades' visibility: a cashier only their own, an admin their store's, never another
// merchant's.
func TestFindTradeAnyDayWithVisibility(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	farMerchant := store.Merchant{MerchantNo: "999999999999999", Name: "别家商户", Phone: "13900000000"}
	must(t, e.db.Create(&farMerchant).Error)
	farStore := store.Store{MerchantID: farMerchant.ID, Name: "别家店"}
	must(t, e.db.Create(&farStore).Error)
	alice := e.login(e.store, domain.RoleCashier, "cashier123")
	bob := e.login(e.store, domain.RoleCashier, "cashier123")
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	farAdmin := e.login(farStore, domain.RoleAdmin, adminPW)
	a1 := paidTrade(t, e, alice, 100)
	b1 := paidTrade(t, e, bob, 300)
	f1 := paidTrade(t, e, farAdmin, 500)
	ctx := t.Context()

	// The trades were made three days ago (sessions would expire if the clock moved instead).
	must(t, e.db.Model(&store.Trade{}).Where("id IN ?", []uint{a1.ID, b1.ID, f1.ID}).
		Update("created_at", time.Now().AddDate(0, 0, -3)).Error)
	if page, err := e.svc.ListTrades(ctx, alice, TradeFilter{}); err != nil || page.Total != 0 {
		t.Fatalf("today's list three days on: %+v, %v", page, err)
	}
	for _, no := range []string{a1.ReqSN, " " + a1.TrxID + " "} {
		got, err := e.svc.FindTrade(ctx, alice, no)
		if err != nil || got.ID != a1.ID || got.Amount != 100 || got.CashierAccount == "" {
			t.Fatalf("alice finds her own trade by %q: %+v, %v", no, got, err)
		}
	}
	if got, err := e.svc.FindTrade(ctx, admin, b1.TrxID); err != nil || got.ID != b1.ID {
		t.Fatalf("admin finds bob's trade: %+v, %v", got, err)
	}
	notFound := []struct {
		who  string
		c    Creds
		no   string
		code domain.Code
	}{
		{"alice, bob's trade", alice, b1.ReqSN, domain.CodeNotFound},
		{"alice, another merchant's trade", alice, f1.ReqSN, domain.CodeNotFound},
		{"admin, another merchant's trade", admin, f1.TrxID, domain.CodeNotFound},
		{"other merchant's admin, our trade", farAdmin, a1.ReqSN, domain.CodeNotFound},
		{"a suffix is not a trade number", admin, a1.ReqSN[len(a1.ReqSN)-6:], domain.CodeNotFound},
		{"empty", admin, "  ", domain.CodeInvalidInput},
	}
	for _, c := range notFound {
		if got, err := e.svc.FindTrade(ctx, c.c, c.no); domain.CodeOf(err) != c.code {
			t.Errorf("%s: %+v, %v; want %s", c.who, got, err, c.code)
		}
	}
	if got, err := e.svc.FindTrade(ctx, farAdmin, f1.ReqSN); err != nil || got.ID != f1.ID {
		t.Fatalf("the other merchant's admin finds its own trade: %+v, %v", got, err)
	}
}
