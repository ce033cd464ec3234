package services_test

import (
	"encoding/json"
	"net"
	"strings"
	"testing"

	"xiaotongfu/backend/devices/printer"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/services"
)

// closedPrinter is tcp:// to a loopback port where nothing listens any more, and its address.
func closedPrinter(t *testing.T) (target, addr string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr = ln.Addr().String()
	ln.Close()
	return "tcp://" + addr, addr
}

// shownHasNoSystemText fails when what the UI gets (v as JSON) holds the system's words.
func shownHasNoSystemText(t *testing.T, v any) {
	t.Helper()
	b, _ := json.Marshal(v)
	for _, w := range []string{"refused", "dial", "scheduler", "lpstat", "errno"} {
		if strings.Contains(strings.ToLower(string(b)), w) {
			t.Fatalf("the UI gets %s, with the system's %q", b, w)
		}
	}
}

// TestPrinterErrorsAreCodesWithThePrinter: a test print and a receipt after a payment at a
// printer that refuses the connection, and a test print to a spooler queue that does not
// exist, reach the UI as a code with the printer as its parameter; the system's text is logged.
func TestPrinterErrorsAreCodesWithThePrinter(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	target, addr := closedPrinter(t)
	p := services.PrinterSettings{Enabled: true, Name: target, Copies: 1, Width: 58}
	e := codeOf(t, dev.TestPrint(p), printer.CodePrinterUnreachable)
	if len(e.Params) != 1 || e.Params["printer"] != addr {
		t.Fatalf("test print: params %v, want the printer %s", e.Params, addr)
	}
	shownHasNoSystemText(t, e)
	if !strings.Contains(strings.ToLower(h.logText()), "connection refused") { // Windows: "Connection refused."
		t.Fatal("the system's error is not in the log")
	}

	if err := dev.SavePrinter(p); err != nil {
		t.Fatal(err)
	}
	tr := paid(t, h, 35, "1")
	f := waitFor(t, h.rec, events.DeviceNotice, func(p any) bool { return p.(events.Fault).TradeID == tr.ID }).(events.Fault)
	if f.Code != string(printer.CodePrinterUnreachable) || f.Params["printer"] != addr {
		t.Fatalf("device:notice = %+v, want printer_unreachable with the printer %s", f, addr)
	}
	shownHasNoSystemText(t, f)

	queue := services.PrinterSettings{Name: "XTF-NO-SUCH-QUEUE", Copies: 1, Width: 58}
	e = domain.AsError(dev.TestPrint(queue))
	if e.Params["printer"] != queue.Name && e.Code != printer.CodeNoSpooler {
		t.Fatalf("unknown queue: %+v, want a code about %s", e, queue.Name)
	}
	shownHasNoSystemText(t, e)
}
