package services_test

import (
	"bytes"
	"encoding/base64"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/services"
)

// handoverHarness is a logged-in admin terminal with its handover service and a network
// printer that receipts and slips go to.
func handoverHarness(t *testing.T) (*harness, *services.HandoverService, *netPrinter) {
	t.Helper()
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	np := newNetPrinter(t)
	if err := dev.SavePrinter(services.PrinterSettings{Enabled: true, Name: np.target(), Copies: 1, Width: 58}); err != nil {
		t.Fatal(err)
	}
	return h, services.NewHandoverService(h.core), np
}

// TestHandoverClosePrintsTheSlipAndLists: the preview counts the shift's payments and a
// void, 交班 closes it (the slip printed with its number as QR command and text), the next
// preview is empty and not asked about, and 交接班记录 lists it, reprints it marked 重打印 and
// exports it as CSV.
func TestHandoverClosePrintsTheSlipAndLists(t *testing.T) {
	h, hs, np := handoverHarness(t)
	paid(t, h, 51, "8.80")
	b := paid(t, h, 52, "1.20")
	if _, err := h.trades.Cancel(b.ReqSN, ownerPassword); err != nil {
		t.Fatalf("Cancel: %v", err)
	}
	for range 3 {
		np.next(t) // two receipts and the void's
	}
	pv, err := hs.Preview()
	if err != nil || pv.No != "" || pv.Sums.PayCount != 2 || pv.Sums.PayAmount != 1000 || pv.Sums.CancelCount != 1 || pv.Sums.NetAmount != 880 {
		t.Fatalf("Preview = %+v, %v", pv, err)
	}
	if ask := hs.QuitAsk(); !ask.Ask || ask.Preview == nil || ask.Preview.Sums.PayCount != 2 {
		t.Fatalf("QuitAsk with a shift to hand over = %+v", ask)
	}
	res, err := hs.Close()
	if err != nil || !res.Printed || res.PrintError != nil || res.Handover.No == "" || res.Handover.Sums.NetAmount != 880 {
		t.Fatalf("Close = %+v, %v", res, err)
	}
	no := res.Handover.No
	slip := np.next(t)
	for _, want := range [][]byte{gb(t, "交接班凭条"), qrStore(no), []byte(no), []byte("8.80"), gb(t, "净收款")} {
		if !bytes.Contains(slip, want) {
			t.Fatalf("slip lacks %q", want)
		}
	}
	if ask := hs.QuitAsk(); ask.Ask {
		t.Fatalf("QuitAsk right after the handover = %+v, want no question", ask)
	}
	page, err := hs.List(platform.HandoverFilter{})
	if err != nil || page.Total != 1 || page.Handovers[0].No != no || page.Handovers[0].Cashier != domain.AdminAccount {
		t.Fatalf("List = %+v, %v", page, err)
	}
	day := res.Handover.To.In(platform.ChinaTime).Format("2006-01-02")
	if err := hs.Reprint(no, day); err != nil {
		t.Fatalf("Reprint: %v", err)
	}
	if again := np.next(t); !bytes.Contains(again, gb(t, "交接班凭条（重打印）")) || !bytes.Contains(again, qrStore(no)) {
		t.Fatal("the reprinted slip is not marked 重打印 or lacks its QR code")
	}
	codeOf(t, hs.Reprint("HX-none", day), services.CodeHandoverNotFound)
	fd, err := hs.ExportDownload(platform.HandoverFilter{}, "csv")
	if err != nil || fd.Count != 1 || fd.Name != "交接班记录-全部.csv" {
		t.Fatalf("ExportDownload = %+v, %v", fd, err)
	}
	csv, _ := base64.StdEncoding.DecodeString(fd.Data)
	if !strings.Contains(string(csv), "交接班单号") || !strings.Contains(string(csv), no) || !strings.Contains(string(csv), "8.80") {
		t.Fatalf("CSV export:\n%s", csv)
	}
	codeOf(t, errOnly(hs.ExportDownload(platform.HandoverFilter{}, "pdf")), domain.CodeInvalidInput)
}

