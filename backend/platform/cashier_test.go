package platform

import (
	"context"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform/captcha/captchatest"
	"xiaotongfu/backend/store"
)

func TestAddCashierValidation(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		a := e.admin(t, e.initTerminal(t))
		ok := CashierInput{Account: "03", Password: "abc12345", Name: "小王", Phone: "13800001111", Remark: "早班"}
		bad := []struct {
			field string
			code  domain.Code
			edit  func(*CashierInput)
		}{
			{"account", domain.CodeInvalidInput, func(c *CashierInput) { c.Account = "" }},
			{"account", domain.CodeInvalidInput, func(c *CashierInput) { c.Account = "a" }},
			{"account", domain.CodeInvalidInput, func(c *CashierInput) { c.Account = "x'; DROP TABLE cashiers;--" }},
			{"account", domain.CodeInvalidInput, func(c *CashierInput) { c.Account = "<b>03</b>" }},
			{"account", domain.CodeInvalidInput, func(c *CashierInput) { c.Account = strings.Repeat("9", 21) }},
			{"password", domain.CodePasswordShort, func(c *CashierInput) { c.Password = "123" }},
			{"password", domain.CodePasswordInitial, func(c *CashierInput) { c.Password = domain.InitialPassword }},
			{"password", domain.CodePasswordIsAccount, func(c *CashierInput) { c.Password = "abc12345"; c.Account = "abc12345" }},
			{"name", domain.CodeInvalidInput, func(c *CashierInput) { c.Name = "  " }},
			{"name", domain.CodeInvalidInput, func(c *CashierInput) { c.Name = strings.Repeat("王", 21) }},
			{"name", domain.CodeInvalidInput, func(c *CashierInput) { c.Name = "a\x00b" }},
			{"phone", domain.CodeInvalidInput, func(c *CashierInput) { c.Phone = "12345678901" }},
			{"phone", domain.CodeInvalidInput, func(c *CashierInput) { c.Phone = "138000011112" }},
			{"phone", domain.CodeInvalidInput, func(c *CashierInput) { c.Phone = "+8613800001111" }},
			{"remark", domain.CodeInvalidInput, func(c *CashierInput) { c.Remark = strings.Repeat("x", 51) }},
		}
		for _, b := range bad {
			in := ok
			b.edit(&in)
			_, err := e.svc.AddCashier(ctx, a, in)
			if de := wantCode(t, err, b.code); de.Field != b.field {
				t.Fatalf("%+v: field %q, want %q", in, de.Field, b.field)
			}
		}
		if n := e.countRows(t, &store.Cashier{}, "1 = 1"); n != 1 {
			t.Fatalf("bad input created accounts: %d", n)
		}
		// HTML and SQL in free-text fields are stored verbatim (the UI escapes).
		in := ok
		in.Name, in.Remark = "<script>x</script>", "'; DROP TABLE cashiers; --"
		p, err := e.svc.AddCashier(ctx, a, in)
		if err != nil || p.Name != in.Name || p.Role != string(domain.RoleCashier) {
			t.Fatalf("AddCashier = %+v, %v", p, err)
		}
		_, err = e.svc.AddCashier(ctx, a, in)
		if de := wantCode(t, err, domain.CodeConflict); de.Field != "account" {
			t.Fatalf("conflict field %q", de.Field)
		}
		list, err := e.svc.ListCashiers(ctx, a, CashierFilter{Name: "<script>"})
		if err != nil || len(list) != 1 || list[0].Remark != in.Remark {
			t.Fatalf("list = %+v, %v", list, err)
		}
	})
}

func TestCashierQueryEditDelete(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		term := e.initTerminal(t)
		a := e.admin(t, term)
		for _, c := range []CashierInput{{Account: "02", Name: "张三", Phone: "13811112222"},
			{Account: "03", Name: "李四", Phone: "13933334444"}, {Account: "A10", Name: "张小花"}} {
			c.Password = "abc12345"
			if _, err := e.svc.AddCashier(ctx, a, c); err != nil {
				t.Fatal(err)
			}
		}
		cases := []struct {
			f    CashierFilter
			want string
		}{
			{CashierFilter{}, "01,02,03,A10"}, {CashierFilter{Name: "张"}, "02,A10"},
			{CashierFilter{Phone: "3333"}, "03"}, {CashierFilter{Account: "0"}, "01,02,03,A10"},
			{CashierFilter{Account: "A1"}, "A10"}, {CashierFilter{Name: "%"}, ""}, {CashierFilter{Name: "_"}, ""},
			{CashierFilter{Name: "张", Phone: "1381"}, "02"},
		}
		for _, c := range cases {
			list, err := e.svc.ListCashiers(ctx, a, c.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range list {
				got = append(got, p.Account)
			}
			if strings.Join(got, ",") != c.want {
				t.Fatalf("filter %+v = %v, want %s", c.f, got, c.want)
			}
		}
		p, err := e.svc.UpdateCashier(ctx, a, "02", CashierInput{Account: "99", Password: "zzz", Name: "张三丰", Phone: "", Remark: "晚班"})
		if err != nil || p.Account != "02" || p.Name != "张三丰" || p.Phone != "" || p.Remark != "晚班" {
			t.Fatalf("UpdateCashier = %+v, %v", p, err)
		}
		_, err = e.svc.UpdateCashier(ctx, a, "02", CashierInput{Name: "张", Phone: "1234"})
		wantCode(t, err, domain.CodeInvalidInput)
		_, err = e.svc.UpdateCashier(ctx, a, "77", CashierInput{Name: "x"})
		wantCode(t, err, domain.CodeNotFound)
		// Delete: never admin 01 (its own code and reason, audited); a deleted cashier's session ends.
		de := wantCode(t, e.svc.DeleteCashier(ctx, a, domain.AdminAccount), domain.CodeAdminUndeletable)
		if de.Params["account"] != domain.AdminAccount || !strings.Contains(de.Message, "不能删除") {
			t.Fatalf("delete 01: %+v", de)
		}
		termB := e.initTerminal(t)
		a = e.admin(t, term)
		s03 := e.login(t, termB, "03", "abc12345")
		if err := e.svc.DeleteCashier(ctx, a, "03"); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.Me(ctx, s03)
		wantCode(t, err, domain.CodeUnauthenticated)
		wantCode(t, e.svc.DeleteCashier(ctx, a, "03"), domain.CodeNotFound)
		if n := e.countRows(t, &store.Audit{}, "action IN ?", []string{AuditCashierAdd, AuditCashierEdit, AuditCashierDelete}); n != 6 {
			t.Fatalf("admin audits = %d, want 6", n)
		}
	})
}

