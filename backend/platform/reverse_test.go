package platform

import (
	"sync"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

const adminPW = "Admin#2468"

// paidTrade makes a successful payment of amount and returns it.
func paidTrade(t *testing.T, e *payEnv, c Creds, amount int64) *Trade {
	t.Helper()
	tr, err := e.svc.Pay(t.Context(), c, PayInput{Amount: amount, AuthCode: e.code(0)})
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("pay: %+v, %v", tr, err)
	}
	return tr
}

// audits returns the audit rows of an action.
func audits(t *testing.T, e *payEnv, action string) []store.Audit {
	var as []store.Audit
	must(t, e.db.Where("action = ?", action).Order("id").Find(&as).Error)
	return as
}

// TestRefundLimits: partial refunds up to the paid amount, never above paid minus refunded;
// the admin password is checked server-side; every attempt is audited; the bank agrees.
func TestRefundLimits(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	e.login(e.store, domain.RoleAdmin, adminPW)
	cashier := e.login(e.store, domain.RoleCashier, "cashier123")
	orig := paidTrade(t, e, cashier, 1000)
	refund := func(no string, amount int64, pw string) (*Trade, error) {
		return e.svc.Refund(t.Context(), cashier, ReverseInput{TradeNo: no, Amount: amount, AdminPassword: pw})
	}
	if _, err := refund(orig.ReqSN, 100, "cashier123"); domain.CodeOf(err) != domain.CodeAdminPassword {
		t.Fatalf("refund with the cashier's own password: %v; want %s", err, domain.CodeAdminPassword)
	}
	if _, err := refund(orig.ReqSN, 100, ""); domain.CodeOf(err) != domain.CodeAdminPassword {
		t.Fatalf("refund without password: %v", err)
	}
	r1, err := refund(orig.ReqSN, 600, adminPW)
	if err != nil || r1.Status != string(domain.StatusSuccess) || r1.Kind != "refund" || r1.ReqSN == orig.ReqSN || r1.OrigReqSN != orig.ReqSN {
		t.Fatalf("refund 6.00: %+v, %v", r1, err)
	}
	if _, err := refund(orig.TrxID, 500, adminPW); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("refund over what is left: %v; want %s", err, domain.CodeReverseNotAllowed)
	}
	if _, err := refund(orig.ReqSN, 0, adminPW); domain.CodeOf(err) != domain.CodeAmountZero {
		t.Fatalf("refund of 0: %v", err)
	}
	if _, err := refund(orig.TrxID, 400, adminPW); err != nil {
		t.Fatalf("refund of the rest (by trxid): %v", err)
	}
	if _, err := refund(orig.ReqSN, 1, adminPW); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("refund after full refund: %v", err)
	}
	got, _ := e.svc.GetTrade(t.Context(), cashier, orig.ID)
	bank, _ := e.bankTrade(orig.ReqSN)
	if got.RefundedAmount != 1000 || bank.Reversed != 1000 || bankRefunds(e) != 2 {
		t.Fatalf("refunded: ledger %d, bank %d; want 1000", got.RefundedAmount, bank.Reversed)
	}
	as := audits(t, e, "refund")
	oks := 0
	for _, a := range as {
		if a.OK {
			oks++
		}
	}
	if len(as) != 7 || oks != 2 {
		t.Fatalf("audit rows %d (ok %d); want 7 attempts, 2 accepted: %+v", len(as), oks, as)
	}
}

// TestRefundConcurrent: five refunds of 3.00 race on a 10.00 payment: at most three may pass.
func TestRefundConcurrent(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	orig := paidTrade(t, e, admin, 1000)
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr, err := e.svc.Refund(t.Context(), admin, ReverseInput{TradeNo: orig.ReqSN, Amount: 300, AdminPassword: adminPW})
			if err == nil && tr.Status == string(domain.StatusSuccess) {
				mu.Lock()
				ok++
				mu.Unlock()
			} else if domain.CodeOf(err) != domain.CodeReverseNotAllowed {
				t.Errorf("refund: %+v, %v", tr, err)
			}
		}()
	}
	wg.Wait()
	bank, _ := e.bankTrade(orig.ReqSN)
	got, _ := e.svc.GetTrade(t.Context(), admin, orig.ID)
	if ok != 3 || bank.Reversed != 900 || got.RefundedAmount != 900 || bankRefunds(e) != 3 {
		t.Fatalf("%d refunds passed, bank reversed %d in %d refunds, ledger %d; want 3, 900, 3, 900",
			ok, bank.Reversed, bankRefunds(e), got.RefundedAmount)
	}
}

