package platform

import (
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// TestReverseAdminPasswordLockout: five wrong admin passwords for void/refund on one terminal
// lock void/refund there for 15 minutes (even with the right password), with a clear Chinese
// message, audited; another terminal is not affected; after 15 minutes it works again.
func TestReverseAdminPasswordLockout(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	e.login(e.store, domain.RoleAdmin, adminPW)
	cashier := e.login(e.store, domain.RoleCashier, "cashier123")
	other := e.login(e.store, domain.RoleCashier, "cashier123")
	orig := paidTrade(t, e, cashier, 1000)
	refund := func(c Creds, pw string) error {
		_, err := e.svc.Refund(t.Context(), c, ReverseInput{TradeNo: orig.ReqSN, Amount: 100, AdminPassword: pw})
		return err
	}
	for i := 1; i < MaxFailedLogins; i++ {
		if err := refund(cashier, "guess"+string(rune('0'+i))); domain.CodeOf(err) != domain.CodeAdminPassword {
			t.Fatalf("wrong password %d: %v", i, err)
		}
	}
	err := refund(cashier, "guess5")
	if domain.CodeOf(err) != domain.CodeAccountLocked || !strings.Contains(domain.AsError(err).Message, "15 分钟") {
		t.Fatalf("fifth wrong password: %v; want %s with the wait", err, domain.CodeAccountLocked)
	}
	if err := refund(cashier, adminPW); domain.CodeOf(err) != domain.CodeAccountLocked {
		t.Fatalf("right password while locked: %v; want %s", err, domain.CodeAccountLocked)
	}
	if len(audits(t, e, AuditReverseLocked)) != 1 {
		t.Fatal("the lock was not audited")
	}
	if err := refund(other, adminPW); err != nil {
		t.Fatalf("another terminal: %v", err)
	}
	e.offset.Store(int64(16 * time.Minute))
	if err := refund(cashier, adminPW); err != nil {
		t.Fatalf("after 15 minutes: %v", err)
	}
	if bankRefunds(e) != 2 {
		t.Fatalf("bank refunds %d; want 2", bankRefunds(e))
	}
}
