package export

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xiaotongfu/backend/internal/testkit"
	"xiaotongfu/backend/platform"
)

// TestWriteXLSXTotalsSheet: the 合计 sheet has the period, every trade in the count and the
// sums worked out by hand from the fixture (failed and unresolved trades move nothing), in
// all and per channel; the trades stay on the first, active sheet.
func TestWriteXLSXTotalsSheet(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(context.Background(), &buf, fixture(), Options{Period: "2018-12-01_2018-12-10"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.GetSheetList()[f.GetActiveSheetIndex()] != DefaultSheet {
		t.Fatalf("active sheet %v", f.GetSheetList())
	}
	rows, err := f.GetRows(TotalsSheet)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r[0]] = strings.Join(r[1:], "|")
	}
	want := map[string]string{
		"统计期间": "2018-12-01_2018-12-10", "交易笔数（全部状态）": "8",
		"收款": "3|1234587.89", "撤销": "1|-19.99", "退货": "1|-0.50", "净收款": "5|1234567.40",
		"微信收款": "1|0.01", "微信退货": "0|0.00", "微信净收款": "1|0.01",
		"支付宝收款": "1|19.99", "支付宝撤销": "1|-19.99", "支付宝净收款": "2|0.00",
		"云闪付收款": "1|1234567.89", "云闪付退货": "1|-0.50", "云闪付净收款": "2|1234567.39",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q; want %q", k, got[k], v)
		}
	}
}

// benchExport writes 100k trades (the export cap) as CSV or XLSX: the budget is 1 s for
// CSV and 3 s for XLSX (ms/op).
func benchExport(b *testing.B, write func(context.Context, io.Writer, []platform.Trade, Options) error) {
	trades := manyTrades(100_000)
	b.ReportAllocs()
	start, cpu := time.Now(), testkit.ProcessCPU()
	for b.Loop() {
		if err := write(context.Background(), io.Discard, trades, Options{Period: "2018-12-01_2018-12-31"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/op")
	testkit.ReportCPU(b, cpu)
}

func BenchmarkWriteCSV100k(b *testing.B)  { benchExport(b, WriteCSV) }
func BenchmarkWriteXLSX100k(b *testing.B) { benchExport(b, WriteXLSX) }
