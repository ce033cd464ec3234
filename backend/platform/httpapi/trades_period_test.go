package httpapi_test

import (
	"context"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// TestTradePeriodOverHTTP: trades/totals, trades/period-stats and trades/stores through the
// client: totals and statistics of today's period agree with the payments made, a cashier
// cannot ask for another cashier's trades nor list stores, and a period over the span is
// refused with its code and limit.
func TestTradePeriodOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, admin, cashier := e.adminAndCashier(t)
	if _, err := e.api.Pay(ctx, admin, platform.PayInput{Amount: 1234, AuthCode: wechatOK, Source: "manual"}); err != nil {
		t.Fatal(err)
	}
	theirs, err := e.api.Pay(ctx, cashier, platform.PayInput{Amount: 500, AuthCode: alipayOK, Source: "manual"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.api.Refund(ctx, cashier, platform.ReverseInput{TradeNo: theirs.ReqSN, Amount: 100, AdminPassword: ownerPassword}); err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(platform.ChinaTime)
	week := platform.TradeFilter{From: now.AddDate(0, 0, -6).Format("2006-01-02"), To: now.Format("2006-01-02")}
	tot, err := e.api.TradeTotals(ctx, admin, week)
	if err != nil || *tot != (platform.TradeTotals{Count: 3, PayCount: 2, PayAmount: 1734, RefundCount: 1, RefundAmount: 100, NetAmount: 1634}) {
		t.Fatalf("admin totals %+v, %v", tot, err)
	}
	st, err := e.api.PeriodStats(ctx, admin, week)
	if err != nil || len(st.ByDay) != 7 || st.ByDay[6].Amount != 1734 || st.ByDay[6].Net != 1634 || st.NetAmount != 1634 {
		t.Fatalf("admin period stats %+v, %v", st, err)
	}
	mine := week
	mine.Cashier = "02"
	if tot, err := e.api.TradeTotals(ctx, cashier, mine); err != nil || tot.PayAmount != 500 || tot.NetAmount != 400 {
		t.Fatalf("cashier totals %+v, %v", tot, err)
	}
	mine.Cashier = "01"
	_, err = e.api.TradeTotals(ctx, cashier, mine)
	wantCode(t, err, domain.CodeForbidden)
	_, err = e.api.TradeStores(ctx, cashier)
	wantCode(t, err, domain.CodeForbidden)
	if stores, err := e.api.TradeStores(ctx, admin); err != nil || len(stores) == 0 {
		t.Fatalf("stores %+v, %v", stores, err)
	}
	long := platform.TradeFilter{From: now.AddDate(0, 0, -100).Format("2006-01-02"), To: week.To}
	_, err = e.api.ListTrades(ctx, admin, long)
	if de := wantCode(t, err, domain.CodeRangeTooLong); de.Params["maxDays"] != float64(platform.DefaultMaxRangeDays) {
		t.Fatalf("params %v", de.Params)
	}
}
