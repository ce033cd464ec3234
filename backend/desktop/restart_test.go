package desktop

import (
	"context"
	"encoding/json"
	"net/http"
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
	waitSuccess(t, b, creds, tr.ID)
}

// TestDemoPaymentPendingAcrossRestartSettlesWithTheSameBank: in demo mode the simulator keeps
// its ledger in the data folder, so a payment still processing when the app stops (outcome 90:
// 支付中 for two queries) is settled by the next start's simulator, charged exactly once.
func TestDemoPaymentPendingAcrossRestartSettlesWithTheSameBank(t *testing.T) {
	env := testEnv(t)
	cfg := Config{Poll: PollConfig{FirstMs: 100, EveryMs: 60000, SweepMs: 60000}}
	b, err := OpenBackend(context.Background(), cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	creds := initAndLogin(t, b, platform.DemoMerchantNo)
	tr, err := b.API.Pay(context.Background(), creds, platform.PayInput{Amount: 900, AuthCode: "134567890123456790", Source: "manual"})
	if err != nil || tr.Status != string(domain.StatusPending) {
		t.Fatalf("Pay(90) = %+v, %v; want pending", tr, err)
	}
	waitSimQueried(t, env.Dir, tr.ReqSN) // the first query answered 支付中; the next is a minute away
	b.Close()

	cfg.Poll = PollConfig{FirstMs: 100, EveryMs: 200, SweepMs: 200}
	b, err = OpenBackend(context.Background(), cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	waitSuccess(t, b, creds, tr.ID)
	resp, err := http.Get(b.SimURL + "/_sim/trades")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var bank []sybsim.Trade
	if err := json.NewDecoder(resp.Body).Decode(&bank); err != nil {
		t.Fatal(err)
	}
	if len(bank) != 1 || bank[0].ReqSN != tr.ReqSN || bank[0].Status != "0000" || bank[0].Amount != 900 {
		t.Fatalf("/_sim/trades = %+v, want exactly one charge of 9.00 for %s", bank, tr.ReqSN)
	}
}

// waitSuccess waits up to 15 s for the restarted app to settle trade id as a success, failing
// the test as soon as it ends otherwise.
func waitSuccess(t *testing.T, b *Backend, creds platform.Creds, id uint) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); ; {
		got, err := b.API.GetTrade(context.Background(), creds, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status == string(domain.StatusSuccess) {
			return
		}
		if domain.TradeStatus(got.Status).Final() || time.Now().After(deadline) {
			t.Fatalf("trade %s after restart, want success", got.Status)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitSimQueried waits until the simulator's state file shows reqsn queried at least once.
func waitSimQueried(t *testing.T, dir, reqsn string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); ; {
		var st struct {
			Trades []struct {
				ReqSN   string `json:"reqsn"`
				Queries int    `json:"queries"`
			} `json:"trades"`
		}
		b, err := os.ReadFile(filepath.Join(dir, SimStateName))
		if err == nil && json.Unmarshal(b, &st) == nil {
			for _, tr := range st.Trades {
				if tr.ReqSN == reqsn && tr.Queries > 0 {
					return
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the simulator was not queried about %s within a minute", reqsn)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
