package services_test

import (
	"strings"
	"sync"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
)

func TestPaySuccessIsListedAndReported(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	code := wechat(1, "00")
	tr, err := h.pay.Pay("0.01", code, "")
	if err != nil {
		t.Fatalf("Pay: %v", err)
	}
	if tr.Status != string(domain.StatusSuccess) || tr.Amount != 1 || tr.Channel != string(domain.ChannelWeChat) || tr.Source != "manual" {
		t.Fatalf("trade = %+v", tr)
	}
	if strings.Contains(tr.CodeMasked, code[:10]) {
		t.Fatalf("trade shows the payment code unmasked: %q", tr.CodeMasked)
	}
	results := h.rec.Named(events.PayResult)
	if len(results) != 1 || results[0].(*platform.Trade).ID != tr.ID {
		t.Fatalf("pay:result events = %+v", results)
	}
	page, err := h.trades.List(platform.TradeFilter{})
	if err != nil || page.Total != 1 || page.Trades[0].ReqSN != tr.ReqSN {
		t.Fatalf("List() = %+v, %v", page, err)
	}
	stats, err := h.trades.Stats("")
	if err != nil || stats.PayCount != 1 || stats.PayAmount != 1 {
		t.Fatalf("Stats() = %+v, %v", stats, err)
	}
	sim := h.simTrades()
	if len(sim) != 1 || sim[0]["reqsn"] != tr.ReqSN {
		t.Fatalf("simulator ledger = %+v", sim)
	}
	if log := h.logText(); strings.Contains(log, code) || !strings.Contains(log, "pay done") {
		t.Fatal("the log holds the full payment code, or no pay line at all")
	}
}

func TestPayProcessingEmitsProgressThenSucceeds(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	tr, err := h.pay.Pay("12.30", wechat(2, "90"), "manual")
	if err != nil {
		t.Fatalf("Pay: %v", err)
	}
	if tr.Status != string(domain.StatusSuccess) || tr.Amount != 1230 {
		t.Fatalf("trade = %+v, want success 1230", tr)
	}
	progress := h.rec.Named(events.PayProgress)
	if len(progress) == 0 {
		t.Fatal("no pay:progress while the payment was processing")
	}
	first := progress[0].(events.Progress)
	if first.TradeID != tr.ID || first.Status != string(domain.StatusPending) || first.Queries != 0 {
		t.Fatalf("first progress = %+v", first)
	}
	for i := 1; i < len(progress); i++ {
		if progress[i].(events.Progress).Queries < progress[i-1].(events.Progress).Queries {
			t.Fatalf("bank queries going down: %+v", progress)
		}
	}
	if all := h.rec.Events(); all[len(all)-1].Name != events.PayResult {
		t.Fatalf("last event = %s, want pay:result", all[len(all)-1].Name)
	}
}

func TestPayDeclinedRejectsWithTheReasonAndReportsTheTrade(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	_, err := h.pay.Pay("5", wechat(3, "92"), "")
	e := codeOf(t, err, domain.CodePayFailed)
	if !strings.Contains(e.Message, "余额不足") {
		t.Fatalf("message = %q, want the acquirer's reason", e.Message)
	}
	results := h.rec.Named(events.PayResult)
	if len(results) != 1 || results[0].(*platform.Trade).Status != string(domain.StatusFailed) {
		t.Fatalf("pay:result = %+v, want the failed trade", results)
	}
}

func TestBadInputNeverReachesTheSimulator(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	ok := wechat(4, "00")
	for _, c := range []struct {
		amount, code string
		want         domain.Code
	}{
		{"", ok, domain.CodeAmountEmpty},
		{"1.234", ok, domain.CodeAmountDecimals},
		{"-1", ok, domain.CodeAmountNegative},
		{"1,5", ok, domain.CodeAmountSeparator},
		{"1e3", ok, domain.CodeAmountInvalid},
		{"0.00", ok, domain.CodeAmountZero},
		{"50000.01", ok, domain.CodeAmountTooLarge},
		{"1.00", "", domain.CodePayCodeInvalid},
		{"1.00", "12345", domain.CodePayCodeInvalid},
		{"1.00", "99999999999999999999", domain.CodePayCodeInvalid},
		{"1.00", "13456789012345670a", domain.CodePayCodeInvalid},
	} {
		_, err := h.pay.Pay(c.amount, c.code, "")
		codeOf(t, err, c.want)
	}
	codeOf(t, errOnly(h.pay.Pay("1", ok, "voice")), domain.CodeInvalidInput)
	if n := len(h.simTrades()); n != 0 {
		t.Fatalf("simulator saw %d trades for invalid input", n)
	}
	if page, _ := h.trades.List(platform.TradeFilter{}); page.Total != 0 {
		t.Fatalf("ledger has %d trades for invalid input", page.Total)
	}
}

func TestOnlyOnePaymentAtATime(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = h.pay.Pay("1", wechat(10+i, "90"), "")
		}()
	}
	wg.Wait()
	var busy, paid int
	for _, err := range errs {
		switch {
		case err == nil:
			paid++
		case domain.CodeOf(err) == domain.CodePayInFlight:
			busy++
		}
	}
	if busy != 1 || paid != 1 {
		t.Fatalf("two concurrent payments gave %v; want one paid, one pay_in_flight", errs)
	}
	if h.core.Paying() {
		t.Fatal("Paying() still true after both calls returned")
	}
}

func TestPendingListsUnresolvedTrades(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	if _, err := h.pay.Pay("1", wechat(20, "00"), ""); err != nil {
		t.Fatal(err)
	}
	list, err := h.pay.Pending()
	if err != nil || len(list) != 0 {
		t.Fatalf("Pending() = %+v, %v; want none", list, err)
	}
}

func TestPayNeedsALogin(t *testing.T) {
	h := newHarness(t)
	h.initialise()
	codeOf(t, errOnly(h.pay.Pay("1", wechat(30, "00"), "")), domain.CodeUnauthenticated)
	if n := len(h.simTrades()); n != 0 {
		t.Fatalf("simulator saw %d trades without a login", n)
	}
}
