package platform

import (
	"fmt"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// reqsns lists the order numbers of a page.
func reqsns(p *TradePage) map[string]bool {
	m := map[string]bool{}
	for _, t := range p.Trades {
		m[t.ReqSN] = true
	}
	return m
}

// TestTradeVisibility: cashiers see only their own trades, an admin every trade of the
// terminal's store and nothing of another store; filters narrow the list.
func TestTradeVisibility(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	other := store.Store{MerchantID: e.merchant.ID, Name: "二号店"}
	must(t, e.db.Create(&other).Error)
	alice := e.login(e.store, domain.RoleCashier, "cashier123")
	bob := e.login(e.store, domain.RoleCashier, "cashier123")
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	farAdmin := e.login(other, domain.RoleAdmin, adminPW)
	a1 := paidTrade(t, e, alice, 100)
	a2, _ := e.svc.Pay(t.Context(), alice, PayInput{Amount: 200, AuthCode: e.code(92)})
	b1 := paidTrade(t, e, bob, 300)
	ctx := t.Context()

	page, err := e.svc.ListTrades(ctx, alice, TradeFilter{})
	must(t, err)
	if got := reqsns(page); page.Total != 2 || !got[a1.ReqSN] || !got[a2.ReqSN] || got[b1.ReqSN] {
		t.Fatalf("alice sees %v (total %d)", got, page.Total)
	}
	if _, err := e.svc.GetTrade(ctx, alice, b1.ID); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("alice reads bob's trade: %v", err)
	}
	page, err = e.svc.ListTrades(ctx, admin, TradeFilter{})
	must(t, err)
	if page.Total != 3 || page.Trades[0].ReqSN != b1.ReqSN || page.Trades[0].CashierAccount == "" || page.Trades[0].StoreName != "一号店" {
		t.Fatalf("admin page %+v", page)
	}
	if page, _ := e.svc.ListTrades(ctx, farAdmin, TradeFilter{}); page.Total != 0 {
		t.Fatalf("admin of another store sees %d trades", page.Total)
	}
	if _, err := e.svc.GetTrade(ctx, farAdmin, a1.ID); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("admin of another store reads a trade: %v", err)
	}

	filters := []struct {
		f    TradeFilter
		want []string
	}{
		{TradeFilter{Status: "failed"}, []string{a2.ReqSN}},
		{TradeFilter{Kind: "refund"}, nil},
		{TradeFilter{TradeNo: a1.ReqSN}, []string{a1.ReqSN}},
		{TradeFilter{TradeNo: b1.TrxID[len(b1.TrxID)-6:]}, []string{b1.ReqSN}},
		{TradeFilter{Day: time.Now().In(ChinaTime).AddDate(0, 0, -1).Format("2006-01-02")}, nil},
		{TradeFilter{Day: time.Now().In(ChinaTime).Format("2006-01-02"), Limit: 1, Offset: 1}, []string{a2.ReqSN}},
	}
	for _, c := range filters {
		page, err := e.svc.ListTrades(ctx, admin, c.f)
		must(t, err)
		got := reqsns(page)
		if len(got) != len(c.want) {
			t.Errorf("filter %+v: %v; want %v", c.f, got, c.want)
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("filter %+v: %v misses %s", c.f, got, w)
			}
		}
	}
	for _, f := range []TradeFilter{{Day: "2024/01/01"}, {Kind: "gift"}, {Status: "weird"}, {TradeNo: "12%"}} {
		if _, err := e.svc.ListTrades(ctx, admin, f); domain.CodeOf(err) != domain.CodeInvalidInput {
			t.Errorf("filter %+v: %v; want %s", f, err, domain.CodeInvalidInput)
		}
	}
}

