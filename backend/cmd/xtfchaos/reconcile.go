package main

import (
	"fmt"
	"io"
	"sort"

	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/store"
)

// Discrepancy kinds.
const (
	kLost      = "lost"
	kDoubled   = "doubled"
	kMismatch  = "amount mismatch"
	kUnsettled = "unsettled"
	kHarness   = "harness" // the run itself went wrong
)

// discrepancy is one way the platform's ledger and the bank's disagree.
type discrepancy struct {
	kind, reqsn, what string
}

// report is the outcome of a reconciliation.
type report struct {
	trades int
	kinds  map[string]int // platform trades by "kind status"
	scenes map[string]int // bank pays by the simulator outcome of their code
	found  []discrepancy
}

// add records a discrepancy.
func (r *report) add(kind, reqsn, format string, args ...any) {
	r.found = append(r.found, discrepancy{kind, reqsn, fmt.Sprintf(format, args...)})
}

// count is how many discrepancies of kind were found.
func (r *report) count(kind string) int {
	n := 0
	for _, d := range r.found {
		if d.kind == kind {
			n++
		}
	}
	return n
}

// print writes the discrepancies, then the summary line.
func (r *report) print(w io.Writer) {
	sort.SliceStable(r.found, func(i, j int) bool { return r.found[i].kind < r.found[j].kind })
	for _, d := range r.found {
		fmt.Fprintf(w, "  %s: %s: %s\n", d.kind, d.reqsn, d.what)
	}
	keys := make([]string, 0, len(r.kinds))
	for k := range r.kinds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %6d × %s\n", r.kinds[k], k)
	}
	fmt.Fprintf(w, "  bank pays by simulator outcome:%s\n", scenes(r.scenes))
	if n := r.count(kUnsettled); n > 0 {
		fmt.Fprintf(w, "%d trades still open after the settle wait\n", n)
	}
	fmt.Fprintf(w, "%d trades, %d lost, %d doubled, %d amount mismatches\n",
		r.trades, r.count(kLost), r.count(kDoubled), r.count(kMismatch))
}

// ok reports whether the ledgers agree and every trade settled.
func (r *report) ok() bool { return len(r.found) == 0 }

// ledgers are the two sides, indexed.
type ledgers struct {
	ours      []store.Trade
	bank      []sybsim.Trade
	ourByReq  map[string]*store.Trade
	ourByID   map[uint]*store.Trade
	bankByReq map[string]*sybsim.Trade
}

// index builds the lookups of both ledgers.
func index(ours []store.Trade, bank []sybsim.Trade) *ledgers {
	l := &ledgers{ours: ours, bank: bank, ourByReq: map[string]*store.Trade{}, ourByID: map[uint]*store.Trade{},
		bankByReq: map[string]*sybsim.Trade{}}
	for i := range ours {
		l.ourByReq[ours[i].ReqSN], l.ourByID[ours[i].ID] = &ours[i], &ours[i]
	}
	for i := range bank {
		l.bankByReq[bank[i].ReqSN] = &bank[i]
	}
	return l
}

// reconcile compares the platform's trades with the bank's, both ways. Lost: the bank charged
// or refunded and the platform says otherwise, or the platform says so and the bank did not, or
// the platform settled a trade the bank still has processing (it may yet be charged).
// Doubled: one payment code charged more than once at the bank. Amount mismatch: a trade's
// amount, or a payment's refunded total, differs. Unsettled: a trade not final at the end.
func reconcile(ours []store.Trade, bank []sybsim.Trade) *report {
	l := index(ours, bank)
	r := &report{trades: len(ours), kinds: map[string]int{}, scenes: map[string]int{}}
	for i := range ours {
		r.kinds[ours[i].Kind+" "+ours[i].Status]++
	}
	for i := range bank {
		if bank[i].Kind == "pay" {
			r.scenes[outcomeOf(bank[i].Code4)]++
		}
	}
	for i := range bank {
		l.bankSide(r, &bank[i])
	}
	for i := range ours {
		l.ourSide(r, &ours[i])
	}
	l.doubled(r)
	return r
}

// bankDone says whether the bank's row is a success (a pay charged, a reversal done).
func bankDone(b *sybsim.Trade) bool { return b.Status == "0000" }

// ourDone says whether the platform counts its trade as done at the bank.
func ourDone(t *store.Trade) bool { return t.Status == "success" || t.Status == "cancelled" }

// open says whether a platform trade is not final.
func open(t *store.Trade) bool {
	switch t.Status {
	case "created", "sent", "pending", "closing", "unknown":
		return true
	}
	return false
}

