package platform

import (
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// TestDayStatsByFinTime: a payment we created at 23:59:50 that the bank completed at 00:00:05
// belongs to the new day (hour 0), not to the day before.
func TestDayStatsByFinTime(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	tr := paidTrade(t, e, admin, 777)
	n := time.Now().In(ChinaTime)
	midnight := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, ChinaTime)
	must(t, e.db.Model(&store.Trade{}).Where("id = ?", tr.ID).Updates(map[string]any{
		"created_at": midnight.Add(-10 * time.Second).UTC(), "fin_time": midnight.Add(5 * time.Second).Format("20060102150405")}).Error)
	today, err := e.svc.DayStats(t.Context(), admin, midnight.Format("2006-01-02"))
	must(t, err)
	yesterday, err := e.svc.DayStats(t.Context(), admin, midnight.AddDate(0, 0, -1).Format("2006-01-02"))
	must(t, err)
	if today.PayAmount != 777 || today.ByHour[0].Amount != 777 || yesterday.PayAmount != 0 {
		t.Fatalf("today %d (hour 0: %d), yesterday %d; want 777, 777, 0", today.PayAmount, today.ByHour[0].Amount, yesterday.PayAmount)
	}
}
