package printer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// TestPrintThroughWindowsSpooler prints the sample receipt to a spooler printer with the RAW
// datatype (OpenPrinter, StartDocPrinter, WritePrinter) and checks that the bytes reaching
// the printer's port are the golden ESC/POS receipt. scripts/wine-test.sh provides the
// printer: under Wine the spooler pipes the job to lp, into a private CUPS raw queue whose
// socket:// device is the address this test listens on.
func TestPrintThroughWindowsSpooler(t *testing.T) {
	name, addr := os.Getenv("XTF_TEST_SPOOL_PRINTER"), os.Getenv("XTF_TEST_SPOOL_ADDR")
	if name == "" || addr == "" {
		t.Skip("no spooler printer to test with: set XTF_TEST_SPOOL_PRINTER and XTF_TEST_SPOOL_ADDR (the printer's raw TCP port; scripts/wine-test.sh does)")
	}
	_, got := listenOn(t, addr)
	names, err := Printers(context.Background())
	if err != nil || !slices.Contains(names, name) {
		t.Fatalf("Printers = %q, %v; want %s among them", names, err, name)
	}
	s := Settings{Enabled: true, Printer: name, Paper: Paper58, Copies: 1}
	if err := Print(context.Background(), s, sampleReceipt()); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "pay_58.bin"))
	if err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-got:
		if !bytes.Equal(b, want) {
			t.Fatalf("the printer received %d bytes, want the %d bytes of testdata/pay_58.bin unchanged", len(b), len(want))
		}
	case <-time.After(60 * time.Second):
		t.Fatal("nothing reached the printer's port")
	}
}

// TestSpoolerUnknownPrinter: a printer the spooler does not know is CodePrinterNotFound.
func TestSpoolerUnknownPrinter(t *testing.T) {
	err := Queue{Name: "no-such-printer"}.Send(context.Background(), "x", []byte("x"))
	if domain.CodeOf(err) != CodePrinterNotFound {
		t.Fatalf("err = %v, want %s", err, CodePrinterNotFound)
	}
}
