package main

import (
	"bytes"
	"strings"
	"testing"

	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/store"
)

// pair builds a platform pay and the bank's row for it.
func pair(id uint, reqsn, code, ours, bank string, amount int64) (store.Trade, sybsim.Trade) {
	return store.Trade{ID: id, ReqSN: reqsn, Kind: "pay", Status: ours, Amount: amount, CodeHash: code, CodeLast4: "0000"},
		sybsim.Trade{Kind: "pay", ReqSN: reqsn, TrxID: "T" + reqsn, Amount: amount, Status: bank, Code4: "0000"}
}

func TestReconcileAgreeingLedgers(t *testing.T) {
	p, b := pair(1, "r1", "c1", "success", "0000", 1000)
	p.RefundedAmount, b.Reversed = 300, 300
	id := p.ID
	ref := store.Trade{ID: 2, ReqSN: "r2", Kind: "refund", Status: "success", Amount: 300, OrigTradeID: &id}
	bref := sybsim.Trade{Kind: "refund", ReqSN: "r2", Amount: 300, Status: "0000", OrigTrxID: b.TrxID}
	f, fb := pair(3, "r3", "c3", "closed", "3088", 50)
	r := reconcile([]store.Trade{p, ref, f}, []sybsim.Trade{b, bref, fb})
	var out bytes.Buffer
	r.print(&out)
	want := "       1 × pay closed\n       1 × pay success\n       1 × refund success\n" +
		"  bank pays by simulator outcome: paid=2 90=0 91=0 92=0 93=0 94=0 95=0 96=0 97=0\n" +
		"3 trades, 0 lost, 0 doubled, 0 amount mismatches\n"
	if !r.ok() || out.String() != want {
		t.Fatalf("report:\n%s", out.String())
	}
}

func TestReconcileFindsEachKind(t *testing.T) {
	closedButPaid, b1 := pair(1, "r1", "c1", "closed", "0000", 1000)
	first, b2 := pair(2, "r2", "c2", "success", "0000", 500)
	second, b3 := pair(3, "r3", "c2", "success", "0000", 500)
	short, b4 := pair(4, "r4", "c4", "success", "0000", 800)
	b4.Reversed = 200
	paidNotAtBank, _ := pair(5, "r5", "c5", "success", "", 70)
	stuck, b6 := pair(6, "r6", "c6", "unknown", "0000", 90)
	_, orphan := pair(7, "r7", "c7", "", "0000", 40)
	closedButProcessing, b8 := pair(8, "r8", "c8", "closed", "2008", 60)
	r := reconcile([]store.Trade{closedButPaid, first, second, short, paidNotAtBank, stuck, closedButProcessing},
		[]sybsim.Trade{b1, b2, b3, b4, b6, orphan, b8})
	want := map[string]int{kLost: 4, kDoubled: 1, kMismatch: 1, kUnsettled: 1}
	for kind, n := range want {
		if got := r.count(kind); got != n {
			t.Errorf("%s: %d, want %d", kind, got, n)
		}
	}
	var out bytes.Buffer
	r.print(&out)
	if r.ok() || !strings.HasSuffix(out.String(), "7 trades, 4 lost, 1 doubled, 1 amount mismatches\n") ||
		!strings.Contains(out.String(), "doubled: r3: code ****0000 charged again") {
		t.Fatalf("report:\n%s", out.String())
	}
}

func TestHarnessChecksFailARunThatProvedNothing(t *testing.T) {
	empty := reconcile(nil, nil)
	harnessChecks(empty, map[string]int{fKillXtfd: 3})
	if empty.ok() || empty.count(kHarness) != 1 {
		t.Fatalf("no trades: %+v", empty.found)
	}
	p, b := pair(1, "r1", "c1", "success", "0000", 1000)
	r := reconcile([]store.Trade{p}, []sybsim.Trade{b})
	harnessChecks(r, map[string]int{fKillXtfd: 3, "PostgreSQL restart failed (exit status 1: no server)": 1})
	if r.ok() || r.count(kHarness) != 1 {
		t.Fatalf("failed restart: %+v", r.found)
	}
	ok := reconcile([]store.Trade{p}, []sybsim.Trade{b})
	harnessChecks(ok, map[string]int{fKillXtfd: 3, fPGRestart: 2})
	if !ok.ok() {
		t.Fatalf("a good run: %+v", ok.found)
	}
}
