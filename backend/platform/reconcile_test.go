package platform

import (
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/store"
)

// today is the shop's day of the test's trades.
func today() string { return time.Now().In(ChinaTime).Format("2006-01-02") }

// kinds maps each difference's reqsn to its kind.
func kinds(r *ReconcileReport) map[string]string {
	out := map[string]string{}
	for _, d := range r.Diffs {
		out[d.ReqSN] = d.Kind
	}
	return out
}

// TestReconcileFindsEveryKind: over real HTTP against the simulator's statement, a clean day
// reports zero differences (a failed pay and a refund included); with one trade dropped, one
// amount and one status changed and one trade only at the bank, all four are found with their
// kind and left to the admin; cashiers may not look.
func TestReconcileFindsEveryKind(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	cashier := e.login(e.store, domain.RoleCashier, "cashier123")
	var sns []string
	for _, amt := range []int64{1000, 2000, 3000, 4000} {
		sns = append(sns, paidTrade(t, e, admin, amt).ReqSN)
	}
	if _, err := e.svc.Refund(t.Context(), admin, ReverseInput{TradeNo: sns[3], Amount: 150, AdminPassword: adminPW}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Pay(t.Context(), admin, PayInput{Amount: 99, AuthCode: e.code(92)}); domain.CodeOf(err) != domain.CodePayFailed {
		t.Fatalf("declined pay: %v", err)
	}
	clean, err := e.svc.Reconcile(t.Context(), admin, today())
	if err != nil {
		t.Fatal(err)
	}
	if clean.Status != RunDone || len(clean.Diffs) != 0 || clean.Open != 0 || clean.Matched != 5 || clean.BankRows != 5 || clean.LocalRows != 6 {
		t.Fatalf("clean day: %+v", clean)
	}
	e.sim.SetStatementTweak(sybsim.StatementTweak{Drop: sns[0], Amount: sns[1], Fail: sns[2], BankOnly: true})
	got, err := e.svc.Reconcile(t.Context(), admin, today())
	if err != nil {
		t.Fatal(err)
	}
	bankOnly := "SIMBANK" + time.Now().In(ChinaTime).Format("20060102")
	want := map[string]string{sns[0]: DiffOnlyLocal, sns[1]: DiffAmountDiffers, sns[2]: DiffStatusDiffers, bankOnly: DiffOnlyBank}
	if k := kinds(got); len(k) != 4 || k[sns[0]] != want[sns[0]] || k[sns[1]] != want[sns[1]] || k[sns[2]] != want[sns[2]] || k[bankOnly] != DiffOnlyBank {
		t.Fatalf("differences %v, want %v", k, want)
	}
	for _, d := range got.Diffs {
		if d.Resolved || d.Note != NoteNeedsAdmin {
			t.Fatalf("difference %+v: want unresolved, needs_admin", d)
		}
		if d.Kind == DiffAmountDiffers && (d.BankAmount != 2001 || d.LocalAmount != 2000) {
			t.Fatalf("amounts: %+v", d)
		}
	}
	if got.Open != 4 || got.Matched != 2 {
		t.Fatalf("open %d matched %d, want 4 and 2", got.Open, got.Matched)
	}
	if n, err := e.svc.ReconcileOpen(t.Context(), admin); err != nil || n.Open != 4 {
		t.Fatalf("open count: %+v %v", n, err)
	}
	latest, err := e.svc.Reconciliation(t.Context(), admin, "")
	if err != nil || len(latest.Diffs) != 4 || latest.Day != today() {
		t.Fatalf("latest report: %+v %v", latest, err)
	}
	for name, call := range map[string]func() error{
		"report": func() error { _, err := e.svc.Reconciliation(t.Context(), cashier, ""); return err },
		"run":    func() error { _, err := e.svc.Reconcile(t.Context(), cashier, ""); return err },
		"open":   func() error { _, err := e.svc.ReconcileOpen(t.Context(), cashier); return err },
	} {
		if err := call(); domain.CodeOf(err) != domain.CodeForbidden {
			t.Fatalf("cashier %s: %v, want forbidden", name, err)
		}
	}
}

// TestReconcileSettlesThroughQuery: our trade left 待确认 (its answer lost) while the bank
// settled it is queried through the state machine during the run, becomes success, and the
// difference is listed as resolved by the query; nothing is open afterwards.
func TestReconcileSettlesThroughQuery(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	tr := paidTrade(t, e, admin, 880)
	now := time.Now().UTC()
	must(t, e.db.Model(&store.Trade{}).Where("id = ?", tr.ID).Updates(map[string]any{"status": "unknown",
		"next_check_at": now.Add(time.Hour)}).Error)
	got, err := e.svc.Reconcile(t.Context(), admin, today())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Diffs) != 1 || got.Open != 0 {
		t.Fatalf("report: %+v", got)
	}
	d := got.Diffs[0]
	if d.Kind != DiffStatusDiffers || !d.Resolved || d.Note != NoteQueryFixed || d.LocalStatus != string(domain.StatusSuccess) {
		t.Fatalf("difference: %+v", d)
	}
	var row store.Trade
	must(t, e.db.First(&row, tr.ID).Error)
	if row.Status != string(domain.StatusSuccess) {
		t.Fatalf("trade is %s, want success", row.Status)
	}
}

