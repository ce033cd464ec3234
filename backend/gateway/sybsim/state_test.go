package sybsim_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/gateway/sybsim/simtest"
)

// TestStateFileContinuesTheBank: with a state file, a second simulator (fresh keys, new port)
// continues the first one's ledger: a processing pay resolves on its third query overall, a
// settled pay is refunded, and new trxids do not repeat old ones.
func TestStateFileContinuesTheBank(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sim-ledger.json")
	withState := func(sc *sybsim.Config, _ *allinpay.Config) { sc.StateFile = path }
	p1, sim1, _ := simtest.StartWith(t, allinpay.SignMD5, withState)
	slow, r, err := pay(t, p1, "134567890123456790", 900)
	mustState(t, r, err, gateway.StateProcessing)
	r, err = query(t, p1, gateway.QueryRequest{ReqSN: slow})
	mustState(t, r, err, gateway.StateProcessing)
	paid, r, err := pay(t, p1, "134567890123456700", 500)
	paidTrx := mustState(t, r, err, gateway.StateSuccess).TrxID
	before := sim1.Trades()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no state file after three requests: %v", err)
	}

	p2, sim2, _ := simtest.StartWith(t, allinpay.SignMD5, withState) // the app restarted
	if got := sim2.Trades(); !reflect.DeepEqual(got, before) {
		t.Fatalf("reloaded ledger %+v, want %+v", got, before)
	}
	r, err = query(t, p2, gateway.QueryRequest{ReqSN: slow}) // second query overall
	mustState(t, r, err, gateway.StateProcessing)
	r, err = query(t, p2, gateway.QueryRequest{ReqSN: slow}) // third: outcome 90 pays
	mustState(t, r, err, gateway.StateSuccess)
	r, err = p2.Refund(t.Context(), gateway.ReverseRequest{ReqSN: sn(), Amount: 200, OldReqSN: paid, OldTrxID: paidTrx})
	mustState(t, r, err, gateway.StateSuccess)
	trx := map[string]bool{}
	for _, tr := range sim2.Trades() {
		if trx[tr.TrxID] {
			t.Fatalf("trxid %s given twice", tr.TrxID)
		}
		trx[tr.TrxID] = true
	}
	if len(trx) != 3 {
		t.Fatalf("ledger has %d trades, want 3 (two pays, one refund)", len(trx))
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Fatalf("state folder holds %d files, want only the state file (no temporaries)", len(entries))
	}
}

// TestStateFileRefusedWhenBroken: an unreadable state file or another merchant's stops New
// with a clear error instead of starting an empty bank.
func TestStateFileRefusedWhenBroken(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"garbage":  "{not json",
		"merchant": `{"version":1,"cusid":"111","seq":0,"trades":[]}`,
	}
	for name, body := range cases {
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		sc, _, err := sybsim.PairConfig(allinpay.SignMD5)
		if err != nil {
			t.Fatal(err)
		}
		sc.StateFile = path
		if _, err := sybsim.New(sc); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: New = %v, want an error naming the file", name, err)
		}
	}
}
