package platform

import (
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// TestCancelSameDayByFinTime: "same day" for a cancel is the acquirer's day (fintime, China
// time), not the time we created the trade. Just after midnight, a payment we created at
// 23:58 but the bank completed at 00:03 is today's and can be cancelled; one we created at
// 00:00:30 (our clock late) that the bank completed at 23:59:59 is yesterday's and cannot.
func TestCancelSameDayByFinTime(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	real := time.Now().In(ChinaTime)
	midnight := time.Date(real.Year(), real.Month(), real.Day()+1, 0, 0, 0, 0, ChinaTime)
	fake := midnight.Add(5 * time.Minute)
	set := func(tr *Trade, created, fin time.Time) {
		must(t, e.db.Model(&store.Trade{}).Where("id = ?", tr.ID).Updates(map[string]any{
			"created_at": created.UTC(), "fin_time": fin.In(ChinaTime).Format("20060102150405")}).Error)
	}
	late := paidTrade(t, e, admin, 500)
	set(late, midnight.Add(-2*time.Minute), midnight.Add(3*time.Minute))
	early := paidTrade(t, e, admin, 600)
	set(early, midnight.Add(30*time.Second), midnight.Add(-time.Second))
	must(t, e.db.Model(&store.Session{}).Where("id > 0").Update("expires_at", fake.Add(time.Hour)).Error)
	e.offset.Store(int64(time.Until(fake)))
	cancel := func(no string) (*Trade, error) {
		return e.svc.Cancel(t.Context(), admin, ReverseInput{TradeNo: no, AdminPassword: adminPW})
	}
	if c, err := cancel(late.ReqSN); err != nil || c.Status != string(domain.StatusSuccess) {
		t.Fatalf("cancel of a payment the bank completed today at 00:03: %+v, %v", c, err)
	}
	if _, err := cancel(early.ReqSN); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("cancel of a payment the bank completed yesterday 23:59:59: %v; want %s", err, domain.CodeReverseNotAllowed)
	}
}
