package services_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

// dirDialog stands in for the cashier at the native save dialog: it saves under dir with
// the proposed name (or name when set), or cancels.
type dirDialog struct {
	dir    string
	name   string
	cancel bool

	mu   sync.Mutex
	asks []services.SaveRequest
}

func (d *dirDialog) SavePath(_ context.Context, r services.SaveRequest) (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.asks = append(d.asks, r)
	if d.cancel {
		return "", nil
	}
	return filepath.Join(d.dir, cmpStr(d.name, r.DefaultName)), nil
}

func cmpStr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// withDialog rebuilds h's services around a core whose save dialog is d.
func withDialog(t *testing.T, h *harness, d services.SaveDialog) {
	t.Helper()
	prefs, err := desktop.LoadConfig(h.dir)
	if err != nil {
		t.Fatal(err)
	}
	h.attach(services.Options{API: h.backend.API, Prefs: prefs, Mode: h.backend.Mode, Demo: h.backend.Demo,
		PollEvery: 100 * time.Millisecond, PollFor: 10 * time.Second, Dialog: d})
}

// paid makes a successful WeChat payment of amount (yuan text).
func paid(t *testing.T, h *harness, n int, amount string) *platform.Trade {
	t.Helper()
	tr, err := h.pay.Pay(amount, wechat(n, "00"), "manual")
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("Pay(%s): %+v, %v", amount, tr, err)
	}
	return tr
}

func TestRefundAndCancelThroughTheService(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	orig := paid(t, h, 11, "10.00")
	if _, err := h.trades.Refund(orig.ReqSN, "1.2.3", ownerPassword); domain.CodeOf(err) != domain.CodeAmountInvalid {
		t.Fatalf("refund of 1.2.3: %v, want %s", err, domain.CodeAmountInvalid)
	}
	if _, err := h.trades.Refund(orig.ReqSN, "1", "wrong-password"); domain.CodeOf(err) != domain.CodeAdminPassword {
		t.Fatalf("refund with a wrong admin password: %v", err)
	}
	if _, err := h.trades.Refund(" ", "1", ownerPassword); domain.AsError(err).Field != "tradeNo" {
		t.Fatalf("refund without a trade number: %v", err)
	}
	r, err := h.trades.Refund(orig.ReqSN, "3.50", ownerPassword)
	if err != nil || r.Kind != string(domain.KindRefund) || r.Amount != 350 || r.Status != string(domain.StatusSuccess) || r.OrigReqSN != orig.ReqSN {
		t.Fatalf("Refund 3.50 = %+v, %v", r, err)
	}
	if _, err := h.trades.Refund(orig.ReqSN, "6.51", ownerPassword); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("refund over what is left: %v, want %s", err, domain.CodeReverseNotAllowed)
	}
	other := paid(t, h, 12, "2.00")
	c, err := h.trades.Cancel(other.TrxID, ownerPassword)
	if err != nil || c.Kind != string(domain.KindCancel) || c.Amount != 200 || c.Status != string(domain.StatusSuccess) {
		t.Fatalf("Cancel = %+v, %v", c, err)
	}
	got, err := h.trades.Recheck(other.ID)
	if err != nil || got.ID != other.ID || got.Status != string(domain.StatusCancelled) {
		t.Fatalf("Recheck(cancelled payment) = %+v, %v", got, err)
	}
	if results := h.rec.Named(events.PayResult); len(results) != 2 {
		t.Fatalf("pay:result events = %d, want 2 (reversals report through their return value)", len(results))
	}
	stats, err := h.trades.Stats("")
	if err != nil || stats.RefundAmount != 350 || stats.CancelAmount != 200 {
		t.Fatalf("Stats = %+v, %v", stats, err)
	}
}