// TestCancelRules: a cancel voids a same-day payment in full with a new reqsn; a second cancel,
// a cancel after a refund, and a cancel of yesterday's payment are refused.
func TestCancelRules(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	cancel := func(no string, pw string) (*Trade, error) {
		return e.svc.Cancel(t.Context(), admin, ReverseInput{TradeNo: no, Amount: 1, AdminPassword: pw})
	}
	orig := paidTrade(t, e, admin, 2500)
	if _, err := cancel(orig.ReqSN, "wrong"); domain.CodeOf(err) != domain.CodeAdminPassword {
		t.Fatalf("wrong password: %v", err)
	}
	c, err := cancel(orig.ReqSN, adminPW)
	if err != nil || c.Status != string(domain.StatusSuccess) || c.Amount != 2500 || c.Kind != "cancel" || c.ReqSN == orig.ReqSN {
		t.Fatalf("cancel: %+v, %v", c, err)
	}
	got, _ := e.svc.GetTrade(t.Context(), admin, orig.ID)
	bank, _ := e.bankTrade(orig.ReqSN)
	if got.Status != string(domain.StatusCancelled) || !bank.Cancelled {
		t.Fatalf("after cancel: ledger %s, bank cancelled %v", got.Status, bank.Cancelled)
	}
	if _, err := cancel(orig.ReqSN, adminPW); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("second cancel: %v", err)
	}
	refunded := paidTrade(t, e, admin, 800)
	if _, err := e.svc.Refund(t.Context(), admin, ReverseInput{TradeNo: refunded.ReqSN, Amount: 100, AdminPassword: adminPW}); err != nil {
		t.Fatal(err)
	}
	if _, err := cancel(refunded.ReqSN, adminPW); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("cancel after a refund: %v", err)
	}
	old := paidTrade(t, e, admin, 300)
	yesterday := time.Now().Add(-24 * time.Hour)
	must(t, e.db.Model(&store.Trade{}).Where("id = ?", old.ID).Updates(map[string]any{"created_at": yesterday.UTC(),
		"fin_time": yesterday.In(ChinaTime).Format("20060102150405")}).Error)
	if _, err := cancel(old.ReqSN, adminPW); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("cancel of yesterday's trade: %v", err)
	}
	pending, _ := e.svc.Pay(t.Context(), admin, PayInput{Amount: 100, AuthCode: e.code(91)})
	if _, err := cancel(pending.ReqSN, adminPW); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("cancel of a pending trade: %v", err)
	}
	if _, err := cancel("nosuchtrade", adminPW); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("cancel of an unknown trade: %v", err)
	}
	if n := len(audits(t, e, "cancel")); n != 7 {
		t.Fatalf("cancel audit rows = %d; want 7", n)
	}
	if len(e.sim.Trades()) != 6 { // 4 pays, 1 cancel, 1 refund
		t.Fatalf("bank trades = %d; refused reversals must not reach the bank", len(e.sim.Trades()))
	}
}

// TestReverseDeclinedByBank: when the bank refuses a refund the reservation is released.
func TestReverseDeclinedByBank(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	orig := paidTrade(t, e, admin, 1000)
	// The bank cancels it behind our back (e.g. from the 收银宝 app); our refund is then declined.
	_, err := e.gw.Cancel(t.Context(), gateway.ReverseRequest{ReqSN: "outside0001", Amount: 1000,
		OldReqSN: orig.ReqSN, OldTrxID: orig.TrxID})
	must(t, err)
	tr, err := e.svc.Refund(t.Context(), admin, ReverseInput{TradeNo: orig.ReqSN, Amount: 200, AdminPassword: adminPW})
	if domain.CodeOf(err) != domain.CodePayFailed || tr == nil || tr.Status != string(domain.StatusFailed) || tr.ErrMsg == "" {
		t.Fatalf("refund of a trade the bank cancelled: %+v, %v", tr, err)
	}
	got, _ := e.svc.GetTrade(t.Context(), admin, orig.ID)
	if got.RefundedAmount != 0 {
		t.Fatalf("refunded amount %d after a declined refund; want 0", got.RefundedAmount)
	}
}

// bankRefunds counts the refunds the bank received: refused ones must never get there.
func bankRefunds(e *payEnv) int {
	n := 0
	for _, bt := range e.sim.Trades() {
		if bt.Kind == "refund" {
			n++
		}
	}
	return n
}
