package services_test

import (
	"testing"
	"time"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
)

// payAsync starts Pay in the background and returns the channel of its outcome.
func payAsync(h *harness, amount, code string) <-chan *platform.Trade {
	done := make(chan *platform.Trade, 1)
	go func() {
		tr, err := h.pay.Pay(amount, code, "")
		if err != nil {
			h.t.Errorf("Pay: %v", err)
		}
		done <- tr
	}()
	return done
}

// waitProgress waits for a pay:progress event with at least n bank queries and returns it.
func waitProgress(t *testing.T, h *harness, n int) events.Progress {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if ps := h.rec.Named(events.PayProgress); len(ps) > 0 {
			if p := ps[len(ps)-1].(events.Progress); p.Queries >= n {
				return p
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no pay:progress with %d bank queries", n)
	return events.Progress{}
}

func TestCancelClosesTheWaitingPaymentAtOnce(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	start := time.Now()
	done := payAsync(h, "8.88", wechat(31, "91")) // waits for the customer until closed
	p := waitProgress(t, h, 1)
	if err := h.pay.Cancel(); err != nil {
		t.Fatalf("Cancel: %v", err)
	}
	tr := <-done
	if tr == nil || tr.ID != p.TradeID || tr.Status != string(domain.StatusClosed) {
		t.Fatalf("Pay after 撤销本笔 = %+v; want the trade closed", tr)
	}
	if d := time.Since(start); d >= time.Duration(fastPoll.WindowMs)*time.Millisecond {
		t.Fatalf("closed after %v: the poll window closed it, not 撤销本笔", d)
	}
	if bank := h.simTrades(); len(bank) != 1 || bank[0]["status"] != "3088" {
		t.Fatalf("bank = %+v, want one trade closed (3088)", bank)
	}
	if err := h.pay.Cancel(); domain.CodeOf(err) != domain.CodePayNotInFlight {
		t.Fatalf("Cancel with nothing in flight: %v", err)
	}
}

func TestCancelAskedBeforeTheFirstAnswerClosesOnceItComes(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	done := payAsync(h, "1.00", wechat(32, "91"))
	for h.pay.Cancel() != nil { // until Pay has begun; the trade is not known yet
		time.Sleep(time.Millisecond)
	}
	if tr := <-done; tr == nil || tr.Status != string(domain.StatusClosed) {
		t.Fatalf("Pay = %+v; want closed", tr)
	}
}

// TestProgressCountsTheBankQueries: the desktop asks the platform every 100 ms, the platform
// asks the bank every 400 ms; progress shows the bank's count, not the desktop's.
func TestProgressCountsTheBankQueries(t *testing.T) {
	h := newHarnessPolling(t, desktop.PollConfig{FirstMs: 100, EveryMs: 400, WindowMs: 10_000, SweepMs: 500})
	h.loginAdmin()
	done := payAsync(h, "2.00", wechat(33, "91"))
	waitProgress(t, h, 3)
	if err := h.pay.Cancel(); err != nil {
		t.Fatal(err)
	}
	tr := <-done
	ps := h.rec.Named(events.PayProgress)
	last := 0
	for _, e := range ps {
		p := e.(events.Progress)
		if p.Queries < last || p.Queries > tr.Queries {
			t.Fatalf("progress says %d queries after %d; the bank was queried %d times", p.Queries, last, tr.Queries)
		}
		last = p.Queries
	}
	if last < 3 || len(ps) < 2*last {
		t.Fatalf("last progress says %d queries", last)
	}
}