func TestExportCSVAndXLSXWriteEveryPage(t *testing.T) {
	h := newHarness(t)
	d := &dirDialog{dir: t.TempDir()}
	withDialog(t, h, d)
	h.loginAdmin()
	const n = 205 // more than one 200-trade page
	for i := 0; i < n; i++ {
		paid(t, h, 100+i, "0.01")
	}
	res, err := h.trades.Export(platform.TradeFilter{Limit: 10, Offset: 50}, "csv")
	if err != nil || res.Count != n {
		t.Fatalf("Export csv = %+v, %v", res, err)
	}
	day := time.Now().In(platform.ChinaTime).Format("2006-01-02")
	if want := filepath.Join(d.dir, "交易数据-"+day+".csv"); res.Path != want || d.asks[0].Filters[0].Pattern != "*.csv" {
		t.Fatalf("saved to %q (asked %+v), want %q", res.Path, d.asks[0], want)
	}
	b, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil || len(rows) != n+1 || rows[0][0] != "交易单号" {
		t.Fatalf("csv: %d rows, %v", len(rows), err)
	}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		seen[strings.TrimSpace(r[0])] = true
	}
	if len(seen) != n {
		t.Fatalf("csv holds %d distinct trades, want %d", len(seen), n)
	}
	prog := h.rec.Named(events.ExportProgress)
	if last := prog[len(prog)-1].(events.Count); last.Done != n || last.Total != n {
		t.Fatalf("last export:progress = %+v", last)
	}
	d.name = "交易数据" // no extension typed
	res, err = h.trades.Export(platform.TradeFilter{}, "xlsx")
	if err != nil || res.Count != n || filepath.Ext(res.Path) != ".xlsx" {
		t.Fatalf("Export xlsx = %+v, %v", res, err)
	}
	f, err := excelize.OpenFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xrows, err := f.GetRows("交易数据")
	if err != nil || len(xrows) != n+2 { // header, trades, 合计
		t.Fatalf("xlsx rows = %d, %v", len(xrows), err)
	}
}

func TestExportCancelledAndBadFormat(t *testing.T) {
	h := newHarness(t)
	d := &dirDialog{dir: t.TempDir(), cancel: true}
	withDialog(t, h, d)
	h.loginAdmin()
	paid(t, h, 1, "1")
	if res, err := h.trades.Export(platform.TradeFilter{}, "csv"); err != nil || res != (services.ExportResult{}) {
		t.Fatalf("cancelled export = %+v, %v", res, err)
	}
	if _, err := h.trades.Export(platform.TradeFilter{}, "pdf"); domain.AsError(err).Field != "format" {
		t.Fatalf("pdf export: %v", err)
	}
	pic, err := h.trades.StatsPicture(platform.TradeFilter{}, "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	if res, err := h.trades.SaveStatsPNG(pic); err != nil || res.Path != "" {
		t.Fatalf("cancelled SaveStatsPNG = %+v, %v", res, err)
	}
	entries, _ := os.ReadDir(d.dir)
	if len(entries) != 0 {
		t.Fatalf("a cancelled save left %d files", len(entries))
	}
}

