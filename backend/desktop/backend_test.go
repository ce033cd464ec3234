package desktop

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/gateway/sybsim/simtest"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

func testEnv(t *testing.T) Env {
	dir := t.TempDir()
	log, f, err := OpenLog(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return Env{Dir: dir, Log: log}
}

func TestDemoBackendServesTheSimulatorOnLoopback(t *testing.T) {
	env := testEnv(t)
	b, err := OpenBackend(context.Background(), Config{}, env)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if !b.Demo.Enabled() || !strings.HasPrefix(b.SimURL, "http://127.0.0.1:") {
		t.Fatalf("demo=%v sim=%q", b.Demo.Enabled(), b.SimURL)
	}
	resp, err := http.Get(b.SimURL + "/_sim/trades")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /_sim/trades: %v %v", resp, err)
	}
	resp.Body.Close()
	if _, err := os.Stat(filepath.Join(env.Dir, DBName)); err != nil {
		t.Fatalf("no database in the data folder: %v", err)
	}
	if _, err := b.API.RequestInitCode(context.Background(), platform.DemoMerchantNo); err != nil {
		t.Fatalf("demo merchant not seeded: %v", err)
	}
}

func TestSimulatorRefusesANonLoopbackAddress(t *testing.T) {
	_, err := OpenBackend(context.Background(), Config{Sim: SimConfig{Addr: "0.0.0.0:0"}}, testEnv(t))
	if err == nil || !strings.Contains(err.Error(), "回环") {
		t.Fatalf("err = %v, want a loopback error", err)
	}
}

// TestRemoteRefusesPlainHTTPToAnotherMachine: a config.json pointing at http:// on another
// machine does not open (https:// and loopback http:// do).
func TestRemoteRefusesPlainHTTPToAnotherMachine(t *testing.T) {
	remote := func(u string) error {
		_, err := OpenBackend(context.Background(), Config{Platform: PlatformConfig{Mode: services.ModeRemote, ServerURL: u}}, testEnv(t))
		return err
	}
	if err := remote("http://192.0.2.10:8080"); domain.CodeOf(err) != domain.CodeInvalidInput || !strings.Contains(err.Error(), "https://") {
		t.Fatalf("http:// to another machine: %v", err)
	}
	for _, u := range []string{"https://192.0.2.10", "http://127.0.0.1:8080", "http://localhost:8080"} {
		if err := remote(u); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
	}
}

// TestRealKeysPathChargesThroughTheConfiguredHost points the "real Allinpay" configuration at
// a simulator standing in for vsp.allinpay.com: key files on disk, the shop's own merchant.
func TestRealKeysPathChargesThroughTheConfiguredHost(t *testing.T) {
	env := testEnv(t)
	var keys allinpay.Config
	_, sim, root := simtest.StartWith(t, allinpay.SignSM2, func(_ *sybsim.Config, c *allinpay.Config) { keys = *c })
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(env.Dir, name), []byte(body+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("merchant.pem", keys.PrivateKey)
	write("allinpay-pub.pem", keys.PlatformPublicKey)
	cfg := Config{
		Allinpay: &AllinpayConfig{BaseURL: root + "/apiweb", CusID: keys.CusID, AppID: keys.AppID, SignType: allinpay.SignSM2,
			PrivateKeyFile: "merchant.pem", PlatformPublicKeyFile: filepath.Join(env.Dir, "allinpay-pub.pem"), TermNo: "00000007"},
		Merchant: &MerchantConfig{MerchantNo: "123456789012", Name: "测试小店", Phone: "13700137000", Stores: []string{"总店"}},
	}
	b, err := OpenBackend(context.Background(), cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Demo.Enabled() || b.SimURL != "" {
		t.Fatalf("real keys: demo=%v sim=%q", b.Demo.Enabled(), b.SimURL)
	}
	ctx := context.Background()
	creds := initAndLogin(t, b, "123456789012")
	tr, err := b.API.Pay(ctx, creds, platform.PayInput{Amount: 100, AuthCode: "281234567890123400"})
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("Pay = %+v, %v", tr, err)
	}
	if got := sim.Trades(); len(got) != 1 || got[0].ReqSN != tr.ReqSN {
		t.Fatalf("host ledger = %+v", got)
	}
	log, _ := os.ReadFile(filepath.Join(env.Dir, LogName))
	if strings.Contains(string(log), "PRIVATE KEY") || strings.Contains(string(log), strings.TrimSpace(keys.PrivateKey)[40:80]) {
		t.Fatal("the log holds key material")
	}
}

func TestRealKeysNeedTheMerchant(t *testing.T) {
	env := testEnv(t)
	_, _, root := simtest.Start(t, allinpay.SignMD5)
	if err := os.WriteFile(filepath.Join(env.Dir, "md5.key"), []byte("0123456789abcdef\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Allinpay: &AllinpayConfig{BaseURL: root + "/apiweb", CusID: "1", AppID: "1", SignType: allinpay.SignMD5, MD5KeyFile: "md5.key"}}
	if _, err := OpenBackend(context.Background(), cfg, env); err == nil || !strings.Contains(err.Error(), "merchant") {
		t.Fatalf("err = %v, want the missing merchant named", err)
	}
	cfg.Allinpay.MD5KeyFile = "missing.key"
	if _, err := OpenBackend(context.Background(), cfg, env); err == nil || !strings.Contains(err.Error(), "MD5") {
		t.Fatalf("err = %v, want the missing key file named", err)
	}
}

// initAndLogin initialises a terminal of merchantNo (SMS code from the feed) and logs in 01.
func initAndLogin(t *testing.T, b *Backend, merchantNo string) platform.Creds {
	t.Helper()
	ctx := context.Background()
	if _, err := b.API.RequestInitCode(ctx, merchantNo); err != nil {
		t.Fatal(err)
	}
	g, err := b.API.VerifyInitCode(ctx, merchantNo, b.Demo.Info().LastSms)
	if err != nil {
		t.Fatal(err)
	}
	var storeID uint // 0: the merchant has no stores
	if len(g.Stores) > 0 {
		storeID = g.Stores[0].ID
	}
	term, err := b.API.CompleteInit(ctx, g.Token, storeID, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := b.API.Login(ctx, term.Token, domain.AdminAccount, domain.InitialPassword)
	if err != nil {
		t.Fatal(err)
	}
	c := platform.Creds{TerminalToken: term.Token, SessionToken: s.Token}
	if err := b.API.ChangePassword(ctx, c, domain.InitialPassword, "Owner2026x"); err != nil {
		t.Fatal(err)
	}
	return c
}
