package sybsim_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/gateway/sybsim/simtest"
)

var seq atomic.Int64

// sn returns a fresh reqsn.
func sn() string { return fmt.Sprintf("T%d%06d", time.Now().UnixNano()%1e9, seq.Add(1)) }

func pay(t *testing.T, p gateway.Provider, code string, amt int64) (string, *gateway.Result, error) {
	t.Helper()
	reqsn := sn()
	r, err := p.Pay(context.Background(), gateway.PayRequest{ReqSN: reqsn, Amount: amt, AuthCode: code, Body: "测试商品"})
	return reqsn, r, err
}

func mustState(t *testing.T, r *gateway.Result, err error, want gateway.State) *gateway.Result {
	t.Helper()
	if want == gateway.StateFailed {
		f, ok := gateway.AsFailed(err)
		if !ok {
			t.Fatalf("want a business failure, got %v", err)
		}
		return f.Result
	}
	if err != nil {
		t.Fatalf("want %s, got error %v", want, err)
	}
	if r.State != want {
		t.Fatalf("want %s, got %s (%s %s)", want, r.State, r.TrxStatus, r.ErrMsg)
	}
	return r
}

func query(t *testing.T, p gateway.Provider, q gateway.QueryRequest) (*gateway.Result, error) {
	t.Helper()
	return p.Query(context.Background(), q)
}

// TestRoundTrip runs pay, query, refund and cancel over real HTTP for every sign type and
// channel, and checks the ledger.
func TestRoundTrip(t *testing.T) {
	codes := map[string]string{"VSP501": "134567890123456700", "VSP511": "281234567890123401", "VSP551": "6212345678901234502"}
	for _, st := range []string{allinpay.SignRSA, allinpay.SignSM2, allinpay.SignMD5} {
		t.Run(st, func(t *testing.T) {
			p, sim, _ := simtest.Start(t, st)
			for trxcode, code := range codes {
				reqsn, r, err := pay(t, p, code, 1234)
				r = mustState(t, r, err, gateway.StateSuccess)
				if r.TrxCode != trxcode || r.Amount != 1234 || r.ReqSN != reqsn || r.TrxID == "" || r.Fields["sign"] == "" {
					t.Fatalf("pay result %+v", r)
				}
				byID, err := query(t, p, gateway.QueryRequest{TrxID: r.TrxID})
				mustState(t, byID, err, gateway.StateSuccess)
				bySN, err := query(t, p, gateway.QueryRequest{ReqSN: reqsn})
				if mustState(t, bySN, err, gateway.StateSuccess).TrxID != r.TrxID {
					t.Fatal("query by reqsn found another trade")
				}
				reverseFlow(t, p, r)
			}
			trades := sim.Trades()
			if len(trades) != 3*5 {
				t.Fatalf("ledger has %d trades, want 15: %+v", len(trades), trades)
			}
		})
	}
}

// reverseFlow refunds part of a 1234-fen pay, refuses an over-refund and a cancel, then
// refunds the rest and queries the refund by its own reqsn.
func reverseFlow(t *testing.T, p gateway.Provider, paid *gateway.Result) {
	t.Helper()
	ctx := context.Background()
	r1 := sn()
	r, err := p.Refund(ctx, gateway.ReverseRequest{ReqSN: r1, Amount: 1000, OldTrxID: paid.TrxID})
	mustState(t, r, err, gateway.StateSuccess)
	r, err = p.Refund(ctx, gateway.ReverseRequest{ReqSN: sn(), Amount: 235, OldReqSN: paid.ReqSN})
	if f := mustState(t, r, err, gateway.StateFailed); f.ErrMsg == "" {
		t.Fatal("over-refund failed without errmsg")
	}
	r, err = p.Cancel(ctx, gateway.ReverseRequest{ReqSN: sn(), Amount: 1234, OldTrxID: paid.TrxID})
	mustState(t, r, err, gateway.StateFailed)
	r, err = p.Refund(ctx, gateway.ReverseRequest{ReqSN: sn(), Amount: 234, OldTrxID: paid.TrxID})
	mustState(t, r, err, gateway.StateSuccess)
	q, err := query(t, p, gateway.QueryRequest{ReqSN: r1})
	if q = mustState(t, q, err, gateway.StateSuccess); q.Amount != 1000 || q.Fields["srctrxid"] != paid.TrxID {
		t.Fatalf("refund query %+v", q.Fields)
	}
}

