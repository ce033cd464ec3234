package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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
	addr, logs, stop := startServe(t, "-db", db, "-gateway", "sim", "-sim-sign", "MD5", "-sms", "console", "-sms-log", smsLog)
	api := httpapi.NewClient("http://"+addr, nil)
	creds := initAndLogin(t, api, platform.DemoMerchantNo, smsLogCode(t, smsLog))
	if b, _ := os.ReadFile(smsLog); !strings.Contains(string(b), platform.DemoPhone) {
		t.Fatalf("sms log %q has not the demo phone", b)
	}
	tr, err := api.Pay(context.Background(), creds, platform.PayInput{Amount: 100, AuthCode: "134567890123456700", Source: "manual"})
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("pay %+v, %v", tr, err)
	}
	stop()
	if strings.Contains(logs.String(), creds.TerminalToken) || strings.Contains(logs.String(), creds.SessionToken) {
		t.Fatal("token in server log")
	}
}
