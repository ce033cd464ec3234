package sybsim_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/gateway/sybsim/simtest"
)

// TestStatementRoundTrip downloads the day's statement over real HTTP for every sign type:
// it lists the settled pays and reversals of the day with their reqsn, trxid and amount,
// not the failed pay; the tweak changes exactly what it says.
func TestStatementRoundTrip(t *testing.T) {
	for _, st := range []string{allinpay.SignRSA, allinpay.SignSM2, allinpay.SignMD5} {
		t.Run(st, func(t *testing.T) {
			p, sim, base := simtest.Start(t, st)
			a, ra, err := pay(t, p, "134567890123456700", 1234)
			mustState(t, ra, err, gateway.StateSuccess)
			b, rb, err := pay(t, p, "281234567890123401", 500)
			mustState(t, rb, err, gateway.StateSuccess)
			_, _, err = pay(t, p, "134567890123456792", 99)
			mustState(t, nil, err, gateway.StateFailed)
			ref := sn()
			rr, err := p.Refund(context.Background(), gateway.ReverseRequest{ReqSN: ref, Amount: 200, OldReqSN: b})
			mustState(t, rr, err, gateway.StateSuccess)
			today := time.Now().In(time.FixedZone("CST", 8*3600)).Format("20060102")
			s, err := p.Statement(context.Background(), today)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]gateway.StatementRow{}
			for _, r := range s.Rows {
				got[r.ReqSN] = r
			}
			if len(s.Rows) != 3 || got[a].Amount != 1234 || got[a].TrxID != ra.TrxID || got[a].Kind != "pay" ||
				got[b].TrxCode != "VSP511" || got[ref].Kind != "refund" || got[ref].Amount != 200 || !got[ref].Settled() {
				t.Fatalf("statement: %+v", s.Rows)
			}
			sim.SetStatementTweak(sybsim.StatementTweak{Drop: a, Amount: b, Fail: ref, BankOnly: true})
			s, err = p.Statement(context.Background(), today)
			if err != nil {
				t.Fatal(err)
			}
			got = map[string]gateway.StatementRow{}
			for _, r := range s.Rows {
				got[r.ReqSN] = r
			}
			if _, ok := got[a]; ok || got[b].Amount != 501 || got[ref].Settled() || got["SIMBANK"+today].Amount != 1234 || len(s.Rows) != 3 {
				t.Fatalf("tweaked statement: %+v", s.Rows)
			}
			resp, err := http.Post(base+"/_sim/statement-tweak", "application/json", strings.NewReader(`{}`))
			if err != nil || resp.StatusCode != http.StatusNoContent {
				t.Fatalf("reset tweak: %v %v", resp, err)
			}
			resp.Body.Close()
			if s, err = p.Statement(context.Background(), "20000101"); err != nil || len(s.Rows) != 0 {
				t.Fatalf("a day without trades: %+v %v", s, err)
			}
		})
	}
}

// TestStatementRefusals: a bad date is refused before sending; a request signed with the
// wrong key is refused by the simulator.
func TestStatementRefusals(t *testing.T) {
	p, _, _ := simtest.Start(t, allinpay.SignMD5)
	if _, err := p.Statement(context.Background(), "2026-12-03"); !gateway.IsNotAccepted(err) {
		t.Fatalf("bad date: %v", err)
	}
	other, _, _ := simtest.StartWith(t, allinpay.SignMD5, func(_ *sybsim.Config, c *allinpay.Config) { c.MD5Key = "wrong" })
	if _, err := other.Statement(context.Background(), "20261203"); !gateway.IsNotAccepted(err) {
		t.Fatalf("wrong key: %v", err)
	}
}
