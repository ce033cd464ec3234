package printer

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"maps"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// listen accepts one connection on loopback and returns what it received.
func listen(t *testing.T) (addr string, got <-chan []byte) {
	t.Helper()
	return listenOn(t, "127.0.0.1:0")
}

// listenOn is listen on a given address.
func listenOn(t *testing.T, at string) (addr string, got <-chan []byte) {
	t.Helper()
	ln, err := net.Listen("tcp", at)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	ch := make(chan []byte, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			ch <- nil
			return
		}
		defer c.Close()
		b, _ := io.ReadAll(c)
		ch <- b
	}()
	return ln.Addr().String(), ch
}

func TestPrintOverTCP(t *testing.T) {
	addr, got := listen(t)
	s := Settings{Enabled: true, Printer: "tcp://" + addr, Paper: Paper80, Copies: 2}
	if err := Print(context.Background(), s, sampleReceipt()); err != nil {
		t.Fatal(err)
	}
	want, _ := Render(sampleReceipt(), Paper80, 2, QRCommand)
	select {
	case b := <-got:
		if !bytes.Equal(b, want) {
			t.Fatalf("printer received %d bytes, want %d", len(b), len(want))
		}
	case <-time.After(time.Minute):
		t.Fatal("nothing received")
	}
}

func TestTCPUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there any more
	err = TCP{Addr: addr, Timeout: 2 * time.Second}.Send(context.Background(), "x", []byte("x"))
	wantShown(t, err, CodePrinterUnreachable, map[string]any{"printer": addr})
	if !strings.Contains(strings.ToLower(err.Error()), "connection refused") { // Windows: "Connection refused."
		t.Fatalf("the system's error is not kept for the log: %v", err)
	}
}

// wantShown checks what the UI gets of err: code and params, and none of the system's text.
func wantShown(t *testing.T, err error, code domain.Code, params map[string]any) {
	t.Helper()
	e := domain.AsError(err)
	if e.Code != code || !maps.Equal(e.Params, params) {
		t.Fatalf("err %v: shown %s %v, want %s %v", err, e.Code, e.Params, code, params)
	}
	b, _ := json.Marshal(e)
	for _, w := range []string{"refused", "dial", "no such", "exec", "lp"} {
		if strings.Contains(strings.ToLower(string(b)), w) {
			t.Fatalf("the UI gets %s, with the system's %q", b, w)
		}
	}
}

func TestPrintToFileAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "receipts.bin")
	s := Settings{Enabled: true, Printer: "file://" + path, Paper: Paper58, Copies: 1}
	for range 2 {
		if err := Print(context.Background(), s, sampleReceipt()); err != nil {
			t.Fatal(err)
		}
	}
	one, _ := Render(sampleReceipt(), Paper58, 1, QRCommand)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, append(append([]byte{}, one...), one...)) {
		t.Fatalf("file has %d bytes, want two receipts of %d", len(b), len(one))
	}
}

func TestPrintDisabledSendsNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "never.bin")
	s := Settings{Enabled: false, Printer: "file://" + path, Paper: Paper58, Copies: 1}
	if err := Print(context.Background(), s, sampleReceipt()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("disabled printing wrote a file: %v", err)
	}
}

func TestParseTarget(t *testing.T) {
	cases := map[string]Transport{
		"tcp://192.0.2.7":      TCP{Addr: "192.0.2.7:9100"},
		"tcp://192.0.2.7:9101": TCP{Addr: "192.0.2.7:9101"},
		"tcp://[::1]":          TCP{Addr: "[::1]:9100"},
		"file:///dev/usb/lp0":  File{Path: "/dev/usb/lp0"},
		" XP-58 (副本 1) ":       Queue{Name: "XP-58 (副本 1)"},
	}
	for in, want := range cases {
		got, err := ParseTarget(in)
		if err != nil || got != want {
			t.Errorf("ParseTarget(%q) = %#v, %v; want %#v", in, got, err, want)
		}
	}
	bad := map[string]domain.Code{"": CodePrinterRequired, "  ": CodePrinterRequired, "tcp://": CodeBadAddress,
		"tcp://:9100": CodeBadAddress, "file://": CodeEmptyPath}
	for in, code := range bad {
		if _, err := ParseTarget(in); domain.CodeOf(err) != code || domain.AsError(err).Field != "printer" {
			t.Errorf("ParseTarget(%q) err = %v, want %s about the printer", in, err, code)
		}
	}
	if _, err := ParseTarget("tcp://:9100"); domain.AsError(err).Params["address"] != "tcp://:9100" {
		t.Errorf("a wrong address does not name itself: %+v", err)
	}
}

func TestSettingsValidate(t *testing.T) {
	if err := DefaultSettings().Validate(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	for _, s := range []Settings{
		{Paper: Paper58, Copies: 0},
		{Paper: Paper58, Copies: 6},
		{Paper: 57, Copies: 1},
	} {
		if err := s.Validate(); domain.CodeOf(err) != domain.CodeInvalidInput {
			t.Errorf("%+v: err = %v", s, err)
		}
	}
	if err := (Settings{Enabled: true, Paper: Paper80, Copies: 1}).Validate(); domain.CodeOf(err) != CodePrinterRequired {
		t.Errorf("no printer: err = %v", err)
	}
}
