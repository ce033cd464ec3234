package platform

import (
	"fmt"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// rangeEnv is a ledger written by hand: two cashiers and an admin in 一号店, a cashier in
// 二号店, and trades at the edges of the days 2026-03-01 … 2026-03-03 (China time).
type rangeEnv struct {
	*payEnv
	admin, alice, bob, carol Creds
	aliceAcct                string
	other                    store.Store
	seq                      int
}

// loginAs logs in a new account at st and returns its creds and stored rows.
func (e *rangeEnv) loginAs(st store.Store, role domain.Role) (Creds, store.Cashier, store.Terminal) {
	c := e.login(st, role, "cashier123")
	var cs store.Cashier
	var term store.Terminal
	must(e.t, e.db.Order("id DESC").First(&cs).Error)
	must(e.t, e.db.Order("id DESC").First(&term).Error)
	return c, cs, term
}

// put writes one trade made by cs at term at the China time at ("2006-01-02 15:04:05").
func (e *rangeEnv) put(cs store.Cashier, term store.Terminal, at, kind, status, channel string, amount int64) {
	e.seq++
	when, err := time.ParseInLocation("2006-01-02 15:04:05", at, ChinaTime)
	must(e.t, err)
	must(e.t, e.db.Create(&store.Trade{MerchantID: cs.MerchantID, ReqSN: fmt.Sprintf("R%023d", e.seq),
		StoreID: term.StoreID, TerminalID: term.ID, CashierID: cs.ID, CashierAccount: cs.Account,
		Kind: kind, Status: status, Channel: channel, Amount: amount, CreatedAt: when.UTC()}).Error)
}

func newRangeEnv(t *testing.T) *rangeEnv {
	e := &rangeEnv{payEnv: newPayEnv(t, "MD5", testPoll)}
	e.other = store.Store{MerchantID: e.merchant.ID, Name: "二号店"}
	must(t, e.db.Create(&e.other).Error)
	e.admin = e.login(e.store, domain.RoleAdmin, adminPW)
	var a, b, c store.Cashier
	var ta, tb, tc store.Terminal
	e.alice, a, ta = e.loginAs(e.store, domain.RoleCashier)
	e.bob, b, tb = e.loginAs(e.store, domain.RoleCashier)
	e.carol, c, tc = e.loginAs(e.other, domain.RoleCashier)
	e.aliceAcct = a.Account
	e.put(a, ta, "2026-02-28 23:59:59", "pay", "success", "wechat", 9999) // before the period
	e.put(a, ta, "2026-03-01 10:00:00", "pay", "success", "wechat", 1000)
	e.put(a, ta, "2026-03-01 23:59:59", "pay", "success", "alipay", 2000)
	e.put(a, ta, "2026-03-02 00:00:00", "pay", "cancelled", "wechat", 500) // voided later: still moved money
	e.put(a, ta, "2026-03-02 00:05:00", "cancel", "success", "wechat", 500)
	e.put(a, ta, "2026-03-02 09:00:00", "pay", "failed", "wechat", 700) // counted, moves nothing
	e.put(a, ta, "2026-03-03 12:00:00", "pay", "success", "unionpay", 3000)
	e.put(a, ta, "2026-03-03 12:30:00", "refund", "success", "unionpay", 1200)
	e.put(a, ta, "2026-03-04 00:00:00", "pay", "success", "wechat", 8888) // after the period
	e.put(b, tb, "2026-03-02 15:00:00", "pay", "success", "wechat", 4000)
	e.put(c, tc, "2026-03-02 16:00:00", "pay", "success", "alipay", 6000) // 二号店
	return e
}

// march is the period 2026-03-01 … 2026-03-03.
var march = TradeFilter{From: "2026-03-01", To: "2026-03-03"}

// TestTradeTotalsByHand: the totals of a period match sums worked out by hand, for every
// scope (admin, channel, cashier filter, a cashier, another store) and equal the list's count.
func TestTradeTotalsByHand(t *testing.T) {
	e := newRangeEnv(t)
	with := func(mod func(*TradeFilter)) TradeFilter { f := march; mod(&f); return f }
	cases := []struct {
		name  string
		who   Creds
		f     TradeFilter
		want  TradeTotals
		count int64
	}{
		{"admin", e.admin, march, TradeTotals{Count: 8, PayCount: 5, PayAmount: 10500, CancelCount: 1, CancelAmount: 500,
			RefundCount: 1, RefundAmount: 1200, NetAmount: 8800}, 8},
		{"admin wechat", e.admin, with(func(f *TradeFilter) { f.Channel = "wechat" }), TradeTotals{Count: 5, PayCount: 3,
			PayAmount: 5500, CancelCount: 1, CancelAmount: 500, NetAmount: 5000}, 5},
		{"admin alice", e.admin, with(func(f *TradeFilter) { f.Cashier = e.aliceAcct }), TradeTotals{Count: 7, PayCount: 4,
			PayAmount: 6500, CancelCount: 1, CancelAmount: 500, RefundCount: 1, RefundAmount: 1200, NetAmount: 4800}, 7},
		{"alice", e.alice, march, TradeTotals{Count: 7, PayCount: 4, PayAmount: 6500, CancelCount: 1, CancelAmount: 500,
			RefundCount: 1, RefundAmount: 1200, NetAmount: 4800}, 7},
		{"admin 二号店", e.admin, with(func(f *TradeFilter) { f.StoreID = e.other.ID }), TradeTotals{Count: 1, PayCount: 1,
			PayAmount: 6000, NetAmount: 6000}, 1},
		{"one day", e.admin, TradeFilter{Day: "2026-03-02"}, TradeTotals{Count: 4, PayCount: 2, PayAmount: 4500,
			CancelCount: 1, CancelAmount: 500, NetAmount: 4000}, 4},
	}
	for _, c := range cases {
		got, err := e.svc.TradeTotals(t.Context(), c.who, c.f)
		must(t, err)
		if *got != c.want {
			t.Errorf("%s: totals %+v; want %+v", c.name, *got, c.want)
		}
		page, err := e.svc.ListTrades(t.Context(), c.who, c.f)
		must(t, err)
		if page.Total != c.count || page.MaxDays != DefaultMaxRangeDays {
			t.Errorf("%s: list total %d (max %d); want %d", c.name, page.Total, page.MaxDays, c.count)
		}
	}
}

// TestTradePeriodRules: a period longer than the span is refused with its length and the
// limit; dates that do not parse or run backwards are refused by field; one end alone is a day.
func TestTradePeriodRules(t *testing.T) {
	e := newRangeEnv(t)
	ctx := t.Context()
	_, err := e.svc.ListTrades(ctx, e.admin, TradeFilter{From: "2026-01-01", To: "2026-04-03"})
	de := wantCode(t, err, domain.CodeRangeTooLong)
	if de.Params["days"] != 92+1 || de.Params["maxDays"] != DefaultMaxRangeDays {
		t.Fatalf("params %v", de.Params)
	}
	if _, err := e.svc.TradeTotals(ctx, e.admin, TradeFilter{From: "2026-01-01", To: "2026-04-03"}); domain.CodeOf(err) != domain.CodeRangeTooLong {
		t.Fatalf("totals over the span: %v", err)
	}
	if _, err := e.svc.PeriodStats(ctx, e.admin, TradeFilter{From: "2026-01-01", To: "2026-04-03"}); domain.CodeOf(err) != domain.CodeRangeTooLong {
		t.Fatalf("stats over the span: %v", err)
	}
	if _, err := e.svc.ListTrades(ctx, e.admin, TradeFilter{From: "2026-01-01", To: "2026-04-02"}); err != nil {
		t.Fatalf("92 days: %v", err)
	}
	for f, field := range map[TradeFilter]string{{From: "2026/03/01"}: "from", {From: "2026-03-01", To: "03-02"}: "to",
		{From: "2026-03-03", To: "2026-03-01"}: "to"} {
		if de := wantCode(t, func() error { _, err := e.svc.ListTrades(ctx, e.admin, f); return err }(), domain.CodeInvalidInput); de.Field != field {
			t.Errorf("%+v: field %q; want %q", f, de.Field, field)
		}
	}
	page, err := e.svc.ListTrades(ctx, e.admin, TradeFilter{To: "2026-03-01"})
	must(t, err)
	if page.Total != 2 {
		t.Fatalf("To alone: %d trades; want the 2 of that day", page.Total)
	}
	short, err := New(Options{DB: e.db, Gateway: e.svc.gateway, MaxRangeDays: 2})
	must(t, err)
	if _, err := short.ListTrades(ctx, e.admin, march); domain.CodeOf(err) != domain.CodeRangeTooLong {
		t.Fatalf("configured span of 2 days allowed 3: %v", err)
	}
}

// TestTradePeriodRoles: a cashier cannot ask for another cashier's trades and a store filter
// only narrows their own; an admin may query another store of the merchant only.
func TestTradePeriodRoles(t *testing.T) {
	e := newRangeEnv(t)
	ctx := t.Context()
	f := march
	f.Cashier = e.aliceAcct
	if _, err := e.svc.ListTrades(ctx, e.bob, f); domain.CodeOf(err) != domain.CodeForbidden {
		t.Fatalf("bob lists alice's trades: %v", err)
	}
	if _, err := e.svc.TradeTotals(ctx, e.bob, f); domain.CodeOf(err) != domain.CodeForbidden {
		t.Fatalf("bob sums alice's trades: %v", err)
	}
	f = march
	f.StoreID = e.other.ID
	if page, err := e.svc.ListTrades(ctx, e.alice, f); err != nil || page.Total != 0 {
		t.Fatalf("alice asking for 二号店: %+v, %v; want none of hers", page, err)
	}
	if page, err := e.svc.ListTrades(ctx, e.carol, f); err != nil || page.Total != 1 {
		t.Fatalf("carol in her store: %+v, %v", page, err)
	}
	far := store.Merchant{MerchantNo: "999999999999999", Name: "别家"}
	must(t, e.db.Create(&far).Error)
	farStore := store.Store{MerchantID: far.ID, Name: "别家店"}
	must(t, e.db.Create(&farStore).Error)
	f.StoreID = farStore.ID
	if _, err := e.svc.ListTrades(ctx, e.admin, f); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("admin lists another merchant's store: %v", err)
	}
	stores, err := e.svc.TradeStores(ctx, e.admin)
	must(t, err)
	if len(stores) != 2 || stores[0].Name != "一号店" || stores[1].Name != "二号店" {
		t.Fatalf("stores %+v", stores)
	}
	if _, err := e.svc.TradeStores(ctx, e.alice); domain.CodeOf(err) != domain.CodeForbidden {
		t.Fatalf("cashier lists stores: %v", err)
	}
}

