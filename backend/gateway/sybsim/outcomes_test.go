package sybsim_test

import (
	"context"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/gateway/sybsim/simtest"
)

// startFast starts a simulator whose slow outcome (93) outlasts a short client timeout.
func startFast(t *testing.T, st string) (gateway.Provider, *sybsim.Server) {
	p, sim, _ := simtest.StartWith(t, st, func(sc *sybsim.Config, cc *allinpay.Config) {
		sc.SlowDelay = 1500 * time.Millisecond
		cc.Timeout = 500 * time.Millisecond
	})
	return p, sim
}

// pollStates queries reqsn n times and returns the states seen.
func pollStates(t *testing.T, p gateway.Provider, reqsn string, n int) []string {
	t.Helper()
	var out []string
	for range n {
		r, err := p.Query(context.Background(), gateway.QueryRequest{ReqSN: reqsn})
		if f, ok := gateway.AsFailed(err); ok {
			r, err = f.Result, nil
		}
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		out = append(out, r.TrxStatus)
	}
	return out
}

func TestProcessingOutcomes(t *testing.T) {
	for _, st := range []string{allinpay.SignRSA, allinpay.SignSM2, allinpay.SignMD5} {
		t.Run(st, func(t *testing.T) { processingOutcomes(t, st) })
	}
}

// processingOutcomes runs outcomes 90, 97 and 91 (with its closes) under one sign type.
func processingOutcomes(t *testing.T, st string) {
	p, sim := startFast(t, st)
	cases := []struct {
		code string
		want string // statuses of four queries after the pay
	}{
		{"134567890123456790", "2008 2008 0000 0000"},
		{"281234567890123497", "2008 2008 3088 3088"},
		{"6212345678901234591", "2008 2008 2008 2008"},
	}
	for _, c := range cases {
		reqsn, r, err := pay(t, p, c.code, 300)
		mustState(t, r, err, gateway.StateProcessing)
		if got := strings.Join(pollStates(t, p, reqsn, 4), " "); got != c.want {
			t.Fatalf("code ..%s: queries said %s, want %s", c.code[len(c.code)-2:], got, c.want)
		}
	}
	// 91: close succeeds once, later queries say 3088, a second close fails; a paid trade
	// cannot be closed.
	reqsn91 := sim.Trades()[2].ReqSN
	cl, err := p.Close(context.Background(), gateway.CloseRequest{OldReqSN: reqsn91})
	mustState(t, cl, err, gateway.StateSuccess)
	if got := pollStates(t, p, reqsn91, 1)[0]; got != "3088" {
		t.Fatalf("after close: %s", got)
	}
	cl, err = p.Close(context.Background(), gateway.CloseRequest{OldReqSN: reqsn91})
	if f := mustState(t, cl, err, gateway.StateFailed); f.TrxStatus != "3088" {
		t.Fatalf("second close: %s %s, want 3088", f.TrxStatus, f.ErrMsg)
	}
	cl, err = p.Close(context.Background(), gateway.CloseRequest{OldTrxID: sim.Trades()[0].TrxID})
	mustState(t, cl, err, gateway.StateFailed)
}

func TestFailureOutcomes(t *testing.T) {
	for _, st := range []string{allinpay.SignRSA, allinpay.SignSM2, allinpay.SignMD5} {
		t.Run(st, func(t *testing.T) { failureOutcomes(t, st) })
	}
}

// failureOutcomes runs outcome 92 and an invalid code under one sign type.
func failureOutcomes(t *testing.T, st string) {
	p, sim := startFast(t, st)
	_, r, err := pay(t, p, "134567890123456792", 300)
	if f := mustState(t, r, err, gateway.StateFailed); f.ErrMsg != "余额不足" || f.TrxStatus[0] != '3' {
		t.Fatalf("92: %s %s", f.TrxStatus, f.ErrMsg)
	}
	_, r, err = pay(t, p, "12345", 300)
	if f := mustState(t, r, err, gateway.StateFailed); f.ErrMsg != "无效的付款码" {
		t.Fatalf("invalid code: %s", f.ErrMsg)
	}
	for _, tr := range sim.Trades() {
		if tr.Status == "0000" {
			t.Fatalf("a failed pay was charged: %+v", tr)
		}
	}
}

