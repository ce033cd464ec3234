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
	results := make(chan error, 16)
	for range 16 {
		wg.Go(func() {
			_, err := p.Pay(context.Background(), gateway.PayRequest{ReqSN: "SAME", Amount: 10, AuthCode: "281234567890123400"})
			results <- err
		})
	}
	wg.Wait()
	close(results)
	ok, dup := 0, 0
	for err := range results {
		if err == nil {
			ok++
		} else if f, isF := gateway.AsFailed(err); isF && f.Result.TrxStatus == "3888" {
			dup++
		} else {
			t.Fatalf("unexpected: %v", err)
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
