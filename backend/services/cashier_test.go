package services_test

import (
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

func TestAdminManagesCashiersWhoThenLogIn(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	in := platform.CashierInput{Account: "02", Password: "Pass1234", Name: "张三", Phone: "13900139000"}
	e := codeOf(t, errOnly(h.cashier.Add(in, "Pass12345")), domain.CodeInvalidInput)
	if e.Field != "confirm" {
		t.Fatalf("field = %q, want confirm", e.Field)
	}
	p, err := h.cashier.Add(in, in.Password)
	if err != nil || p.Account != "02" || p.Role != string(domain.RoleCashier) {
		t.Fatalf("Add = %+v, %v", p, err)
	}
	list, err := h.cashier.List(platform.CashierFilter{Name: "张"})
	if err != nil || len(list) != 1 || list[0].Account != "02" {
		t.Fatalf("List = %+v, %v", list, err)
	}
	if err := h.session.Logout(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.session.Login("02", "Pass1234"); err != nil {
		t.Fatalf("cashier login: %v", err)
	}
	codeOf(t, errOnly(h.cashier.List(platform.CashierFilter{})), domain.CodeForbidden)
}

func TestNoticesListTheDemoWelcome(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	list, err := h.notices.List(10)
	if err != nil || len(list) == 0 || list[0].Title != platform.DemoNoticeTitle {
		t.Fatalf("List = %+v, %v", list, err)
	}
	n, err := h.notices.Read(list[0].ID)
	if err != nil || n.Body == "" {
		t.Fatalf("Read = %+v, %v", n, err)
	}
}

func TestAnAccountBoundToOneTerminalCannotLogInOnAnother(t *testing.T) {
	first := newHarness(t)
	first.loginAdmin()
	if _, err := first.cashier.Add(platform.CashierInput{Account: "02", Password: "Pass1234", Name: "李四"}, "Pass1234"); err != nil {
		t.Fatal(err)
	}
	if err := first.session.Logout(); err != nil {
		t.Fatal(err)
	}
	second := &harness{t: t, dir: first.dir, backend: first.backend, rec: first.rec}
	second.attach(services.Options{API: first.backend.API, Mode: services.ModeEmbedded, Demo: first.backend.Demo})
	first.advance(platform.SMSResend) // a second code for the same merchant needs the resend wait
	second.initialise()
	if _, err := second.session.Login("02", "Pass1234"); err != nil {
		t.Fatalf("cashier 02 on the second terminal: %v", err)
	}
	e := codeOf(t, errOnly(first.session.Login("02", "Pass1234")), domain.CodeBoundElsewhere)
	if e.Message == "" {
		t.Fatal("bound_elsewhere without a message")
	}
	if err := second.session.Logout(); err != nil {
		t.Fatal(err)
	}
	if _, err := first.session.Login("02", "Pass1234"); err != nil {
		t.Fatalf("after logout on the second terminal: %v", err)
	}
}