// TestTradePeriodPagesByKey: BeforeID pages through a period newest first, every trade once.
func TestTradePeriodPagesByKey(t *testing.T) {
	e := newRangeEnv(t)
	f := march
	f.Limit = 3
	var got []string
	for {
		page, err := e.svc.ListTrades(t.Context(), e.admin, f)
		must(t, err)
		for _, tr := range page.Trades {
			got = append(got, tr.ReqSN)
		}
		if len(page.Trades) < f.Limit {
			break
		}
		f.BeforeID = page.Trades[len(page.Trades)-1].ID
	}
	all, err := e.svc.ListTrades(t.Context(), e.admin, TradeFilter{From: march.From, To: march.To, Limit: 100})
	must(t, err)
	if len(got) != 8 || len(all.Trades) != 8 {
		t.Fatalf("keyset pages %v; list %d", got, len(all.Trades))
	}
	for i, tr := range all.Trades {
		if got[i] != tr.ReqSN {
			t.Fatalf("page order %v differs from the list at %d", got, i)
		}
	}
}

// TestPeriodStatsByDay: every day of the period is there, oldest first, with its payments
// and net; the channel split covers the period.
func TestPeriodStatsByDay(t *testing.T) {
	e := newRangeEnv(t)
	st, err := e.svc.PeriodStats(t.Context(), e.admin, march)
	must(t, err)
	want := []DaySum{{"2026-03-01", 2, 3000, 3000}, {"2026-03-02", 2, 4500, 4000}, {"2026-03-03", 1, 3000, 1800}}
	if len(st.ByDay) != 3 || st.From != "2026-03-01" || st.To != "2026-03-03" || st.Day != "" || st.StoreName != "一号店" {
		t.Fatalf("stats %+v", st)
	}
	for i, d := range want {
		if st.ByDay[i] != d {
			t.Errorf("day %d: %+v; want %+v", i, st.ByDay[i], d)
		}
	}
	if st.PayAmount != 10500 || st.NetAmount != 8800 || len(st.ByChannel) != 3 || st.ByChannel[2] != (ChannelStats{"wechat", 3, 5500}) {
		t.Fatalf("sums %+v", st)
	}
	one, err := e.svc.PeriodStats(t.Context(), e.admin, TradeFilter{Day: "2026-03-02", Channel: "alipay"})
	must(t, err)
	if one.Day != "2026-03-02" || one.PayCount != 0 || len(one.ByDay) != 1 {
		t.Fatalf("one day of alipay in 一号店: %+v", one)
	}
}
