package services_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"unicode"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// oddInputs are strings typed, pasted or scanned into the desktop's fields that have broken
// parsers before: huge, negative, exponent and over-precise amounts, full-width and Arabic
// digits, NUL, invisible characters, separators and very long text.
var oddInputs = []string{"", " ", "0", "0.00", "0.01", "12.3", " 12.30\t", "12.", ".5", "-1", "+1", "1e9", "1E2",
	"0.001", "1,000", "1_000", "0x10", "50000.00", "50000.01", "99999999999999999999", "１２．５０", "١٢", "12\x00",
	"\x00", "\u200b1", "1\u202e2", "NaN", "Infinity", strings.Repeat("9", 5000), strings.Repeat("名", 300)}

// fuzzHarness is a terminal with the admin logged in, and the ledger as the platform and
// the simulator see it, for the invariants below.
type fuzzHarness struct {
	*harness
	paid []*platform.Trade // payments made by the fixture, for reversals to aim at
}

func newFuzzHarness(f *testing.F, payments int) *fuzzHarness {
	f.Helper()
	h := &fuzzHarness{harness: newHarness(f)}
	h.loginAdmin()
	for i := range payments {
		tr, err := h.pay.Pay("50.00", wechat(900+i, "00"), "")
		if err != nil {
			f.Fatalf("payment %d: %v", i, err)
		}
		h.paid = append(h.paid, tr)
	}
	return h
}

