package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
)

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestOperatorCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "xtfd.db")
	if code, out, errs := runCmd(t, "merchant", "add", "-db", db, "-no", "123456789012345", "-name", "小店", "-phone", "13800138000"); code != 0 || !strings.Contains(out, "added") {
		t.Fatalf("merchant add: %d %s %s", code, out, errs)
	}
	code, _, errs := runCmd(t, "merchant", "add", "-db", db, "-no", "123456789012345", "-name", "小店", "-phone", "13800138000")
	if code != 1 || !strings.Contains(errs, "已存在") {
		t.Fatalf("duplicate merchant: %d %s", code, errs)
	}
	code, _, errs = runCmd(t, "merchant", "add", "-db", db, "-no", "22345678", "-name", "x", "-phone", "12345")
	if code != 1 || !strings.Contains(errs, "手机号") {
		t.Fatalf("bad phone: %d %s", code, errs)
	}
	if code, _, errs := runCmd(t, "store", "add", "-db", db, "-merchant", "123456789012345", "-name", "一号店"); code != 0 {
		t.Fatalf("store add: %s", errs)
	}
	if code, _, errs := runCmd(t, "notice", "add", "-db", db, "-title", "<系统>升级", "-body", "今晚升级"); code != 0 {
		t.Fatalf("notice add: %s", errs)
	}
	if code, out, _ := runCmd(t, "demo", "-db", db); code != 0 || !strings.Contains(out, platform.DemoMerchantNo) {
		t.Fatalf("demo: %s", out)
	}
	if code, _, _ := runCmd(t, "demo", "-db", db); code != 0 {
		t.Fatal("demo is not idempotent")
	}
	if code, _, _ := runCmd(t, "merchant", "list"); code != 2 {
		t.Fatal("unknown subcommand accepted")
	}
	if code, _, _ := runCmd(t, "bogus"); code != 2 {
		t.Fatal("unknown command accepted")
	}
	if code, _, _ := runCmd(t, "serve", "-gateway", "nope", "-db", db, "-listen", "127.0.0.1:0"); code != 1 {
		t.Fatal("bad gateway accepted")
	}
}

var reSMS = regexp.MustCompile(`验证码为 ([0-9]{6})`)

// TestServeEndToEnd runs the server as xtfd would (SQLite file, simulator, console SMS
// written to -sms-log) and drives it with the HTTP client: initialise, log in, pay.
func TestServeEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db, smsLog := filepath.Join(dir, "xtfd.db"), filepath.Join(dir, "sms.log")
	if code, _, errs := runCmd(t, "demo", "-db", db); code != 0 {
		t.Fatal(errs)
	}
	f, err := parseServe([]string{"-listen", "127.0.0.1:0", "-db", db, "-gateway", "sim", "-sim-sign", "MD5",
		"-sms", "console", "-sms-log", smsLog}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	var logs bytes.Buffer
	go func() { done <- runServer(ctx, f, slog.New(slog.NewTextHandler(&logs, nil)), ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("server did not start: %v", err)
	}
	api := httpapi.NewClient("http://"+addr, nil)
	if _, err := api.RequestInitCode(ctx, platform.DemoMerchantNo); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(smsLog)
	m := reSMS.FindSubmatch(b)
	if err != nil || m == nil || !strings.Contains(string(b), platform.DemoPhone) {
		t.Fatalf("sms log %q, %v", b, err)
	}
	g, err := api.VerifyInitCode(ctx, platform.DemoMerchantNo, string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	info, err := api.CompleteInit(ctx, g.Token, g.Stores[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	s, err := api.Login(ctx, info.Token, domain.AdminAccount, domain.InitialPassword)
	if err != nil {
		t.Fatal(err)
	}
	creds := platform.Creds{TerminalToken: info.Token, SessionToken: s.Token}
	tr, err := api.Pay(ctx, creds, platform.PayInput{Amount: 100, AuthCode: "134567890123456700", Source: "manual"})
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("pay %+v, %v", tr, err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop")
	}
	if strings.Contains(logs.String(), info.Token) || strings.Contains(logs.String(), s.Token) {
		t.Fatal("token in server log")
	}
}
