package services_test

import (
	"bytes"
	"encoding/base64"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/export"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

// TestExportPeriodWithTotalsSheet: an export of a week is named after the period and its
// XLSX carries the 合计 sheet with the period's sums; the period's totals and statistics
// agree; an export over the cap is refused with the count and the limit.
func TestExportPeriodWithTotalsSheet(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	paid(t, h, 1, "1.50")
	paid(t, h, 2, "2")
	now := time.Now().In(platform.ChinaTime)
	f := platform.TradeFilter{From: now.AddDate(0, 0, -6).Format("2006-01-02"), To: now.Format("2006-01-02")}
	file, err := h.trades.ExportDownload(f, "xlsx")
	if err != nil || file.Count != 2 || file.Name != "交易数据-"+f.From+"_"+f.To+".xlsx" {
		t.Fatalf("ExportDownload = %+v, %v", file.Name, err)
	}
	data, _ := base64.StdEncoding.DecodeString(file.Data)
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(export.TotalsSheet)
	if err != nil || len(rows) < 4 || rows[0][1] != f.From+"_"+f.To || rows[3][0] != "收款" || rows[3][2] != "3.50" {
		t.Fatalf("合计 sheet %q, %v", rows, err)
	}
	tot, err := h.trades.Totals(f)
	if err != nil || tot.Count != 2 || tot.PayAmount != 350 || tot.NetAmount != 350 {
		t.Fatalf("totals %+v, %v", tot, err)
	}
	st, err := h.trades.PeriodStats(f)
	if err != nil || len(st.ByDay) != 7 || st.ByDay[6].Amount != 350 || st.PayAmount != tot.PayAmount {
		t.Fatalf("period stats %+v, %v", st, err)
	}
	services.SetExportCap(t, 1)
	_, err = h.trades.ExportDownload(f, "csv")
	if de := domain.AsError(err); de.Code != services.CodeExportTooLarge || de.Params["count"] != 2 || de.Params["limit"] != 1 {
		t.Fatalf("over the cap: %v", err)
	}
}
