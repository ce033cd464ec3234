package services_test

import (
	"testing"

	"xiaotongfu/backend/domain"
)

// TestLookupThroughTheService: the bound Lookup finds a trade by reqsn or trxid on the real
// embedded platform; an unknown number is not_found, an empty one a tradeNo field error.
func TestLookupThroughTheService(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	orig := paid(t, h, 41, "8.80")
	for _, no := range []string{orig.ReqSN, orig.TrxID} {
		got, err := h.trades.Lookup(no)
		if err != nil || got.ID != orig.ID || got.Amount != 880 {
			t.Fatalf("Lookup(%s) = %+v, %v", no, got, err)
		}
	}
	codeOf(t, func() error { _, err := h.trades.Lookup("XTF19990101000000"); return err }(), domain.CodeNotFound)
	if _, err := h.trades.Lookup(""); domain.AsError(err).Field != "tradeNo" {
		t.Fatalf("Lookup(\"\") = %v, want a tradeNo field error", err)
	}
}
