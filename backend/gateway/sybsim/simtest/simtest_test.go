package simtest_test

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/sybsim/simtest"
)

// TestConcurrentSameReqSN sends one reqsn from many goroutines at once: the bank must record
// exactly one trade, and every other attempt must be told 3888.
func TestConcurrentSameReqSN(t *testing.T) {
	p, sim, base := simtest.Start(t, "MD5")
	var wg sync.WaitGroup
	results := make(chan *gateway.Result, 16)
	for range 16 {
		wg.Go(func() {
			r, err := p.Pay(context.Background(), gateway.PayRequest{ReqSN: "SAME", Amount: 10, AuthCode: "281234567890123400"})
			if err != nil {
				t.Errorf("unexpected: %v", err)
			}
			results <- r
		})
	}
	wg.Wait()
	close(results)
	ok, dup := 0, 0
	for r := range results {
		switch {
		case r == nil:
		case r.State == gateway.StateSuccess:
			ok++
		case r.State == gateway.StateUnknown && r.TrxStatus == "3888": // query the original
			dup++
		default:
			t.Fatalf("unexpected: %+v", r)
		}
	}
	if ok != 1 || dup != 15 || len(sim.Trades()) != 1 {
		t.Fatalf("%d successes, %d duplicates, %d trades", ok, dup, len(sim.Trades()))
	}
	resp, err := http.Get(base + "/_sim/trades")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/_sim/trades: %v", err)
	}
	resp.Body.Close()
}
