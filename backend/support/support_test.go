package support

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// TestRunChecksReportsEachOutcomeInOrder: each check's outcome comes back in order, with the
// code (and params) of its error for the screen and the error's own words for the zip only.
func TestRunChecksReportsEachOutcomeInOrder(t *testing.T) {
	busy := domain.Errorf("box_port_busy", "串口 COM3 被占用").With("port", "COM3")
	held := domain.Errorf("box_connected", "扫码盒子已连接（COM3）").With("port", "COM3")
	checks := []Check{
		{CheckPrinter, func(context.Context) error { return nil }},
		{CheckBox, func(context.Context) error { return fmt.Errorf("%w: open COM3: Access is denied", busy) }},
		{CheckHotkeys, func(context.Context) error { panic("boom") }},
		{CheckScreen, func(context.Context) error { return ErrNotConfigured }},
		{CheckBox, func(context.Context) error { return Passed(held) }},
		{CheckPrinter, func(context.Context) error { return errors.New("no code at all") }},
	}
	got := RunChecks(context.Background(), checks)
	want := []struct {
		name   CheckName
		status CheckStatus
		code   domain.Code
		detail string
	}{{CheckPrinter, StatusOK, "", ""}, {CheckBox, StatusFailed, "box_port_busy", "Access is denied"},
		{CheckHotkeys, StatusFailed, CodeCheckFailed, "panic: boom"}, {CheckScreen, StatusNotConfigured, "", ""},
		{CheckBox, StatusOK, "box_connected", ""}, {CheckPrinter, StatusFailed, CodeCheckFailed, "no code at all"}}
	for i, w := range want {
		r := got[i]
		if r.Name != w.name || r.Status != w.status || r.Code != w.code || !strings.Contains(r.Detail, w.detail) || (w.detail == "" && r.Detail != "") {
			t.Errorf("result %d = %+v, want %s %s %s %q", i, r, w.name, w.status, w.code, w.detail)
		}
	}
	if got[1].Params["port"] != "COM3" || got[4].Params["port"] != "COM3" {
		t.Errorf("the port is not a parameter of the code: %+v / %+v", got[1], got[4])
	}
	b, _ := json.Marshal(got[1])
	if strings.Contains(string(b), "Access") || !strings.Contains(string(b), `"code":"box_port_busy"`) {
		t.Errorf("the screen gets the OS's words or no code: %s", b)
	}
}

func TestRunChecksDoesNotHangOnADeadDevice(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the caller gave up: a check that ignores ctx must still be reported, not waited for
	hang := make(chan struct{})
	defer close(hang)
	got := RunChecks(ctx, []Check{{CheckPrinter, func(context.Context) error { <-hang; return nil }}})
	if got[0].Status != StatusFailed || got[0].Code != CodeCheckTimeout || !strings.Contains(got[0].Detail, "no answer") {
		t.Fatalf("a check that never returns: %+v", got[0])
	}
}

func TestMaskCodesKeepsOrderNumbersAndAmounts(t *testing.T) {
	in := "pay code=134567890123456789 ali=28765432109876543210 up=6212345678901234567 " +
		"reqsn=20261202195959000123 fen=123456 trxid=1234567890123456\n"
	out := string(MaskCodes([]byte(in)))
	for _, code := range []string{"134567890123456789", "28765432109876543210", "6212345678901234567"} {
		if strings.Contains(out, code) {
			t.Errorf("payment code %s left in %q", code, out)
		}
	}
	for _, keep := range []string{"****6789", "****3210", "****4567", "reqsn=20261202195959000123", "fen=123456", "trxid=1234567890123456"} {
		if !strings.Contains(out, keep) {
			t.Errorf("%q missing from %q", keep, out)
		}
	}
}

func TestWriteBundle(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "xiaotongfu.log")
	big := strings.Repeat("x", MaxLogBytes) + "\nlast line code=134567890123456789\n"
	if err := os.WriteFile(log, []byte(big), 0o600); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	b := Bundle{
		Info:    Info{Version: "0.1.0", TerminalNo: "T0001"},
		Config:  map[string]string{"mode": "embedded"},
		Devices: map[string]string{"printer": "POS-58"},
		Checks:  []Result{{Name: CheckBox, Status: StatusFailed, Detail: "open COM3: busy"}},
		Logs:    []string{log, filepath.Join(dir, "xiaotongfu.log.1")},
		Made:    time.Date(2026, 12, 2, 20, 0, 0, 0, time.UTC),
	}
	if err := Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	files := unzip(t, buf.Bytes())
	var names []string
	for n := range files {
		names = append(names, n)
	}
	for _, n := range []string{"README.txt", "about.json", "config.json", "devices.json", "selftest.json", "logs/xiaotongfu.log"} {
		if _, ok := files[n]; !ok {
			t.Errorf("zip lacks %s (has %v)", n, names)
		}
	}
	if len(files) != 6 {
		t.Errorf("zip has %v; the missing .1 log must be left out", names)
	}
	logged := files["logs/xiaotongfu.log"]
	if len(logged) > MaxLogBytes || !strings.HasSuffix(logged, "last line code=****6789\n") {
		t.Errorf("log part: %d bytes, ends %q", len(logged), logged[max(0, len(logged)-40):])
	}
	if !strings.Contains(files["selftest.json"], "open COM3: busy") || !strings.Contains(files["about.json"], `"terminalNo": "T0001"`) {
		t.Errorf("selftest %s / about %s", files["selftest.json"], files["about.json"])
	}
}

func TestVersionOf(t *testing.T) {
	v, err := VersionOf([]byte(`{"info":{"productVersion":"1.2.3"}}`))
	if v != "1.2.3" || err != nil {
		t.Errorf("VersionOf = %q, %v", v, err)
	}
	if _, err := VersionOf([]byte(`{"info":{}}`)); err == nil {
		t.Error("no version accepted")
	}
}

// unzip returns the zip's files by name.
func unzip(t *testing.T, data []byte) map[string]string {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}
