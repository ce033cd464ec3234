package platform

import (
	"net/http"
	"sync"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// alipayCode is a simulator Alipay code of the given outcome (gateway/sybsim doc).
func (e *payEnv) alipayCode(outcome int) string {
	return "28" + e.code(outcome)[2:]
}

// handover closes c's shift and fails t on an error.
func handover(t *testing.T, e *payEnv, c Creds) *Handover {
	t.Helper()
	h, err := e.svc.Handover(t.Context(), c)
	if err != nil {
		t.Fatalf("Handover: %v", err)
	}
	return h
}

// TestHandoverSumsTheShift: counts and sums by channel, voids, refunds, failed attempts and
// the net of the trades since the previous handover; the next handover starts where it ended
// and reports nothing twice; the preview says the same without closing anything.
func TestHandoverSumsTheShift(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	e.login(e.store, domain.RoleAdmin, adminPW)
	c := e.login(e.store, domain.RoleCashier, "cashier123")
	paidTrade(t, e, c, 1000)
	b, err := e.svc.Pay(t.Context(), c, PayInput{Amount: 500, AuthCode: e.alipayCode(0)})
	if err != nil || b.Channel != string(domain.ChannelAlipay) {
		t.Fatalf("alipay pay %+v, %v", b, err)
	}
	_, err = e.svc.Refund(t.Context(), c, ReverseInput{TradeNo: b.ReqSN, Amount: 200, AdminPassword: adminPW})
	must(t, err)
	if _, err := e.svc.Pay(t.Context(), c, PayInput{Amount: 300, AuthCode: e.code(92)}); domain.CodeOf(err) != domain.CodePayFailed {
		t.Fatalf("declined pay: %v", err)
	}
	d := paidTrade(t, e, c, 700)
	_, err = e.svc.Cancel(t.Context(), c, ReverseInput{TradeNo: d.ReqSN, AdminPassword: adminPW})
	must(t, err)

	want := HandoverSums{PayCount: 3, PayAmount: 2200, CancelCount: 1, CancelAmount: 700, RefundCount: 1,
		RefundAmount: 200, FailedCount: 1, NetAmount: 1300}
	pre, err := e.svc.HandoverPreview(t.Context(), c)
	must(t, err)
	wantSums(t, "preview", pre.Sums, want)
	if pre.No != "" || pre.Seq != 1 {
		t.Fatalf("preview %+v", pre)
	}
	h1 := handover(t, e, c)
	wantSums(t, "handover 1", h1.Sums, want)
	if h1.No == "" || h1.Seq != 1 || h1.Cashier == "" || h1.StoreName != e.store.Name || h1.From.After(h1.To) {
		t.Fatalf("handover 1 %+v", h1)
	}
	wantChannel := []HandoverChannel{
		{Channel: "alipay", PayCount: 1, PayAmount: 500, ReverseCount: 1, ReverseAmount: 200, NetAmount: 300},
		{Channel: "wechat", PayCount: 2, PayAmount: 1700, ReverseCount: 1, ReverseAmount: 700, NetAmount: 1000},
	}
	if len(h1.Sums.ByChannel) != 2 || h1.Sums.ByChannel[0] != wantChannel[0] || h1.Sums.ByChannel[1] != wantChannel[1] {
		t.Fatalf("by channel %+v; want %+v", h1.Sums.ByChannel, wantChannel)
	}
	h2 := handover(t, e, c)
	wantSums(t, "handover 2", h2.Sums, HandoverSums{})
	if h2.Seq != 2 || !h2.From.Equal(h1.To) {
		t.Fatalf("handover 2 %+v does not start where 1 ended (%v)", h2, h1.To)
	}
}

// wantSums compares the totals of got with want (lists aside).
func wantSums(t *testing.T, what string, got, want HandoverSums) {
	t.Helper()
	g := [8]int64{got.PayCount, got.PayAmount, got.CancelCount, got.CancelAmount, got.RefundCount, got.RefundAmount, got.FailedCount, got.NetAmount}
	w := [8]int64{want.PayCount, want.PayAmount, want.CancelCount, want.CancelAmount, want.RefundCount, want.RefundAmount, want.FailedCount, want.NetAmount}
	if g != w {
		t.Fatalf("%s sums %+v; want %+v", what, got, want)
	}
}

// TestHandoverPendingCountsOnTheNext: a trade still 待确认 at handover 1 is named there and not
// counted; once it settles, handover 2 counts it (and says it is a late one), never both.
func TestHandoverPendingCountsOnTheNext(t *testing.T) {
	e := newPayEnv(t, "MD5", closePoll)
	c := e.login(e.store, domain.RoleCashier, "cashier123")
	release := make(chan struct{})
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/apiweb/tranx/query" {
			<-release // the bank does not answer queries until the test lets it
		}
		return false
	})
	tr, err := e.svc.Pay(t.Context(), c, PayInput{Amount: 888, AuthCode: e.code(90)})
	if err != nil || tr.Status != string(domain.StatusPending) {
		t.Fatalf("Pay = %+v, %v; want pending", tr, err)
	}
	h1 := handover(t, e, c)
	wantSums(t, "handover 1", h1.Sums, HandoverSums{})
	if len(h1.Sums.Open) != 1 || h1.Sums.Open[0].ReqSN != tr.ReqSN || h1.Sums.Open[0].Amount != 888 {
		t.Fatalf("handover 1 open %+v; want %s", h1.Sums.Open, tr.ReqSN)
	}
	close(release)
	e.waitStatus(c, tr.ID, domain.StatusSuccess)
	h2 := handover(t, e, c)
	wantSums(t, "handover 2", h2.Sums, HandoverSums{PayCount: 1, PayAmount: 888, NetAmount: 888})
	if len(h2.Sums.Open) != 0 || len(h2.Sums.Late) != 1 || h2.Sums.Late[0].ReqSN != tr.ReqSN || h2.Sums.Late[0].Status != "success" {
		t.Fatalf("handover 2 open %+v late %+v", h2.Sums.Open, h2.Sums.Late)
	}
	h3 := handover(t, e, c)
	wantSums(t, "handover 3", h3.Sums, HandoverSums{})
	if len(h3.Sums.Late) != 0 {
		t.Fatalf("handover 3 late %+v", h3.Sums.Late)
	}
}