// bankSide checks one bank row against the platform.
func (l *ledgers) bankSide(r *report, b *sybsim.Trade) {
	t := l.ourByReq[b.ReqSN]
	switch {
	case t == nil && bankDone(b):
		r.add(kLost, b.ReqSN, "bank %s %s fen (trxid %s), the platform has no such trade", b.Kind, fen(b.Amount), b.TrxID)
	case t == nil, open(t):
	case b.Status == "2000" || b.Status == "2008":
		r.add(kLost, b.ReqSN, "bank %s still processing; platform %s", b.Kind, describe(t))
	case bankDone(b) && !ourDone(t):
		r.add(kLost, b.ReqSN, "bank %s %s fen done at %s; platform %s", b.Kind, fen(b.Amount), b.FinTime, describe(t))
	case !bankDone(b) && ourDone(t):
		r.add(kLost, b.ReqSN, "bank %s is %s %s; platform %s", b.Kind, b.Status, b.ErrMsg, describe(t))
	case bankDone(b) && b.Amount != t.Amount:
		r.add(kMismatch, b.ReqSN, "bank %s %s fen; platform %s", b.Kind, fen(b.Amount), describe(t))
	case bankDone(b) && b.Kind == "pay":
		l.reversals(r, b, t)
	}
}

// reversals checks a charged payment's refunded total on both sides.
func (l *ledgers) reversals(r *report, b *sybsim.Trade, t *store.Trade) {
	var bankSum, ourSum int64
	for i := range l.bank {
		if x := &l.bank[i]; x.Kind != "pay" && x.OrigTrxID == b.TrxID && bankDone(x) {
			bankSum += x.Amount
		}
	}
	for i := range l.ours {
		if x := &l.ours[i]; x.OrigTradeID != nil && *x.OrigTradeID == t.ID && ourDone(x) {
			ourSum += x.Amount
		}
	}
	if bankSum != b.Reversed || ourSum != bankSum || t.RefundedAmount != bankSum || (t.Status == "cancelled") != b.Cancelled {
		r.add(kMismatch, b.ReqSN, "reversed: bank %s fen (rows %s, cancelled %v); platform %s fen (rows %s), %s",
			fen(b.Reversed), fen(bankSum), b.Cancelled, fen(t.RefundedAmount), fen(ourSum), describe(t))
	}
}

// ourSide checks one platform trade against the bank.
func (l *ledgers) ourSide(r *report, t *store.Trade) {
	b := l.bankByReq[t.ReqSN]
	switch {
	case open(t):
		bank := "no trace at the bank"
		if b != nil {
			bank = "bank " + b.Status + " " + b.ErrMsg
		}
		r.add(kUnsettled, t.ReqSN, "platform %s; %s", describe(t), bank)
	case ourDone(t) && b == nil:
		r.add(kLost, t.ReqSN, "platform %s; the bank has no such trade", describe(t))
	}
}

// doubled finds payment codes the bank charged more than once.
func (l *ledgers) doubled(r *report) {
	byCode := map[string][]string{}
	for i := range l.bank {
		b := &l.bank[i]
		if t := l.ourByReq[b.ReqSN]; t != nil && b.Kind == "pay" && bankDone(b) {
			byCode[t.CodeHash] = append(byCode[t.CodeHash], b.ReqSN)
		}
	}
	for _, reqsns := range byCode {
		if len(reqsns) < 2 {
			continue
		}
		for _, q := range reqsns[1:] {
			t, first := l.ourByReq[q], l.ourByReq[reqsns[0]]
			r.add(kDoubled, q, "code ****%s charged again at the bank (first %s: %s); this one: %s",
				t.CodeLast4, first.ReqSN, describe(first), describe(t))
		}
	}
}

// describe is a platform trade in one line for the report.
func describe(t *store.Trade) string {
	return fmt.Sprintf("trade %d %s %s %s fen (refunded %s), terminal %d, created %s, updated %s, %q",
		t.ID, t.Kind, t.Status, fen(t.Amount), fen(t.RefundedAmount), t.TerminalID,
		t.CreatedAt.UTC().Format("15:04:05.000"), t.UpdatedAt.UTC().Format("15:04:05.000"), t.ErrMsg)
}

// outcomeOf names the simulator outcome of a code by its last two digits (gateway/sybsim doc).
func outcomeOf(code4 string) string {
	if len(code4) < 2 {
		return "?"
	}
	o := code4[len(code4)-2:]
	if o < "90" || o > "97" {
		return "paid"
	}
	return o
}

// scenes formats outcome counts in a fixed order.
func scenes(n map[string]int) string {
	out := ""
	for _, k := range []string{"paid", "90", "91", "92", "93", "94", "95", "96", "97"} {
		out += fmt.Sprintf(" %s=%d", k, n[k])
	}
	return out
}

// fen prints an amount in fen.
func fen(n int64) string { return fmt.Sprint(n) }
