package platform

import (
	"sync/atomic"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// TestUnknownKeptCheckedAndRecheck: an unknown payment older than Poll.MaxCheck that the bank
// cannot answer for is not dropped: its next check is set Poll.Slow ahead (never NULL), so
// a reversal's reservation is not held forever. An admin can re-check it at once; a cashier
// cannot; the call is audited.
func TestUnknownKeptCheckedAndRecheck(t *testing.T) {
	poll := testPoll
	poll.MaxCheck = time.Minute
	poll.Slow = time.Hour
	e := newPayEnv(t, "MD5", poll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	cashier := e.login(e.store, domain.RoleCashier, "cashier123")
	tr := paidTrade(t, e, admin, 600)
	now := time.Now().UTC()
	must(t, e.db.Model(&store.Trade{}).Where("id = ?", tr.ID).Updates(map[string]any{"status": "unknown",
		"created_at": now.Add(-2 * time.Hour), "next_check_at": now}).Error)
	var blocked atomic.Bool
	var closes atomic.Int32
	blocked.Store(true)
	blockQueries(e, &blocked, true, &closes)
	must(t, e.svc.Start(t.Context()))
	var row store.Trade
	deadline := time.Now().Add(5 * time.Second)
	for {
		must(t, e.db.First(&row, tr.ID).Error)
		if row.Queries > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if row.Status != "unknown" || row.NextCheckAt == nil || row.NextCheckAt.Before(now.Add(50*time.Minute)) {
		t.Fatalf("after a failed check past MaxCheck: status %s, next check %v, queries %d; want unknown, about an hour ahead",
			row.Status, row.NextCheckAt, row.Queries)
	}
	blocked.Store(false)
	if _, err := e.svc.RecheckTrade(t.Context(), cashier, tr.ID); domain.CodeOf(err) != domain.CodeForbidden {
		t.Fatalf("cashier recheck: %v; want %s", err, domain.CodeForbidden)
	}
	got, err := e.svc.RecheckTrade(t.Context(), admin, tr.ID)
	if err != nil || got.Status != string(domain.StatusSuccess) {
		t.Fatalf("admin recheck = %+v, %v; want success", got, err)
	}
	if as := audits(t, e, AuditRecheck); len(as) != 1 || !as[0].OK {
		t.Fatalf("recheck audit rows: %+v", as)
	}
}
