package services_test

import (
	"bytes"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/devices/printer"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/services"
)

// netPrinter is a network receipt printer on loopback: every connection is one job.
type netPrinter struct {
	ln   net.Listener
	jobs chan []byte
}

func newNetPrinter(t *testing.T) *netPrinter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &netPrinter{ln: ln, jobs: make(chan []byte, 16)}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			b, _ := io.ReadAll(conn)
			conn.Close()
			p.jobs <- b
		}
	}()
	return p
}

func (p *netPrinter) target() string { return "tcp://" + p.ln.Addr().String() }

// next waits for the next job.
func (p *netPrinter) next(t *testing.T) []byte {
	t.Helper()
	select {
	case b := <-p.jobs:
		return b
	case <-time.After(time.Minute):
		t.Fatal("the printer received nothing within a minute")
		return nil
	}
}

// gb is s as the printer receives it.
func gb(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// waitFor polls the recorder until an event called name satisfies ok, or fails after 10 s.
func waitFor(t *testing.T, rec *events.Recorder, name string, ok func(any) bool) any {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		for _, p := range rec.Named(name) {
			if ok(p) {
				return p
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no matching %s event within 10 s; got %+v", name, rec.Named(name))
	return nil
}

func TestReceiptPrintedAfterSuccessfulPayment(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	np := newNetPrinter(t)
	if err := dev.SavePrinter(services.PrinterSettings{Enabled: true, Name: " " + np.target() + " ", Copies: 2, Width: 80}); err != nil {
		t.Fatalf("SavePrinter: %v", err)
	}
	saved, err := desktop.LoadConfig(h.dir)
	if err != nil || saved.Devices().Printer != (services.PrinterSettings{Enabled: true, Name: np.target(), Copies: 2, Width: 80}) {
		t.Fatalf("config file printer = %+v, %v", saved.Devices().Printer, err)
	}
	if _, err := h.pay.Pay("5", wechat(31, "92"), ""); domain.CodeOf(err) != domain.CodePayFailed {
		t.Fatalf("declined Pay: %v", err)
	}
	tr := paid(t, h, 32, "12.30")
	job := np.next(t) // the declined payment printed nothing, so this is the paid one
	for _, want := range [][]byte{{0x1b, 0x40}, []byte(tr.ReqSN), []byte("12.30"), gb(t, "消费凭条"),
		gb(t, "第 2 联 / 共 2 联"), gb(t, tr.StoreName), {0x1d, 0x56}} {
		if !bytes.Contains(job, want) {
			t.Fatalf("receipt lacks %q", want)
		}
	}
	if n := bytes.Count(job, []byte{0x1b, 0x40}); n != 2 {
		t.Fatalf("receipt has %d copies, want 2", n)
	}
}

func TestPrintFailureIsANoticeNotAPaymentError(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "tcp://" + ln.Addr().String()
	ln.Close() // nothing listens there any more
	if err := dev.SavePrinter(services.PrinterSettings{Enabled: true, Name: dead, Copies: 1, Width: 58}); err != nil {
		t.Fatal(err)
	}
	tr := paid(t, h, 33, "1")
	f := waitFor(t, h.rec, events.DeviceNotice, func(p any) bool { return p.(events.Fault).TradeID == tr.ID }).(events.Fault)
	if f.Device != "printer" || f.Code != string(printer.CodePrinterUnreachable) || f.Message == "" {
		t.Fatalf("device:notice = %+v", f)
	}
}

func TestPrinterSettingsValidationAndTestPrint(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	st, err := dev.Settings()
	if err != nil || st.Printer != (services.PrinterSettings{Copies: 1, Width: 58, QRMode: "command"}) || st.Box.Baud != 9600 ||
		st.Box.DataBits != 8 || st.Box.Parity != "none" || st.Box.StopBits != "1" {
		t.Fatalf("default Settings() = %+v, %v", st, err)
	}
	bad := map[string]services.PrinterSettings{
		"copies": {Copies: 6, Width: 58},
		"width":  {Copies: 1, Width: 76},
		"name":   {Enabled: true, Copies: 1, Width: 58},
	}
	for field, p := range bad {
		if err := dev.SavePrinter(p); domain.AsError(err).Field != field {
			t.Errorf("SavePrinter(%+v) = %v, want an error on %s", p, err, field)
		}
	}
	if err := dev.SavePrinter(services.PrinterSettings{Copies: 0, Width: 58}); domain.AsError(err).Field != "copies" {
		t.Errorf("0 copies accepted: %v", err)
	}
	np := newNetPrinter(t)
	if err := dev.TestPrint(services.PrinterSettings{Name: np.target(), Copies: 1, Width: 58}); err != nil {
		t.Fatalf("TestPrint: %v", err)
	}
	job := np.next(t)
	if !bytes.Contains(job, gb(t, "测试小票")) || !bytes.Contains(job, gb(t, platformDemoMerchant(t, h))) {
		t.Fatalf("test receipt lacks its note or the merchant: %q", job)
	}
	if names, err := dev.Printers(); names == nil {
		t.Fatalf("Printers() = nil, %v; want a list (maybe empty)", err)
	}
}

// platformDemoMerchant is the merchant name of h's terminal.
func platformDemoMerchant(t *testing.T, h *harness) string {
	t.Helper()
	st, err := h.session.State()
	if err != nil || st.Terminal == nil || st.Terminal.MerchantName == "" {
		t.Fatalf("State() = %+v, %v", st, err)
	}
	return st.Terminal.MerchantName
}

// TestReceiptPrintedAfterVoidAndRefund: a successful refund and void print their receipt on
// the same background path as a payment: 退货 / 撤销, the amount negative and the original
// order number.
func TestReceiptPrintedAfterVoidAndRefund(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	np := newNetPrinter(t)
	if err := dev.SavePrinter(services.PrinterSettings{Enabled: true, Name: np.target(), Copies: 1, Width: 58}); err != nil {
		t.Fatal(err)
	}
	orig := paid(t, h, 34, "10.00")
	np.next(t) // the payment's own receipt
	ref, err := h.trades.Refund(orig.ReqSN, "3.50", ownerPassword)
	if err != nil || ref.Status != string(domain.StatusSuccess) {
		t.Fatalf("Refund: %+v, %v", ref, err)
	}
	job := np.next(t)
	for _, want := range [][]byte{gb(t, "退货凭条"), gb(t, "-￥3.50"), gb(t, "原订单号"), []byte(orig.ReqSN), []byte(ref.ReqSN)} {
		if !bytes.Contains(job, want) {
			t.Fatalf("refund receipt lacks %q", want)
		}
	}
	other := paid(t, h, 35, "4.20")
	np.next(t)
	void, err := h.trades.Cancel(other.ReqSN, ownerPassword)
	if err != nil || void.Status != string(domain.StatusSuccess) {
		t.Fatalf("Cancel: %+v, %v", void, err)
	}
	job = np.next(t)
	for _, want := range [][]byte{gb(t, "撤销凭条"), gb(t, "-￥4.20"), []byte(other.ReqSN)} {
		if !bytes.Contains(job, want) {
			t.Fatalf("void receipt lacks %q", want)
		}
	}
}

// TestTestPrintIsThePreview: 测试打印 prints one copy — the lines ReceiptPreview shows (copy 1
// of the configured 5) — and the test order number is China time whatever the machine's zone.
func TestTestPrintIsThePreview(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	np := newNetPrinter(t)
	p := services.PrinterSettings{Name: np.target(), Copies: 5, Width: 58}
	preview, err := dev.ReceiptPreview(p)
	if err != nil {
		t.Fatalf("ReceiptPreview: %v", err)
	}
	if err := dev.TestPrint(p); err != nil {
		t.Fatalf("TestPrint: %v", err)
	}
	job := np.next(t)
	if n := bytes.Count(job, []byte{0x1d, 0x56}); n != 1 {
		t.Fatalf("the test print cut %d copies, want 1", n)
	}
	var texts []string
	qrs := 0
	for _, l := range preview {
		texts = append(texts, l.Text)
		if l.QR != "" {
			qrs++
			if len(l.Modules) < 21 || len(l.Modules[0]) != len(l.Modules) || !strings.HasPrefix(l.QR, "TEST") {
				t.Errorf("the preview's QR line %q has %d rows of modules", l.QR, len(l.Modules))
			}
			continue
		}
		if strings.HasPrefix(l.Text, "订单号") || strings.HasPrefix(l.Text, "交易时间") || strings.Contains(l.Text, "TEST") {
			continue // the clock may tick between the two calls
		}
		if !bytes.Contains(job, gb(t, l.Text)) {
			t.Errorf("the test print lacks the preview's line %q", l.Text)
		}
	}
	all := strings.Join(texts, "\n")
	china := time.Now().In(time.FixedZone("CST", 8*3600))
	if !strings.Contains(all, "TEST"+china.Format("2006010215")) || !strings.Contains(all, china.Format("2006-01-02 15")) {
		t.Errorf("the test receipt is not in China time (%s):\n%s", china, all)
	}
	if qrs != 1 || !bytes.Contains(job, []byte{0x1d, 0x28, 0x6b}) {
		t.Errorf("the preview has %d QR codes; the test print's QR command: %v", qrs, bytes.Contains(job, []byte{0x1d, 0x28, 0x6b}))
	}
	if !strings.Contains(all, "第 1 联 / 共 5 联") {
		t.Errorf("the preview does not show which copy it is:\n%s", all)
	}
}
