package httpapi_test

import (
	"context"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/platform"
)

// TestReconcileOverHTTP: reconcile/run, reconcile/report and reconcile/open through the
// client: a clean day, then a dropped and an extra trade found with their kinds, in fen; a
// cashier is refused every call.
func TestReconcileOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, admin, cashier := e.adminAndCashier(t)
	paid, err := e.api.Pay(ctx, cashier, platform.PayInput{Amount: 1234, AuthCode: wechatOK, Source: "manual"})
	if err != nil {
		t.Fatal(err)
	}
	day := e.clock().In(platform.ChinaTime).Format("2006-01-02")
	clean, err := e.api.Reconcile(ctx, admin, day)
	if err != nil || clean.Status != platform.RunDone || len(clean.Diffs) != 0 || clean.Matched != 1 {
		t.Fatalf("clean run %+v, %v", clean, err)
	}
	e.sim.SetStatementTweak(sybsim.StatementTweak{Drop: paid.ReqSN, BankOnly: true})
	if _, err := e.api.Reconcile(ctx, admin, day); err != nil {
		t.Fatal(err)
	}
	rep, err := e.api.Reconciliation(ctx, admin, "")
	if err != nil || rep.Day != day || len(rep.Diffs) != 2 || rep.Open != 2 {
		t.Fatalf("report %+v, %v", rep, err)
	}
	bank := "SIMBANK" + time.Now().In(platform.ChinaTime).Format("20060102")
	for _, d := range rep.Diffs {
		ok := (d.Kind == platform.DiffOnlyLocal && d.ReqSN == paid.ReqSN && d.LocalAmount == 1234) ||
			(d.Kind == platform.DiffOnlyBank && d.ReqSN == bank && d.BankAmount == 1234)
		if !ok || d.Resolved {
			t.Fatalf("difference %+v", d)
		}
	}
	n, err := e.api.ReconcileOpen(ctx, admin)
	if err != nil || n.Open != 2 {
		t.Fatalf("open %+v, %v", n, err)
	}
	_, err = e.api.ReconcileOpen(ctx, cashier)
	wantCode(t, err, domain.CodeForbidden)
	_, err = e.api.Reconcile(ctx, cashier, day)
	wantCode(t, err, domain.CodeForbidden)
	_, err = e.api.Reconciliation(ctx, cashier, day)
	wantCode(t, err, domain.CodeForbidden)
}
