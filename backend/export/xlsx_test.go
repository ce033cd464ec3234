package export

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xiaotongfu/backend/platform"
)

func openXLSX(t *testing.T, trades []platform.Trade) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(context.Background(), &buf, trades, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// rawFen reads a numeric cell's stored value and converts it to fen without floats.
func rawFen(t *testing.T, f *excelize.File, cell string) int64 {
	t.Helper()
	v, err := f.GetCellValue(DefaultSheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	neg := strings.HasPrefix(v, "-")
	whole, frac, _ := strings.Cut(strings.TrimPrefix(v, "-"), ".")
	if len(frac) > 2 {
		t.Fatalf("%s = %q: more than two decimals, a float error reached the file", cell, v)
	}
	frac = (frac + "00")[:2]
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		t.Fatalf("%s = %q: %v", cell, v, err)
	}
	if neg {
		n = -n
	}
	return n
}

func TestWriteXLSXCellsFormatsTotals(t *testing.T) {
	trades := fixture()
	f := openXLSX(t, trades)
	rows, err := f.GetRows(DefaultSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(trades)+2 || strings.Join(rows[0], ",") != strings.Join(Columns, ",") {
		t.Fatalf("rows = %d, header = %q", len(rows), rows[0])
	}
	wantRow3 := []string{"201812101330050000000003", "-19.99", "扫码撤销", "2018-12-10 13:32:05", "成功", "01", "原交易 201812101330050000000002"}
	if got := rows[3][:len(wantRow3)]; strings.Join(got, "|") != strings.Join(wantRow3, "|") {
		t.Errorf("row 3 = %q", got)
	}
	for i, tr := range trades {
		cell := cellName(colAmount+1, i+2)
		if got := rawFen(t, f, cell); got != SignedAmount(tr) {
			t.Errorf("%s = %d fen, want %d", cell, got, SignedAmount(tr))
		}
		if typ, _ := f.GetCellType(DefaultSheet, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s type = %v, want a number", cell, typ)
		}
		assertNumFmt(t, f, cell, numFmtMoney, "")
		assertNumFmt(t, f, cellName(colTime+1, i+2), 0, "yyyy-mm-dd hh:mm:ss")
	}
	total := len(trades) + 2
	if got := rows[total-1]; got[0] != "合计" || got[1] != "1234567.40" || got[2] != "成功 5 笔" ||
		got[colRemark] != "收款 1234587.89，撤销 -19.99，退货 -0.50（不含失败及未完成交易）" {
		t.Errorf("totals row = %q", got)
	}
	if got := rawFen(t, f, cellName(colAmount+1, total)); got != 123456740 {
		t.Errorf("total = %d fen", got)
	}
	assertNumFmt(t, f, cellName(colAmount+1, total), numFmtMoney, "")
}

func assertNumFmt(t *testing.T, f *excelize.File, cell string, id int, custom string) {
	t.Helper()
	sid, err := f.GetCellStyle(DefaultSheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(sid)
	if err != nil {
		t.Fatal(err)
	}
	if custom != "" {
		if st.CustomNumFmt == nil || *st.CustomNumFmt != custom {
			t.Errorf("%s custom format = %v, want %q", cell, st.CustomNumFmt, custom)
		}
		return
	}
	if st.NumFmt != id {
		t.Errorf("%s number format = %d, want %d", cell, st.NumFmt, id)
	}
}

func TestWriteXLSXTextIsNeverAFormula(t *testing.T) {
	trades := []platform.Trade{{ReqSN: "=1+1", Kind: "pay", Status: "success", Amount: 5, CashierAccount: "@SUM(A1)", CreatedAt: day0}}
	f := openXLSX(t, trades)
	for cell, want := range map[string]string{"A2": "=1+1", "F2": "@SUM(A1)"} {
		if v, _ := f.GetCellValue(DefaultSheet, cell); v != want {
			t.Errorf("%s = %q, want %q as text", cell, v, want)
		}
		if fm, _ := f.GetCellFormula(DefaultSheet, cell); fm != "" {
			t.Errorf("%s became a formula %q", cell, fm)
		}
	}
}

func TestWriteXLSXExactForLargeAmounts(t *testing.T) {
	var trades []platform.Trade
	for _, a := range []int64{1, 10, 99, 101, 1999, 333333, 123456789012, 900719925474099} {
		trades = append(trades, platform.Trade{ReqSN: "x", Kind: "pay", Status: "success", Amount: a, CreatedAt: day0})
	}
	f := openXLSX(t, trades)
	for i, tr := range trades {
		if got := rawFen(t, f, cellName(colAmount+1, i+2)); got != tr.Amount {
			t.Errorf("row %d = %d fen, want %d", i+2, got, tr.Amount)
		}
	}
}

func TestWriteXLSXSheetNameAndEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(context.Background(), &buf, nil, Options{SheetName: "12月10日"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("12月10日")
	if err != nil || len(rows) != 2 || rows[1][0] != "合计" || rows[1][1] != "0.00" {
		t.Errorf("rows = %q, err = %v", rows, err)
	}
}
