package platform

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

// countingProvider is the env's real client, counting the queries one server sends.
type countingProvider struct {
	gateway.Provider
	queries atomic.Int32
}

func (c *countingProvider) Query(ctx context.Context, req gateway.QueryRequest) (*gateway.Result, error) {
	c.queries.Add(1)
	return c.Provider.Query(ctx, req)
}

// TestStartHonoursLeases: two servers share one database. While server A drives a pending
// payment (its lease is valid), server B starting up must leave it alone. When A stops
// gracefully it hands its open trades back (lease ended), and B's sweep takes them over.
func TestStartHonoursLeases(t *testing.T) {
	poll := testPoll
	poll.Lease = 5 * time.Second
	poll.Window = time.Second
	e := newPayEnv(t, "MD5", poll)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 300, AuthCode: e.code(91)})
	if err != nil || tr.Status != string(domain.StatusPending) {
		t.Fatalf("Pay = %+v, %v", tr, err)
	}
	b := e.newService(e.db, poll)
	bgw := &countingProvider{Provider: e.gw}
	b.gateway = func(*store.Merchant) (gateway.Provider, error) { return bgw, nil }
	must(t, b.Start(t.Context()))
	time.Sleep(300 * time.Millisecond)
	if n := bgw.queries.Load(); n != 0 {
		t.Fatalf("server B queried a trade server A is driving (%d queries)", n)
	}
	e.svc.Stop()
	got := e.waitSettled(creds, tr.ID)
	if got.Status != string(domain.StatusClosed) || bgw.queries.Load() == 0 {
		t.Fatalf("after A stopped: %s, B queries %d; want B to take over and close it", got.Status, bgw.queries.Load())
	}
}