func TestSaveStatsPNG(t *testing.T) {
	h := newHarness(t)
	d := &dirDialog{dir: t.TempDir()}
	withDialog(t, h, d)
	h.loginAdmin()
	paid(t, h, 1, "12.30")
	paid(t, h, 2, "1")
	pic, err := h.trades.StatsPicture(platform.TradeFilter{}, "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	res, err := h.trades.SaveStatsPNG(pic)
	day := time.Now().In(platform.ChinaTime).Format("2006-01-02")
	if err != nil || res.Count != 2 || filepath.Base(res.Path) != "交易统计-"+day+".png" || pic.Name != "交易统计-"+day+".png" {
		t.Fatalf("SaveStatsPNG = %+v, %v", res, err)
	}
	if r := d.asks[0]; r.Title != "保存统计图片" || r.Filters[0].Name != "PNG 图片 (*.png)" {
		t.Fatalf("the save dialog is not in Chinese: %+v", r)
	}
	saved, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	if shown, _ := base64.StdEncoding.DecodeString(pic.PNG); !bytes.Equal(saved, shown) {
		t.Fatal("the saved picture is not the one the dialog showed")
	}
	img, err := png.Decode(bytes.NewReader(saved))
	if err != nil || img.Bounds().Dx() < 900 {
		t.Fatalf("png: %v, %v", img, err)
	}
	if en, err := h.trades.StatsPicture(platform.TradeFilter{}, "en"); err != nil || en.PNG == pic.PNG {
		t.Fatalf("English picture: %v (same as Chinese: %v)", err, en.PNG == pic.PNG)
	}
	if _, err := h.trades.StatsPicture(platform.TradeFilter{Day: "2024-13-40"}, "zh-CN"); err == nil {
		t.Fatal("a bad day was accepted")
	}
	if _, err := h.trades.SaveStatsPNG(services.StatsImage{PNG: "bm90IGEgcGljdHVyZQ=="}); domain.AsError(err).Field != "png" {
		t.Fatalf("a non-PNG was saved: %v", err)
	}
}

// cancellingDialog is the cashier pressing the app's 取消 while the save dialog is open (it
// may be on a screen nobody sees): the dialog returns a path afterwards.
type cancellingDialog struct {
	dirDialog
	trades *services.TradeService
}

func (d *cancellingDialog) SavePath(ctx context.Context, r services.SaveRequest) (string, error) {
	d.trades.CancelExport()
	return d.dirDialog.SavePath(ctx, r)
}

// TestExportDownloadAndTimeout: in the browser the export comes back as a download; a job
// over its time ends with export_timeout; the window's save dialog speaks Chinese.
func TestExportDownloadAndTimeout(t *testing.T) {
	h := newHarness(t)
	d := &dirDialog{dir: t.TempDir()}
	withDialog(t, h, d)
	h.loginAdmin()
	paid(t, h, 1, "1.50")
	paid(t, h, 2, "2")
	day := time.Now().In(platform.ChinaTime).Format("2006-01-02")
	file, err := h.trades.ExportDownload(platform.TradeFilter{}, "csv")
	if err != nil || file.Count != 2 || file.Name != "交易数据-"+day+".csv" {
		t.Fatalf("ExportDownload = %+v, %v", file, err)
	}
	data, err := base64.StdEncoding.DecodeString(file.Data)
	if err != nil || !bytes.Contains(data, []byte("交易单号")) || !bytes.Contains(data, []byte("1.50")) {
		t.Fatalf("downloaded csv %q, %v", data, err)
	}
	if _, err := h.trades.ExportDownload(platform.TradeFilter{}, "pdf"); domain.AsError(err).Field != "format" {
		t.Fatalf("pdf download: %v", err)
	}
	if _, err := h.trades.Export(platform.TradeFilter{}, "xlsx"); err != nil {
		t.Fatal(err)
	}
	if r := d.asks[0]; r.Title != "导出交易数据" || r.Filters[0].Name != "Excel 工作簿 (*.xlsx)" {
		t.Fatalf("the save dialog is not in Chinese: %+v", r)
	}
	services.SetExportTimeout(t, time.Nanosecond)
	if _, err := h.trades.ExportDownload(platform.TradeFilter{}, "csv"); domain.CodeOf(err) != services.CodeExportTimeout {
		t.Fatalf("export over its time: %v", err)
	}
}

// TestExportCancelledWhileTheDialogIsOpen: 取消 pressed while the save dialog is open ends
// the export with export_cancelled, and nothing is written when the dialog returns a path.
func TestExportCancelledWhileTheDialogIsOpen(t *testing.T) {
	h := newHarness(t)
	cd := &cancellingDialog{dirDialog: dirDialog{dir: t.TempDir()}}
	withDialog(t, h, cd)
	cd.trades = h.trades
	h.loginAdmin()
	paid(t, h, 1, "1")
	if _, err := h.trades.Export(platform.TradeFilter{}, "csv"); domain.CodeOf(err) != services.CodeExportCancelled {
		t.Fatalf("cancelled export: %v", err)
	}
	if entries, _ := os.ReadDir(cd.dir); len(entries) != 0 {
		t.Fatalf("a cancelled export left %d files", len(entries))
	}
}