func TestCancelFullSameDay(t *testing.T) {
	now := time.Date(2026, 3, 1, 23, 59, 0, 0, time.FixedZone("CST", 8*3600))
	var clock atomic.Pointer[time.Time]
	clock.Store(&now)
	p, sim, _ := simtest.StartWith(t, allinpay.SignMD5, func(sc *sybsim.Config, _ *allinpay.Config) {
		sc.Clock = func() time.Time { return *clock.Load() }
	})
	ctx := context.Background()
	_, a, err := pay(t, p, "134567890123456701", 500)
	a = mustState(t, a, err, gateway.StateSuccess)
	r, err := p.Cancel(ctx, gateway.ReverseRequest{ReqSN: sn(), Amount: 499, OldTrxID: a.TrxID})
	mustState(t, r, err, gateway.StateFailed)
	r, err = p.Cancel(ctx, gateway.ReverseRequest{ReqSN: sn(), Amount: 500, OldTrxID: a.TrxID})
	if r = mustState(t, r, err, gateway.StateSuccess); r.TrxCode != "VSP502" {
		t.Fatalf("cancel trxcode %q", r.TrxCode)
	}
	r, err = p.Cancel(ctx, gateway.ReverseRequest{ReqSN: sn(), Amount: 500, OldTrxID: a.TrxID})
	if f := mustState(t, r, err, gateway.StateFailed); f.TrxStatus != "3050" {
		t.Fatalf("second cancel: %s", f.TrxStatus)
	}
	_, b, err := pay(t, p, "281234567890123402", 700)
	b = mustState(t, b, err, gateway.StateSuccess)
	tomorrow := now.Add(2 * time.Minute)
	clock.Store(&tomorrow)
	r, err = p.Cancel(ctx, gateway.ReverseRequest{ReqSN: sn(), Amount: 700, OldTrxID: b.TrxID})
	mustState(t, r, err, gateway.StateFailed)
	r, err = p.Refund(ctx, gateway.ReverseRequest{ReqSN: sn(), Amount: 700, OldTrxID: b.TrxID})
	mustState(t, r, err, gateway.StateSuccess)
	for _, tr := range sim.Trades() {
		if tr.Kind == "pay" && tr.Reversed != tr.Amount {
			t.Fatalf("pay %s reversed %d of %d", tr.ReqSN, tr.Reversed, tr.Amount)
		}
	}
}

func TestDuplicateReqSN(t *testing.T) {
	p, sim, _ := simtest.Start(t, allinpay.SignMD5)
	reqsn, r, err := pay(t, p, "134567890123456703", 100)
	mustState(t, r, err, gateway.StateSuccess)
	r, err = p.Pay(context.Background(), gateway.PayRequest{ReqSN: reqsn, Amount: 100, AuthCode: "134567890123456704"})
	if d := mustState(t, r, err, gateway.StateUnknown); d.TrxStatus != "3888" {
		t.Fatalf("repeat reqsn: %s", d.TrxStatus)
	}
	r, err = p.Refund(context.Background(), gateway.ReverseRequest{ReqSN: reqsn, Amount: 1, OldReqSN: reqsn})
	if d := mustState(t, r, err, gateway.StateUnknown); d.TrxStatus != "3888" {
		t.Fatalf("refund with a used reqsn: %s", d.TrxStatus)
	}
	if n := len(sim.Trades()); n != 1 {
		t.Fatalf("ledger has %d trades, want 1", n)
	}
}

func TestNotAccepted(t *testing.T) {
	for _, version := range []string{"11", "12"} {
		_, sim, base := simtest.Start(t, allinpay.SignRSA)
		_, other, err := sybsim.PairConfig(allinpay.SignRSA) // keys the simulator does not know
		if err != nil {
			t.Fatal(err)
		}
		other.BaseURL, other.Version = base+"/apiweb", version
		c, err := allinpay.New(other)
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = pay(t, c, "134567890123456700", 100)
		var na *gateway.ErrNotAccepted
		if !errors.As(err, &na) {
			t.Fatalf("v%s: want not accepted, got %v", version, err)
		}
		want := map[string]string{"11": "FAIL", "12": "SIGNAUTHERR"}[version]
		if na.RetCode != want || na.Local {
			t.Fatalf("v%s: retcode %s (local %v), want %s", version, na.RetCode, na.Local, want)
		}
		if n := len(sim.Trades()); n != 0 {
			t.Fatalf("unverified request recorded %d trades", n)
		}
	}
}

func TestTradesEndpoint(t *testing.T) {
	p, sim, base := simtest.Start(t, allinpay.SignSM2)
	pay(t, p, "6212345678901234599", 42)
	pay(t, p, "999999999999999999", 42)
	resp, err := http.Get(base + "/_sim/trades")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got []sybsim.Trade
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sim.Trades()) || len(got) != 2 || got[0].Code4 != "4599" || got[1].Status != "3999" {
		t.Fatalf("/_sim/trades = %+v", got)
	}
	post, err := http.Post(base+"/_sim/trades", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	post.Body.Close()
	if post.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("POST /_sim/trades: %d", post.StatusCode)
	}
}
