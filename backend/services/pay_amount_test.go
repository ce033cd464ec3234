package services_test

import (
	"encoding/json"
	"os"
	"testing"

	"xiaotongfu/backend/domain"
)

// TestPayChargesExactlyWhatTheSharedTableSays pays every row of the table the UI's parser is
// tested on (backend/domain/testdata/amounts.json) through PayService.Pay against the
// simulator: an accepted amount is charged to the fen, a refused one never reaches the bank.
// Rows with a limit of their own are for ParseAmount alone (the terminal's limit is the default).
func TestPayChargesExactlyWhatTheSharedTableSays(t *testing.T) {
	b, err := os.ReadFile("../domain/testdata/amounts.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Cases []struct {
			In    string      `json:"in"`
			Limit int64       `json:"limit"`
			Fen   int64       `json:"fen"`
			Code  domain.Code `json:"code"`
		}
	}
	if err := json.Unmarshal(b, &table); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t)
	h.loginAdmin()
	charged, paid := int64(0), 0
	for i, c := range table.Cases {
		if c.Limit != 0 {
			continue
		}
		tr, err := h.pay.Pay(c.In, wechat(200+i, "00"), "")
		if c.Code != "" {
			if domain.CodeOf(err) != c.Code || tr != nil {
				t.Errorf("Pay(%q) = %+v, %v; want refused with %s", c.In, tr, err, c.Code)
			}
			continue
		}
		if err != nil || tr.Amount != c.Fen {
			t.Errorf("Pay(%q) = %+v, %v; want %d fen charged", c.In, tr, err, c.Fen)
			continue
		}
		charged, paid = charged+c.Fen, paid+1
	}
	bank := int64(0)
	for _, st := range h.simTrades() {
		bank += int64(st["amount"].(float64))
	}
	if n := len(h.simTrades()); n != paid || bank != charged || paid < 10 {
		t.Fatalf("the bank saw %d pays of %d fen; want %d of %d", n, bank, paid, charged)
	}
}
