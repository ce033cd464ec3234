package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
)

// startServe runs runServer with the serve flags args and returns its address, the server
// log (read it only after stop) and stop, which shuts the server down and checks it stopped
// cleanly; stop also runs when the test ends.
func startServe(t *testing.T, args ...string) (string, *bytes.Buffer, func()) {
	t.Helper()
	f, err := parseServe(append([]string{"-listen", "127.0.0.1:0"}, args...), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	logs := &bytes.Buffer{}
	go func() { done <- runServer(ctx, f, slog.New(slog.NewTextHandler(logs, nil)), ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("server did not start: %v", err)
	}
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("shutdown: %v", err)
				}
			case <-time.After(15 * time.Second):
				t.Error("server did not stop")
			}
		})
	}
	t.Cleanup(stop)
	return addr, logs, stop
}

// initAndLogin initialises a terminal of merchantNo with code (read from the SMS after
// RequestInitCode), logs in as the admin and returns the credentials.
func initAndLogin(t *testing.T, api *httpapi.Client, merchantNo string, code func() string) platform.Creds {
	t.Helper()
	ctx := context.Background()
	if _, err := api.RequestInitCode(ctx, merchantNo); err != nil {
		t.Fatal(err)
	}
	g, err := api.VerifyInitCode(ctx, merchantNo, code())
	if err != nil {
		t.Fatal(err)
	}
	info, err := api.CompleteInit(ctx, g.Token, g.Stores[0].ID, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := api.Login(ctx, info.Token, domain.AdminAccount, domain.InitialPassword)
	if err != nil {
		t.Fatal(err)
	}
	c := platform.Creds{TerminalToken: info.Token, SessionToken: s.Token}
	if err := api.ChangePassword(ctx, c, domain.InitialPassword, "Owner2026x"); err != nil {
		t.Fatal(err)
	}
	return c
}

// smsLogCode returns a func reading the latest code from a console -sms-log file.
func smsLogCode(t *testing.T, path string) func() string {
	return func() string {
		t.Helper()
		b, err := os.ReadFile(path)
		m := reSMS.FindAllSubmatch(b, -1)
		if err != nil || m == nil {
			t.Fatalf("sms log %q, %v", b, err)
		}
		return string(m[len(m)-1][1])
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestServeRefusesBadAllinpayKeys: key files that are not keys stop xtfd before it listens.
func TestServeRefusesBadAllinpayKeys(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "xtfd.db")
	bad := writeFile(t, dir, "bad.pem", "this is not a key\n")
	_, cc, err := sybsim.PairConfig(allinpay.SignRSA)
	if err != nil {
		t.Fatal(err)
	}
	priv, pub := writeFile(t, dir, "priv.pem", cc.PrivateKey), writeFile(t, dir, "pub.pem", cc.PlatformPublicKey)
	for _, keys := range [][2]string{{bad, bad}, {priv, bad}, {bad, pub}, {pub, priv}} {
		code, _, errs := runCmd(t, "serve", "-db", db, "-listen", "127.0.0.1:0", "-gateway", "allinpay",
			"-allinpay-key", keys[0], "-allinpay-pubkey", keys[1])
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if code != 1 || len(lines) != 1 || !strings.Contains(errs, "无效") || strings.Contains(errs, "listening") {
			t.Errorf("keys %v: exit %d, stderr %q", keys, code, errs)
		}
	}
	code, _, errs := runCmd(t, "serve", "-db", db, "-listen", "127.0.0.1:0", "-gateway", "allinpay",
		"-allinpay-sign", allinpay.SignSM2, "-allinpay-key", priv, "-allinpay-pubkey", pub)
	if code != 1 || !strings.Contains(errs, "SM2") || strings.Contains(errs, "listening") {
		t.Errorf("RSA keys for SM2: exit %d, stderr %q", code, errs)
	}
}

// TestServeAllinpayWithKeyFiles: generated key files are accepted and a payment through
// an Allinpay client built from them succeeds against a simulator holding the other halves.
func TestServeAllinpayWithKeyFiles(t *testing.T) {
	for _, sign := range []string{allinpay.SignRSA, allinpay.SignSM2} {
		t.Run(sign, func(t *testing.T) {
			dir := t.TempDir()
			sc, cc, err := sybsim.PairConfig(sign)
			if err != nil {
				t.Fatal(err)
			}
			payThroughAllinpay(t, dir, sc, "-allinpay-sign", sign,
				"-allinpay-key", writeFile(t, dir, "priv.pem", cc.PrivateKey),
				"-allinpay-pubkey", writeFile(t, dir, "pub.pem", cc.PlatformPublicKey))
		})
	}
}

// payThroughAllinpay serves sc on httptest, starts xtfd -gateway allinpay against it with
// the extra flags, registers the simulator's merchant and pays 1.00 through it.
func payThroughAllinpay(t *testing.T, dir string, sc sybsim.Config, flags ...string) {
	t.Helper()
	sim, err := sybsim.New(sc)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(sim)
	defer hs.Close()
	db, smsLog := filepath.Join(dir, "xtfd.db"), filepath.Join(dir, "sms.log")
	if code, _, errs := runCmd(t, "merchant", "add", "-db", db, "-no", sc.CusID, "-name", "通联商户",
		"-phone", "13800138000", "-appid", sc.AppID); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCmd(t, "store", "add", "-db", db, "-merchant", sc.CusID, "-name", "一号店"); code != 0 {
		t.Fatal(errs)
	}
	addr, _, _ := startServe(t, append([]string{"-db", db, "-gateway", "allinpay", "-allinpay-url", hs.URL + "/apiweb",
		"-sms-log", smsLog}, flags...)...)
	api := httpapi.NewClient("http://"+addr, nil)
	creds := initAndLogin(t, api, sc.CusID, smsLogCode(t, smsLog))
	tr, err := api.Pay(context.Background(), creds, platform.PayInput{Amount: 100, AuthCode: "134567890123456700", Source: "manual"})
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("pay %+v, %v", tr, err)
	}
	if got := sim.Trades(); len(got) != 1 {
		t.Fatalf("simulator trades %+v", got)
	}
}

// TestServeAllinpayMD5KeyFileTrimmed: an MD5 key file written by `echo key > f` (trailing
// newline, stray spaces) signs with the key itself.
func TestServeAllinpayMD5KeyFileTrimmed(t *testing.T) {
	dir := t.TempDir()
	sc, _, err := sybsim.PairConfig(allinpay.SignMD5)
	if err != nil {
		t.Fatal(err)
	}
	payThroughAllinpay(t, dir, sc, "-allinpay-sign", allinpay.SignMD5,
		"-allinpay-md5key", writeFile(t, dir, "md5.key", "  "+sc.MD5Key+"\r\n"))
}
