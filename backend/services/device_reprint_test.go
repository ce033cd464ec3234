package services_test

import (
	"bytes"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

// qrStore is the GS ( k function that stores content in the printer's QR symbol.
func qrStore(content string) []byte {
	return append([]byte{0x1d, 0x28, 0x6b, byte(len(content) + 3), 0, 0x31, 0x50, 0x30}, content...)
}

// TestReprintFromTradesIsMarked: 补打 prints one copy of a successful trade's receipt again,
// marked 重打印, with the order number as the printer's QR command and as text; the receipt
// printed with the trade carries the same QR code and no mark.
func TestReprintFromTradesIsMarked(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	np := newNetPrinter(t)
	if err := dev.SavePrinter(services.PrinterSettings{Enabled: true, Name: np.target(), Copies: 2, Width: 58}); err != nil {
		t.Fatal(err)
	}
	tr := paid(t, h, 41, "8.80")
	first := np.next(t)
	if !bytes.Contains(first, qrStore(tr.ReqSN)) || bytes.Contains(first, gb(t, "重打印")) {
		t.Fatal("the first receipt lacks the order QR code or is marked as a reprint")
	}
	if err := dev.Reprint(tr.ID); err != nil {
		t.Fatalf("Reprint: %v", err)
	}
	again := np.next(t)
	for _, want := range [][]byte{gb(t, "消费凭条（重打印）"), gb(t, "重打印时间"), qrStore(tr.ReqSN), []byte(tr.ReqSN), []byte("8.80")} {
		if !bytes.Contains(again, want) {
			t.Fatalf("reprint lacks %q", want)
		}
	}
	if n := bytes.Count(again, []byte{0x1b, 0x40}); n != 1 {
		t.Fatalf("reprint has %d copies, want 1", n)
	}
}

// TestReprintRefusals: no receipt for a trade that did not succeed, none while printing is
// off, and none for a trade that is not there.
func TestReprintRefusals(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	np := newNetPrinter(t)
	if _, err := h.pay.Pay("5", wechat(42, "92"), ""); domain.CodeOf(err) != domain.CodePayFailed {
		t.Fatalf("declined Pay: %v", err)
	}
	page, err := h.trades.List(platform.TradeFilter{Status: string(domain.StatusFailed)})
	if err != nil || len(page.Trades) != 1 {
		t.Fatalf("failed trades = %+v, %v", page, err)
	}
	if err := dev.Reprint(page.Trades[0].ID); domain.CodeOf(err) != services.CodeReprintPrinterOff {
		t.Fatalf("Reprint with printing off: %v", err)
	}
	if err := dev.SavePrinter(services.PrinterSettings{Enabled: true, Name: np.target(), Copies: 1, Width: 80, QRMode: "image"}); err != nil {
		t.Fatal(err)
	}
	if err := dev.Reprint(page.Trades[0].ID); domain.CodeOf(err) != services.CodeReprintNoReceipt {
		t.Fatalf("Reprint of a failed trade: %v", err)
	}
	if err := dev.Reprint(99999); domain.CodeOf(err) != domain.CodeNotFound {
		t.Fatalf("Reprint of no trade: %v", err)
	}
	if err := dev.SavePrinter(services.PrinterSettings{Enabled: true, Name: np.target(), Copies: 1, Width: 80, QRMode: "laser"}); domain.CodeOf(err) != domain.CodeInvalidInput {
		t.Fatalf("SavePrinter with QR mode laser: %v", err)
	}
	select {
	case job := <-np.jobs:
		t.Fatalf("a refused reprint printed %d bytes", len(job))
	default:
	}
}

// TestReceiptQRIsNeverCharged: a receipt's QR code (the order number) entered or scanned on
// 收款 is refused as such, and no trade is made or sent.
func TestReceiptQRIsNeverCharged(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	tr := paid(t, h, 43, "2.00")
	before := len(h.simTrades())
	if _, err := h.pay.Pay("2.00", tr.ReqSN, "manual"); domain.CodeOf(err) != domain.CodePayCodeIsOrder {
		t.Fatalf("Pay with the receipt's order number: %v", err)
	}
	page, err := h.trades.List(platform.TradeFilter{})
	if err != nil || len(page.Trades) != 1 || len(h.simTrades()) != before {
		t.Fatalf("trades after the refused scan: %d here, %d at the bank (was %d), %v", len(page.Trades), len(h.simTrades()), before, err)
	}
}
