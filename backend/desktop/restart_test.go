package desktop

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/gateway/sybsim/simtest"
	"xiaotongfu/backend/platform"
)

// TestPaymentInFlightAtShutdownIsResolvedAfterRestart closes the app while a payment is still
// processing and starts it again on the same data folder: the platform resumes the trade and
// settles it. The "bank" (a simulator standing in for the configured host) outlives the app.
func TestPaymentInFlightAtShutdownIsResolvedAfterRestart(t *testing.T) {
	env := testEnv(t)
	var keys allinpay.Config
	_, _, root := simtest.StartWith(t, allinpay.SignMD5, func(_ *sybsim.Config, c *allinpay.Config) { keys = *c })
	if err := os.WriteFile(filepath.Join(env.Dir, "md5.key"), []byte(keys.MD5Key), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := Config{
		Allinpay: &AllinpayConfig{BaseURL: root + "/apiweb", CusID: keys.CusID, AppID: keys.AppID,
			SignType: allinpay.SignMD5, MD5KeyFile: "md5.key"},
		Merchant: &MerchantConfig{MerchantNo: "123456789012", Name: "测试小店", Phone: "13700137000"},
		Poll:     PollConfig{FirstMs: 60000, EveryMs: 200, SweepMs: 200},
	}
	b, err := OpenBackend(context.Background(), cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	creds := initAndLogin(t, b, "123456789012")
	tr, err := b.API.Pay(context.Background(), creds, platform.PayInput{Amount: 500, AuthCode: "134567890123456790"})
	if err != nil || tr.Status != string(domain.StatusPending) {
		t.Fatalf("Pay(90) = %+v, %v; want pending", tr, err)
	}
	b.Close() // the window closes before the first query is due

	cfg.Poll.FirstMs = 200
	b, err = OpenBackend(context.Background(), cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	deadline := time.Now().Add(15 * time.Second)
	for {
		got, err := b.API.GetTrade(context.Background(), creds, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status == string(domain.StatusSuccess) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("trade still %s after restart", got.Status)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
