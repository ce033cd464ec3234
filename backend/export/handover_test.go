package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xiaotongfu/backend/platform"
)

func handoverFixture() []platform.Handover {
	at := time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC) // 17:30 in China
	return []platform.Handover{{No: "JB00000001-02-3", StoreName: "朝阳门店", TermNo: "00000001", Cashier: "=02",
		From: at.Add(-8 * time.Hour), To: at,
		Sums: platform.HandoverSums{PayCount: 3, PayAmount: 2200, CancelCount: 1, CancelAmount: 700, RefundCount: 1,
			RefundAmount: 200, FailedCount: 1, NetAmount: 1300,
			Open: []platform.HandoverTrade{{ReqSN: "202611251729590001000200"}, {ReqSN: "XTF2"}}}}}
}

// TestWriteHandoversCSV: one row per handover in HandoverColumns order, amounts in yuan with
// voids and refunds negative, shop time, the open trades by number, formulas neutralised.
func TestWriteHandoversCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHandoversCSV(&buf, handoverFixture(), Options{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), bom))).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	want := []string{"JB00000001-02-3", "朝阳门店", "00000001", "'=02", "2026-11-25 09:30:00", "2026-11-25 17:30:00",
		"3", "22.00", "1", "-7.00", "1", "-2.00", "1", "13.00", "2", "202611251729590001000200 XTF2"}
	if strings.Join(recs[0], "|") != strings.Join(HandoverColumns, "|") || strings.Join(recs[1], "|") != strings.Join(want, "|") {
		t.Fatalf("rows\n%q\n%q\nwant\n%q", recs[0], recs[1], want)
	}
}

// TestWriteHandoversXLSX: amounts are numbers computed from fen, times dates, text as text.
func TestWriteHandoversXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHandoversXLSX(&buf, handoverFixture(), Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"A1": "交接班单号", "A2": "JB00000001-02-3", "D2": "=02", "H2": "22.00", "J2": "-7.00", "N2": "13.00", "O2": "2"} {
		if got, err := f.GetCellValue("交接班记录", cell); err != nil || got != want {
			t.Errorf("%s = %q, %v; want %q", cell, got, err, want)
		}
	}
	if typ, _ := f.GetCellType("交接班记录", "N2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("net amount cell type %v; want a number", typ)
	}
}