func TestNoAdminIsDeleted(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		a := e.admin(t, e.initTerminal(t))
		// A second admin (promoted by the operator) may not delete 01, nor itself.
		e.addCashier(t, a, "09", "abc12345")
		e.db.Model(&store.Cashier{}).Where("account = ?", "09").Update("role", string(domain.RoleAdmin))
		b := e.login(t, e.initTerminal(t), "09", "abc12345")
		wantCode(t, e.svc.DeleteCashier(ctx, b, domain.AdminAccount), domain.CodeAdminUndeletable)
		wantCode(t, e.svc.DeleteCashier(ctx, b, "09"), domain.CodeAdminUndeletable)
		if n := e.countRows(t, &store.Cashier{}, "role = ?", string(domain.RoleAdmin)); n != 2 {
			t.Fatalf("admins = %d", n)
		}
	})
}

func TestCashierRole(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		term := e.initTerminal(t)
		a := e.admin(t, term)
		e.addCashier(t, a, "02", "abc12345")
		c := e.login(t, term, "02", "abc12345")
		calls := map[string]error{
			"list": func() error { _, err := e.svc.ListCashiers(ctx, c, CashierFilter{}); return err }(),
			"add": func() error {
				_, err := e.svc.AddCashier(ctx, c, CashierInput{Account: "05", Password: "abc12345", Name: "x"})
				return err
			}(),
			"edit":    func() error { _, err := e.svc.UpdateCashier(ctx, c, "01", CashierInput{Name: "x"}); return err }(),
			"captcha": func() error { _, err := e.svc.NewCaptcha(ctx, c); return err }(),
			"reset":   e.svc.ResetPassword(ctx, c, "01", strings.Repeat("0", 32), "1234"),
			"delete":  e.svc.DeleteCashier(ctx, c, "01"),
		}
		for name, err := range calls {
			if de := wantCode(t, err, domain.CodeForbidden); !strings.Contains(de.Message, "管理员") {
				t.Fatalf("%s: %v", name, de)
			}
		}
		if n := e.countRows(t, &store.Cashier{}, "1 = 1"); n != 2 {
			t.Fatalf("cashiers = %d", n)
		}
		if n := e.countRows(t, &store.Audit{}, "action = ?", AuditForbidden); n != 6 {
			t.Fatalf("forbidden audits = %d", n)
		}
	})
}

func TestResetPasswordCaptcha(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		term := e.initTerminal(t)
		a := e.admin(t, term)
		e.addCashier(t, a, "02", "abc12345")
		cap1, err := e.svc.NewCaptcha(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		answer, err := captchatest.Read(cap1.Image)
		if err != nil || len(answer) != 4 {
			t.Fatalf("ReadCaptcha = %q, %v", answer, err)
		}
		wrong := "0000"
		if answer == wrong {
			wrong = "1111"
		}
		wantCode(t, e.svc.ResetPassword(ctx, a, "02", cap1.ID, wrong), domain.CodeCaptchaInvalid)
		// One try per captcha: the right answer no longer works.
		wantCode(t, e.svc.ResetPassword(ctx, a, "02", cap1.ID, answer), domain.CodeCaptchaInvalid)
		wantCode(t, e.svc.ResetPassword(ctx, a, "02", "forged", "1234"), domain.CodeCaptchaInvalid)
		wantCode(t, e.svc.ResetPassword(ctx, a, "02", cap1.ID, ""), domain.CodeInvalidInput)
		e.login(t, term, "02", "abc12345") // still the old password
		a = e.login(t, term, domain.AdminAccount, ownerPassword)
		cap2, _ := e.svc.NewCaptcha(ctx, a)
		answer, _ = captchatest.Read(cap2.Image)
		if err := e.svc.ResetPassword(ctx, a, "02", cap2.ID, answer); err != nil {
			t.Fatal(err)
		}
		s := e.login(t, term, "02", domain.InitialPassword)
		if p, _ := e.svc.Me(ctx, s); p.PasswordChanged {
			t.Fatal("reset account should be asked to change its password")
		}
		if n := e.countRows(t, &store.Audit{}, "action = ? AND ok = ?", AuditCashierReset, true); n != 1 {
			t.Fatalf("reset audits = %d", n)
		}
	})
}
