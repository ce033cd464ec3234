package httpapi_test

import (
	"context"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// Test payment codes of the simulator (gateway/sybsim doc): last two digits choose the outcome.
const (
	wechatOK       = "134567890123456700"
	alipayOK       = "281234567890123400"
	wechatDeclined = "134567890123456792"
)

func TestPaymentsAndRolesOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, admin, cashier := e.adminAndCashier(t)

	mine, err := e.api.Pay(ctx, admin, platform.PayInput{Amount: 1234, AuthCode: wechatOK, Source: "manual"})
	if err != nil || mine.Status != string(domain.StatusSuccess) || mine.Amount != 1234 || mine.CodeMasked == wechatOK {
		t.Fatalf("admin pay %+v, %v", mine, err)
	}
	theirs, err := e.api.Pay(ctx, cashier, platform.PayInput{Amount: 500, AuthCode: alipayOK, Source: "manual"})
	if err != nil || theirs.Status != string(domain.StatusSuccess) {
		t.Fatalf("cashier pay %+v, %v", theirs, err)
	}
	// A declined payment comes back as its failed trade together with the error.
	failed, err := e.api.Pay(ctx, cashier, platform.PayInput{Amount: 100, AuthCode: wechatDeclined, Source: "manual"})
	wantCode(t, err, domain.CodePayFailed)
	if failed == nil || failed.Status != string(domain.StatusFailed) {
		t.Fatalf("declined trade %+v", failed)
	}
	// A cashier sees only their own trades; the admin sees all.
	page, err := e.api.ListTrades(ctx, cashier, platform.TradeFilter{})
	if err != nil || page.Total != 2 {
		t.Fatalf("cashier trades %+v, %v", page, err)
	}
	for _, tr := range page.Trades {
		if tr.CashierAccount != "02" {
			t.Fatalf("cashier sees %s's trade", tr.CashierAccount)
		}
	}
	_, err = e.api.GetTrade(ctx, cashier, mine.ID)
	wantCode(t, err, domain.CodeNotFound)
	if page, err := e.api.ListTrades(ctx, admin, platform.TradeFilter{}); err != nil || page.Total != 3 {
		t.Fatalf("admin trades %+v, %v", page, err)
	}
	// Refund needs the admin password, also for the admin.
	_, err = e.api.Refund(ctx, cashier, platform.ReverseInput{TradeNo: theirs.ReqSN, Amount: 100, AdminPassword: "abc12345"})
	wantCode(t, err, domain.CodeAdminPassword)
	ref, err := e.api.Refund(ctx, cashier, platform.ReverseInput{TradeNo: theirs.ReqSN, Amount: 100, AdminPassword: ownerPassword})
	if err != nil || ref.Status != string(domain.StatusSuccess) || ref.Kind != string(domain.KindRefund) {
		t.Fatalf("refund %+v, %v", ref, err)
	}
	// Re-checking is for admins; a settled trade comes back unchanged.
	_, err = e.api.RecheckTrade(ctx, cashier, theirs.ID)
	wantCode(t, err, domain.CodeForbidden)
	if again, err := e.api.RecheckTrade(ctx, admin, theirs.ID); err != nil || again.Status != string(domain.StatusSuccess) {
		t.Fatalf("recheck %+v, %v", again, err)
	}
	st, err := e.api.DayStats(ctx, admin, "")
	if err != nil || st.PayAmount != 1734 || st.RefundAmount != 100 {
		t.Fatalf("stats %+v, %v", st, err)
	}
}

// TestFindTradeOverHTTP: trades/find with the client: by reqsn or trxid, a cashier only their
// own trade, the admin the store's; an unknown number is not_found.
func TestFindTradeOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, admin, cashier := e.adminAndCashier(t)
	mine, err := e.api.Pay(ctx, admin, platform.PayInput{Amount: 1234, AuthCode: "134567890123456600", Source: "manual"})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := e.api.Pay(ctx, cashier, platform.PayInput{Amount: 500, AuthCode: "281234567890123500", Source: "manual"})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := e.api.FindTrade(ctx, cashier, theirs.TrxID); err != nil || got.ID != theirs.ID || got.Amount != 500 {
		t.Fatalf("cashier finds own trade by trxid: %+v, %v", got, err)
	}
	_, err = e.api.FindTrade(ctx, cashier, mine.ReqSN)
	wantCode(t, err, domain.CodeNotFound)
	if got, err := e.api.FindTrade(ctx, admin, theirs.ReqSN); err != nil || got.ID != theirs.ID || got.CashierAccount != "02" {
		t.Fatalf("admin finds the cashier's trade: %+v, %v", got, err)
	}
	_, err = e.api.FindTrade(ctx, admin, "XTF0000000000")
	wantCode(t, err, domain.CodeNotFound)
	_, err = e.api.FindTrade(ctx, platform.Creds{TerminalToken: cashier.TerminalToken}, theirs.ReqSN)
	wantCode(t, err, domain.CodeUnauthenticated)
}