// TestLostResponses proves that for outcomes 93–96 the pay is unknown to the client, the
// bank charged exactly once, and a query finds the success.
func TestLostResponses(t *testing.T) {
	for _, st := range []string{allinpay.SignRSA, allinpay.SignSM2, allinpay.SignMD5} {
		t.Run(st, func(t *testing.T) {
			p, sim := startFast(t, st)
			for _, code := range []string{"134567890123456793", "281234567890123494", "6212345678901234595", "134567890123456796"} {
				reqsn, r, err := pay(t, p, code, 888)
				if r != nil || !gateway.IsUnknown(err) {
					t.Fatalf("code ..%s: want unknown, got %v, %v", code[len(code)-2:], r, err)
				}
				if strings.HasSuffix(code, "95") && !errors.Is(err, allinpay.ErrBadSignature) {
					t.Fatalf("95: want a signature error, got %v", err)
				}
				q, err := p.Query(context.Background(), gateway.QueryRequest{ReqSN: reqsn})
				mustState(t, q, err, gateway.StateSuccess)
			}
			trades := sim.Trades()
			if len(trades) != 4 {
				t.Fatalf("bank recorded %d trades for 4 pays: %+v", len(trades), trades)
			}
			for _, tr := range trades {
				if tr.Status != "0000" || tr.Amount != 888 {
					t.Fatalf("trade %+v", tr)
				}
			}
		})
	}
}

// TestDocClose checks doc.go's sentence on close answers against the simulator: a paid, a
// closed and a failed pay.
func TestDocClose(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.ReplaceAll(string(src), "\n//", " ")), " ")
	m := regexp.MustCompile(`Close answers 0000 only for a processing pay\. A paid pay fails (\d{4}) (\S+); a closed one (\d{4}) (\S+); one that failed otherwise (\d{4}) (\S+)\.`).FindStringSubmatch(text)
	if m == nil {
		t.Fatal("doc.go does not say what close answers")
	}
	p, _ := startFast(t, allinpay.SignMD5)
	paid, r, err := pay(t, p, "134567890123456700", 5)
	mustState(t, r, err, gateway.StateSuccess)
	closed, r, err := pay(t, p, "134567890123456791", 5)
	mustState(t, r, err, gateway.StateProcessing)
	cl, err := p.Close(context.Background(), gateway.CloseRequest{OldReqSN: closed})
	mustState(t, cl, err, gateway.StateSuccess)
	failed, _, _ := pay(t, p, "134567890123456792", 5)
	for i, reqsn := range []string{paid, closed, failed} {
		cl, err := p.Close(context.Background(), gateway.CloseRequest{OldReqSN: reqsn})
		f := mustState(t, cl, err, gateway.StateFailed)
		if f.TrxStatus != m[1+2*i] || f.ErrMsg != m[2+2*i] {
			t.Fatalf("close #%d: %s %s, doc.go says %s %s", i, f.TrxStatus, f.ErrMsg, m[1+2*i], m[2+2*i])
		}
	}
}

// TestDocCodes checks every test code listed in doc.go against its documented channel and outcome.
func TestDocCodes(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^//\t(success|9\d)\s+(\d{18})\s+(\d{18})\s+(\d{19})$`)
	rows := row.FindAllStringSubmatch(string(src), -1)
	if len(rows) != 9 {
		t.Fatalf("doc.go lists %d code rows, want 9", len(rows))
	}
	p, _ := startFast(t, allinpay.SignMD5)
	wantCode := []string{"VSP501", "VSP511", "VSP551"}
	for _, m := range rows {
		for i, code := range m[2:] {
			if code[len(code)-2:] != m[1] && m[1] != "success" {
				t.Fatalf("row %s: code %s does not end in %s", m[1], code, m[1])
			}
			_, r, err := pay(t, p, code, 1)
			if f, ok := gateway.AsFailed(err); ok {
				r, err = f.Result, nil
			}
			if m[1] >= "93" && m[1] <= "96" {
				continue // the answer is lost on purpose; TestLostResponses covers these
			}
			if err != nil || r.TrxCode != wantCode[i] {
				t.Fatalf("doc code %s: %v %+v", code, err, r)
			}
		}
	}
}