// ledger is how many trades the platform lists today and the simulator holds.
func (h *fuzzHarness) ledger(t *testing.T) [2]int {
	t.Helper()
	page, err := h.trades.List(platform.TradeFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return [2]int{int(page.Total), len(simLedger(t, h.backend.SimURL))}
}

// checkLedger fails when a payment of today shows more refunded than it was.
func (h *fuzzHarness) checkLedger(t *testing.T) {
	t.Helper()
	for offset := 0; ; offset += 200 {
		page, err := h.trades.List(platform.TradeFilter{Kind: string(domain.KindPay), Offset: offset, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range page.Trades {
			if tr.Amount <= 0 || tr.RefundedAmount < 0 || tr.RefundedAmount > tr.Amount {
				t.Fatalf("ledger broken: %+v", tr)
			}
		}
		if len(page.Trades) < 200 {
			return
		}
	}
}

// checkErr fails unless err is a *domain.Error with a code and a Chinese message.
func checkErr(t *testing.T, call string, err error) *domain.Error {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) || de.Code == "" || de.Code == domain.CodeInternal ||
		!strings.ContainsFunc(de.Message, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		t.Fatalf("%s: error %#v, want a *domain.Error with a code and a Chinese message", call, err)
	}
	return de
}

// refused are the codes of inputs turned away before anything is sent.
var refused = map[domain.Code]bool{domain.CodeInvalidInput: true, domain.CodeAmountInvalid: true,
	domain.CodeAmountEmpty: true, domain.CodeAmountNegative: true, domain.CodeAmountSeparator: true,
	domain.CodeAmountDecimals: true,
	domain.CodeAmountZero:     true, domain.CodeAmountTooLarge: true, domain.CodePayCodeInvalid: true,
	domain.CodePayCodeUsed: true, domain.CodeNotFound: true, domain.CodeReverseNotAllowed: true}

// FuzzPayInput sends what a cashier might type as amount, payment code and source to
// PayService.Pay. A refused input adds no trade on the platform or at the simulator; an
// accepted one adds one trade of exactly the amount ParseAmount reads, within the limit.
func FuzzPayInput(f *testing.F) {
	h := newFuzzHarness(f, 0)
	// Each seed has a code of its own, so that a valid one is charged, not refused as used.
	for i, s := range oddInputs {
		f.Add(s, wechat(100+i, "00"), "")
		f.Add("1", s, "manual")
	}
	for i, src := range []string{"ocr", "box", "MANUAL", "manual\x00", "名"} {
		f.Add("1", wechat(200+i, "00"), src)
	}
	for _, code := range []string{wechat(3, "92"), wechat(4, "90"), " " + wechat(5, "00") + "\t", "281234567890123400", "6212345678901234500"} {
		f.Add("0.01", code, "")
	}
	f.Fuzz(func(t *testing.T, amount, code, source string) {
		if strings.HasSuffix(strings.TrimSpace(code), "93") {
			t.Skip("outcome 93 holds the answer past the client's 45 s timeout")
		}
		before := h.ledger(t)
		tr, err := h.pay.Pay(amount, code, source)
		if err != nil {
			if de := checkErr(t, "Pay", err); refused[de.Code] || de.Code == domain.CodePayInFlight {
				if after := h.ledger(t); after != before {
					t.Fatalf("Pay(%q, %q, %q) refused (%s) but the ledger went %v → %v", amount, code, source, de.Code, before, after)
				}
			}
			return
		}
		fen, perr := domain.ParseAmount(amount, math.MaxInt64)
		if perr != nil || tr.Amount != fen || fen > domain.DefaultPayLimit {
			t.Fatalf("Pay(%q, %q, %q) charged %d; ParseAmount says %d, %v", amount, code, source, tr.Amount, fen, perr)
		}
		if after := h.ledger(t); after[0] != before[0]+1 {
			t.Fatalf("Pay(%q, …) succeeded but the platform went from %d to %d trades", amount, before[0], after[0])
		}
	})
}

// FuzzTradeQuery sends arbitrary filters to the trade list, the day statistics and the
// lookup by number: each answers a page no larger than asked (and never over 200) or a
// field error, and none changes the ledger.
func FuzzTradeQuery(f *testing.F) {
	h := newFuzzHarness(f, 2)
	for _, s := range append(oddInputs, "2026-02-30", "2026-13-01", "9999-12-31", "0000-01-01", "2026-1-1", "pay", "success", "unknown", h.paid[0].ReqSN, h.paid[1].TrxID[2:]) {
		f.Add(s, "", "", s, 0, 0, false)
	}
	for _, n := range []int{-1, 1, 200, 201, math.MaxInt32, math.MaxInt64, math.MinInt64} {
		f.Add("", "pay", "success", "", n, n, true)
	}
	f.Fuzz(func(t *testing.T, day, kind, status, tradeNo string, offset, limit int, terminal bool) {
		before := h.ledger(t)
		fl := platform.TradeFilter{Day: day, Kind: kind, Status: status, TradeNo: tradeNo, Offset: offset, Limit: limit, Terminal: terminal}
		if page, err := h.trades.List(fl); err != nil {
			checkErr(t, "List", err)
		} else if n := len(page.Trades); int64(n) > page.Total || n > 200 || (limit > 0 && n > limit) {
			t.Fatalf("List(%+v): %d trades of %d", fl, n, page.Total)
		}
		if _, err := h.trades.Stats(day); err != nil {
			checkErr(t, "Stats", err)
		}
		if tr, err := h.trades.Lookup(tradeNo); err != nil {
			checkErr(t, "Lookup", err)
		} else if tr.ReqSN != strings.TrimSpace(tradeNo) && tr.TrxID != strings.TrimSpace(tradeNo) {
			t.Fatalf("Lookup(%q) found %s / %s", tradeNo, tr.ReqSN, tr.TrxID)
		}
		if after := h.ledger(t); after != before {
			t.Fatalf("a query changed the ledger %v → %v", before, after)
		}
	})
}

// FuzzReverseInput sends arbitrary trade numbers and refund amounts, with the right admin
// password, to TradeService.Refund and Cancel. A refused one adds no trade anywhere; no
// payment ever shows more refunded than it was.
func FuzzReverseInput(f *testing.F) {
	h := newFuzzHarness(f, 3)
	for _, s := range oddInputs {
		f.Add(h.paid[0].ReqSN, s, true)
		f.Add(s, "1", true)
	}
	f.Add(" "+h.paid[1].TrxID+" ", "50.00", true)
	f.Add(h.paid[2].ReqSN, "", false)
	f.Fuzz(func(t *testing.T, tradeNo, amount string, refund bool) {
		before := h.ledger(t)
		var err error
		if refund {
			_, err = h.trades.Refund(tradeNo, amount, ownerPassword)
		} else {
			_, err = h.trades.Cancel(tradeNo, ownerPassword)
		}
		if err != nil {
			if de := checkErr(t, "reverse", err); refused[de.Code] {
				if after := h.ledger(t); after != before {
					t.Fatalf("reverse(%q, %q) refused (%s) but the ledger went %v → %v", tradeNo, amount, de.Code, before, after)
				}
			}
		}
		h.checkLedger(t)
	})
}
