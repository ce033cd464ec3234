package platform

import (
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// TestSweepPurgesExpired: the sweep deletes SMS codes, grants and captchas expired for more
// than a day and expired sessions; live ones stay.
func TestSweepPurgesExpired(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	live := e.login(e.store, domain.RoleCashier, "cashier123")
	now := time.Now().UTC()
	old, fresh := now.Add(-25*time.Hour), now.Add(time.Hour)
	for _, exp := range []time.Time{old, fresh} {
		must(t, e.db.Create(&store.SMSCode{MerchantID: e.merchant.ID, Purpose: "init", Phone: "1", CodeHash: "h", ExpiresAt: exp}).Error)
		must(t, e.db.Create(&store.Grant{TokenHash: exp.String(), MerchantID: e.merchant.ID, Purpose: "init", ExpiresAt: exp}).Error)
		must(t, e.db.Create(&store.Captcha{ID: exp.Format("150405.000000"), AnswerHash: "h", ExpiresAt: exp}).Error)
	}
	must(t, e.db.Create(&store.Session{TokenHash: "expired", CashierID: 1, TerminalID: 1, ExpiresAt: now.Add(-time.Minute)}).Error)
	must(t, e.svc.Start(t.Context()))
	count := func(m any) int64 {
		var n int64
		must(t, e.db.Model(m).Count(&n).Error)
		return n
	}
	deadline := time.Now().Add(time.Minute)
	for count(&store.Session{}) != 1 && time.Now().Before(deadline) { // sessions are purged last
		time.Sleep(20 * time.Millisecond)
	}
	if s, g, c, ss := count(&store.SMSCode{}), count(&store.Grant{}), count(&store.Captcha{}), count(&store.Session{}); s != 1 || g != 1 || c != 1 || ss != 1 {
		t.Fatalf("after the sweep: %d SMS codes, %d grants, %d captchas, %d sessions; want 1 of each", s, g, c, ss)
	}
	if _, err := e.svc.Me(t.Context(), live); err != nil {
		t.Fatalf("the live session was purged: %v", err)
	}
}

// TestDeletedCashierStaysOnTrades: a trade keeps the account of the cashier who made it after
// that account is deleted.
func TestDeletedCashierStaysOnTrades(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	cashier := e.login(e.store, domain.RoleCashier, "cashier123")
	tr := paidTrade(t, e, cashier, 100)
	me, err := e.svc.Me(t.Context(), cashier)
	must(t, err)
	must(t, e.svc.DeleteCashier(t.Context(), admin, me.Account))
	got, err := e.svc.GetTrade(t.Context(), admin, tr.ID)
	if err != nil || got.CashierAccount != me.Account {
		t.Fatalf("trade after deleting its cashier: %+v, %v; want cashier %s", got, err, me.Account)
	}
}