// TestReconcileInBackground: with reconciliation enabled, Start fetches yesterday's
// statement once the hour is past and records the run; a statement the bank refuses is a
// failed run with its code.
func TestReconcileInBackground(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	e.svc.recon.opts = ReconcileOptions{Enabled: true, Hour: 0, Every: 20 * time.Millisecond}
	must(t, e.svc.Start(t.Context()))
	yesterday := time.Now().In(ChinaTime).AddDate(0, 0, -1).Format("2006-01-02")
	deadline := time.Now().Add(10 * time.Second)
	var run store.ReconcileRun
	for {
		err := e.db.Where("merchant_id = ? AND day = ?", e.merchant.ID, yesterday).First(&run).Error
		if err == nil && run.Status == RunDone {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no finished run of %s: %+v %v", yesterday, run, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cc := e.cc
	cc.MD5Key = "wrong"
	wrong, err := allinpay.New(cc)
	must(t, err)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	bad := e.newService(e.db, testPoll)
	bad.gateway = func(*store.Merchant) (gateway.Provider, error) { return wrong, nil }
	if _, err := bad.Reconcile(t.Context(), admin, yesterday); domain.CodeOf(err) != domain.CodeUnavailable {
		t.Fatalf("refused statement: %v", err)
	}
	rep, err := bad.Reconciliation(t.Context(), admin, yesterday)
	if err != nil || rep.Status != RunFailed || rep.ErrorCode != RunRefused {
		t.Fatalf("failed run: %+v %v", rep, err)
	}
}

// TestReconcileFindsTradeOfTheDayBefore: a statement line naming our trade created the day
// before (made just before midnight) is matched, not reported as only at the bank.
func TestReconcileFindsTradeOfTheDayBefore(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	tr := paidTrade(t, e, admin, 700)
	must(t, e.db.Model(&store.Trade{}).Where("id = ?", tr.ID).Update("created_at", time.Now().Add(-30*time.Hour)).Error)
	got, err := e.svc.Reconcile(t.Context(), admin, today())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Diffs) != 0 || got.Matched != 1 || got.LocalRows != 0 {
		t.Fatalf("report: %+v", got)
	}
}

// TestConcurrentReconcileRunsStoreOneReport: eight runs of the same day at once (two servers'
// background loops and an admin's 重新对账): every one either finishes or is told the day is
// being reconciled (conflict), at least one finishes, and the day ends with one run row and its
// differences stored once, not once per run.
func TestConcurrentReconcileRunsStoreOneReport(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	sn := paidTrade(t, e, admin, 1000).ReqSN
	paidTrade(t, e, admin, 2000)
	e.sim.SetStatementTweak(sybsim.StatementTweak{Drop: sn, BankOnly: true})
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			_, err := e.svc.Reconcile(t.Context(), admin, today())
			errs <- err
		}()
	}
	done := 0
	for range 8 {
		switch err := <-errs; {
		case err == nil:
			done++
		case domain.CodeOf(err) != domain.CodeConflict:
			t.Fatalf("concurrent run: %v; want success or conflict", err)
		}
	}
	if done == 0 {
		t.Fatal("no run finished")
	}
	var runs, diffs int64
	must(t, e.db.Model(&store.ReconcileRun{}).Count(&runs).Error)
	must(t, e.db.Model(&store.ReconcileDiff{}).Count(&diffs).Error)
	if runs != 1 || diffs != 2 {
		t.Fatalf("%d runs and %d differences stored; want 1 and 2 (only here, only at the bank)", runs, diffs)
	}
}