// TestHandoverVisibility: an admin lists every handover of the store (and filters by
// account), a cashier only their own; naming another account is forbidden; another store's
// handovers are not the admin's.
func TestHandoverVisibility(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	c1 := e.login(e.store, domain.RoleCashier, "cashier123")
	c2 := e.login(e.store, domain.RoleCashier, "cashier123")
	other := store.Store{MerchantID: e.merchant.ID, Name: "二号店"}
	must(t, e.db.Create(&other).Error)
	c3 := e.login(other, domain.RoleCashier, "cashier123")
	paidTrade(t, e, c1, 100)
	h1, h2 := handover(t, e, c1), handover(t, e, c2)
	handover(t, e, c3)
	handover(t, e, admin)

	page, err := e.svc.Handovers(t.Context(), admin, HandoverFilter{})
	must(t, err)
	if page.Total != 3 || len(page.Handovers) != 3 {
		t.Fatalf("admin sees %d handovers; want the store's 3: %+v", page.Total, page.Handovers)
	}
	for _, h := range page.Handovers {
		if h.StoreName != e.store.Name {
			t.Fatalf("admin sees another store's handover %+v", h)
		}
	}
	page, err = e.svc.Handovers(t.Context(), admin, HandoverFilter{Account: h2.Cashier})
	must(t, err)
	if page.Total != 1 || page.Handovers[0].No != h2.No {
		t.Fatalf("admin filtered by %s: %+v", h2.Cashier, page.Handovers)
	}
	page, err = e.svc.Handovers(t.Context(), c1, HandoverFilter{})
	must(t, err)
	if page.Total != 1 || page.Handovers[0].No != h1.No || page.Handovers[0].Sums.PayAmount != 100 {
		t.Fatalf("cashier sees %+v; want only their own %s", page.Handovers, h1.No)
	}
	_, err = e.svc.Handovers(t.Context(), c1, HandoverFilter{Account: h2.Cashier})
	if domain.CodeOf(err) != domain.CodeForbidden {
		t.Fatalf("cashier asking for another's handovers: %v; want forbidden", err)
	}
}

// TestConcurrentHandoversChain: eight handovers of one cashier and terminal at once chain
// without overlap: each succeeds or says conflict, their numbers run 1…n, each starts where
// the previous ended, and every trade is counted by exactly one.
func TestConcurrentHandoversChain(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	c := e.login(e.store, domain.RoleCashier, "cashier123")
	for range 5 {
		paidTrade(t, e, c, 100)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var made []*Handover
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h, err := e.svc.Handover(t.Context(), c)
			if err != nil && domain.CodeOf(err) != domain.CodeConflict {
				t.Errorf("Handover: %v", err)
				return
			}
			if err == nil {
				mu.Lock()
				made = append(made, h)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	bySeq := map[int]*Handover{}
	var counted int64
	for _, h := range made {
		if bySeq[h.Seq] != nil {
			t.Fatalf("two handovers numbered %d", h.Seq)
		}
		bySeq[h.Seq] = h
		counted += h.Sums.PayCount
	}
	if counted != 5 || len(made) == 0 {
		t.Fatalf("%d handovers counted %d pays; want each of 5 once", len(made), counted)
	}
	for i := 2; i <= len(made); i++ {
		if bySeq[i] == nil || bySeq[i-1] == nil || !bySeq[i].From.Equal(bySeq[i-1].To) {
			t.Fatalf("handover %d does not follow %d: %+v", i, i-1, bySeq)
		}
	}
	var unclaimed int64
	must(t, e.db.Model(&store.Trade{}).Where("handover_id IS NULL").Count(&unclaimed).Error)
	if unclaimed != 0 {
		t.Fatalf("%d trades not claimed by any handover", unclaimed)
	}
}