// TestHandoverPrintFailureIsACode: a printer that is not there does not undo the handover;
// Close reports the printer's code.
func TestHandoverPrintFailureIsACode(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gone := "tcp://" + ln.Addr().String()
	ln.Close()
	paid(t, h, 53, "3.00")
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	if err := dev.SavePrinter(services.PrinterSettings{Enabled: true, Name: gone, Copies: 1, Width: 80}); err != nil {
		t.Fatal(err)
	}
	hs := services.NewHandoverService(h.core)
	res, err := hs.Close()
	if err != nil || res.Handover == nil || res.Printed || res.PrintError == nil || res.PrintError.Code == "" {
		t.Fatalf("Close with the printer gone = %+v, %v", res, err)
	}
	if page, err := hs.List(platform.HandoverFilter{}); err != nil || page.Total != 1 {
		t.Fatalf("List after an unprinted handover = %+v, %v", page, err)
	}
}

// TestHandoverCashierSeesOwnAdminSeesStore: a cashier lists only their own handovers and may
// not name another account; the admin sees the store's, one cashier's when filtered.
func TestHandoverCashierSeesOwnAdminSeesStore(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	hs := services.NewHandoverService(h.core)
	paid(t, h, 54, "2.00")
	if _, err := hs.Close(); err != nil {
		t.Fatal(err)
	}
	in := platform.CashierInput{Account: "02", Password: "Pass1234", Name: "张三"}
	if _, err := h.cashier.Add(in, in.Password); err != nil {
		t.Fatal(err)
	}
	if err := h.session.Logout(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.session.Login("02", "Pass1234"); err != nil {
		t.Fatal(err)
	}
	paid(t, h, 55, "4.00")
	if res, err := hs.Close(); err != nil || res.Handover.Cashier != "02" || res.Handover.Sums.PayAmount != 400 {
		t.Fatalf("cashier Close = %+v, %v", res, err)
	}
	page, err := hs.List(platform.HandoverFilter{})
	if err != nil || page.Total != 1 || page.Handovers[0].Cashier != "02" {
		t.Fatalf("cashier List = %+v, %v", page, err)
	}
	codeOf(t, errOnly(hs.List(platform.HandoverFilter{Account: domain.AdminAccount})), domain.CodeForbidden)
	if err := h.session.Logout(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.session.Login(domain.AdminAccount, ownerPassword); err != nil {
		t.Fatal(err)
	}
	if page, err := hs.List(platform.HandoverFilter{}); err != nil || page.Total != 2 {
		t.Fatalf("admin List = %+v, %v", page, err)
	}
	if page, err := hs.List(platform.HandoverFilter{Account: "02"}); err != nil || page.Total != 1 {
		t.Fatalf("admin List of 02 = %+v, %v", page, err)
	}
}

// TestHandoverSkipPromptIsRemembered: 不再提示 stops the question and is kept in the
// desktop's config file; logged out there is nothing to ask.
func TestHandoverSkipPromptIsRemembered(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	hs := services.NewHandoverService(h.core)
	paid(t, h, 56, "1.00")
	if !hs.ShouldAsk() {
		t.Fatal("no question with a payment in the shift")
	}
	if err := hs.SetSkipPrompt(true); err != nil {
		t.Fatal(err)
	}
	if hs.ShouldAsk() || !hs.Prefs().SkipPrompt {
		t.Fatal("asked after 不再提示")
	}
	cfg, err := desktop.LoadConfig(h.dir)
	if err != nil || !cfg.Devices().Handover.SkipPrompt {
		t.Fatalf("不再提示 not saved: %+v, %v", cfg.Devices().Handover, err)
	}
	if err := hs.SetSkipPrompt(false); err != nil {
		t.Fatal(err)
	}
	if err := h.session.Logout(); err != nil {
		t.Fatal(err)
	}
	if hs.ShouldAsk() {
		t.Fatal("asked with nobody logged in")
	}
}

// TestTrayQuitAsksFirstButNeverBlocks: with a shift to hand over the tray's 退出 shows the
// window and asks the UI (window:quitAsk) instead of quitting; a second 退出 quits.
func TestTrayQuitAsksFirstButNeverBlocks(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	rt := &runtimeRecorder{onQuit: h.win.BeforeClose}
	h.win.Attach(rt, func() bool { return true })
	hs := services.NewHandoverService(h.core)
	h.win.SetQuitAsk(hs.ShouldAsk)
	paid(t, h, 57, "6.00")
	h.win.QuitOrExplain()
	if got := rt.take(); slices.Contains(got, "Quit") || len(h.rec.Named(events.QuitAsk)) != 1 {
		t.Fatalf("first tray quit: calls %q, quitAsk events %d", got, len(h.rec.Named(events.QuitAsk)))
	}
	h.win.QuitOrExplain()
	if got := rt.take(); !slices.Contains(got, "Quit") || len(h.rec.Named(events.QuitAsk)) != 1 {
		t.Fatalf("second tray quit: calls %q, want Quit without asking again", got)
	}
}

// TestHandoverOverHTTP: a remote terminal (httpapi to a served platform) previews, closes and
// lists its shift like an embedded one.
func TestHandoverOverHTTP(t *testing.T) {
	server := newHarness(t)
	srv := httptest.NewServer(httpapi.NewServer(server.backend.API, nil))
	t.Cleanup(srv.Close)
	h := remoteHarness(t, server, srv.URL)
	hs := services.NewHandoverService(h.core)
	paid(t, h, 58, "7.70")
	if pv, err := hs.Preview(); err != nil || pv.Sums.PayAmount != 770 {
		t.Fatalf("remote Preview = %+v, %v", pv, err)
	}
	res, err := hs.Close()
	if err != nil || res.Handover.No == "" || res.Printed || res.PrintError != nil {
		t.Fatalf("remote Close (printing off) = %+v, %v", res, err)
	}
	page, err := hs.List(platform.HandoverFilter{})
	if err != nil || page.Total != 1 || page.Handovers[0].No != res.Handover.No || page.Handovers[0].Sums.NetAmount != 770 {
		t.Fatalf("remote List = %+v, %v", page, err)
	}
}

// TestHandoverExportThroughTheSaveDialog: 导出 as XLSX asks where to save with the Chinese
// title and name, writes a workbook there and reports progress; 取消 in the dialog writes nothing.
func TestHandoverExportThroughTheSaveDialog(t *testing.T) {
	h := newHarness(t)
	d := &dirDialog{dir: t.TempDir()}
	withDialog(t, h, d)
	h.loginAdmin()
	hs := services.NewHandoverService(h.core)
	paid(t, h, 59, "9.90")
	if _, err := hs.Close(); err != nil {
		t.Fatal(err)
	}
	res, err := hs.Export(platform.HandoverFilter{}, "xlsx")
	if err != nil || res.Count != 1 || filepath.Base(res.Path) != "交接班记录-全部.xlsx" {
		t.Fatalf("Export = %+v, %v", res, err)
	}
	if b, err := os.ReadFile(res.Path); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("the saved file is not a workbook: %v", err)
	}
	if len(d.asks) != 1 || d.asks[0].Title != "导出交接班记录" || len(h.rec.Named(events.ExportProgress)) == 0 {
		t.Fatalf("dialog asks %+v, progress events %d", d.asks, len(h.rec.Named(events.ExportProgress)))
	}
	d.cancel = true
	if res, err := hs.Export(platform.HandoverFilter{}, "csv"); err != nil || res.Path != "" {
		t.Fatalf("Export cancelled in the dialog = %+v, %v", res, err)
	}
}