// TestDayStats sums a day of the store: pays (including the voided one), cancels, refunds,
// per channel and per hour; a cashier's figures cover their own trades only.
func TestDayStats(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	cashier := e.login(e.store, domain.RoleCashier, "cashier123")
	wx := paidTrade(t, e, admin, 1000)
	ali, err := e.svc.Pay(t.Context(), admin, PayInput{Amount: 2000, AuthCode: "28000000000000000001"})
	if err != nil || ali.Status != string(domain.StatusSuccess) {
		t.Fatalf("alipay: %+v, %v", ali, err)
	}
	paidTrade(t, e, cashier, 50)
	e.svc.Pay(t.Context(), admin, PayInput{Amount: 777, AuthCode: e.code(92)}) // failed: not counted
	if _, err := e.svc.Cancel(t.Context(), admin, ReverseInput{TradeNo: wx.ReqSN, AdminPassword: adminPW}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Refund(t.Context(), admin, ReverseInput{TradeNo: ali.ReqSN, Amount: 300, AdminPassword: adminPW}); err != nil {
		t.Fatal(err)
	}
	st, err := e.svc.DayStats(t.Context(), admin, "")
	must(t, err)
	hour := time.Now().In(ChinaTime).Hour()
	if st.PayCount != 3 || st.PayAmount != 3050 || st.CancelCount != 1 || st.CancelAmount != 1000 ||
		st.RefundCount != 1 || st.RefundAmount != 300 || st.NetAmount != 1750 || st.StoreName != "一号店" ||
		len(st.ByHour) != 24 || st.ByHour[hour].Count != 3 || st.ByHour[hour].Amount != 3050 {
		t.Fatalf("admin stats %+v", st)
	}
	want := map[string]int64{"alipay": 2000, "wechat": 1050}
	if len(st.ByChannel) != 2 || st.ByChannel[0].Amount != want[st.ByChannel[0].Channel] || st.ByChannel[1].Amount != want[st.ByChannel[1].Channel] {
		t.Fatalf("by channel %+v", st.ByChannel)
	}
	mine, err := e.svc.DayStats(t.Context(), cashier, time.Now().In(ChinaTime).Format("2006-01-02"))
	must(t, err)
	if mine.PayCount != 1 || mine.PayAmount != 50 || mine.NetAmount != 50 {
		t.Fatalf("cashier stats %+v", mine)
	}
	if _, err := e.svc.DayStats(t.Context(), admin, "yesterday"); domain.CodeOf(err) != domain.CodeInvalidInput {
		t.Fatalf("bad day: %v", err)
	}
}

// TestTradeChannelFilter: 交易查询 narrows by channel (微信/支付宝/云闪付); a refund lists
// under its payment's channel; an unknown channel is refused.
func TestTradeChannelFilter(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	ctx := t.Context()
	pay := func(code string) *Trade {
		tr, err := e.svc.Pay(ctx, admin, PayInput{Amount: 100, AuthCode: code})
		if err != nil || tr.Status != string(domain.StatusSuccess) {
			t.Fatalf("pay %s: %+v, %v", code, tr, err)
		}
		return tr
	}
	n := e.seq.Add(1)
	we := pay(e.code(0))
	ali := pay(fmt.Sprintf("28%08d%06d%02d", time.Now().UnixNano()%100_000_000, n, 0))
	up := pay(fmt.Sprintf("62%09d%06d%02d", time.Now().UnixNano()%1_000_000_000, n, 0))
	ref, err := e.svc.Refund(ctx, admin, ReverseInput{TradeNo: we.ReqSN, Amount: 40, AdminPassword: adminPW})
	must(t, err)
	for ch, want := range map[string][]string{
		"wechat": {we.ReqSN, ref.ReqSN}, "alipay": {ali.ReqSN}, "unionpay": {up.ReqSN},
		"": {we.ReqSN, ref.ReqSN, ali.ReqSN, up.ReqSN},
	} {
		page, err := e.svc.ListTrades(ctx, admin, TradeFilter{Channel: ch})
		must(t, err)
		got := reqsns(page)
		if int(page.Total) != len(want) || len(got) != len(want) {
			t.Errorf("channel %q: %v (total %d); want %v", ch, got, page.Total, want)
		}
		for _, w := range want {
			if !got[w] {
				t.Errorf("channel %q: %v misses %s", ch, got, w)
			}
		}
	}
	if _, err := e.svc.ListTrades(ctx, admin, TradeFilter{Channel: "paypal"}); domain.CodeOf(err) != domain.CodeInvalidInput {
		t.Errorf("channel paypal: %v; want %s", err, domain.CodeInvalidInput)
	}
}
