package platform

import (
	"context"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

func TestBindingAndLogout(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		termA, termB := e.initTerminal(t), e.initTerminal(t)
		admin := e.admin(t, termA)
		e.addCashier(t, admin, "02", "abc12345")
		e.addCashier(t, admin, "03", "abc12345")
		c02 := e.login(t, termB, "02", "abc12345")
		// 02 is bound to B: A cannot log in with it, and the message names B.
		_, err := e.svc.Login(ctx, termA, "02", "abc12345")
		de := wantCode(t, err, domain.CodeBoundElsewhere)
		infoB, _ := e.svc.Terminal(ctx, Creds{TerminalToken: termB})
		if de.Params["termNo"] != infoB.TermNo || !strings.Contains(de.Message, "退出登录") {
			t.Fatalf("bound message = %v", de)
		}
		if _, err := e.svc.Me(ctx, admin); err != nil {
			t.Fatalf("failed login on A disturbed A's session: %v", err)
		}
		// Logout on B unbinds 02; then A can log it in (and admin's session on A ends).
		if err := e.svc.Logout(ctx, c02); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.Me(ctx, c02)
		wantCode(t, err, domain.CodeUnauthenticated)
		onA := e.login(t, termA, "02", "abc12345")
		_, err = e.svc.Me(ctx, admin)
		wantCode(t, err, domain.CodeUnauthenticated)
		// Another account logging in on A unbinds 02 from A automatically (manual §2.4 note).
		e.login(t, termA, "03", "abc12345")
		_, err = e.svc.Me(ctx, onA)
		wantCode(t, err, domain.CodeUnauthenticated)
		e.login(t, termB, "02", "abc12345")
		if n := e.countRows(t, &store.Audit{}, "action = ? AND actor = ?", AuditLoginFailed, "02"); n != 1 {
			t.Fatalf("bound-elsewhere audits = %d", n)
		}
	})
}

func TestLoginLockout(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		term := e.initTerminal(t)
		for i := 1; i < MaxFailedLogins; i++ {
			_, err := e.svc.Login(ctx, term, domain.AdminAccount, "wrong1234")
			de := wantCode(t, err, domain.CodeLoginFailed)
			if de.Params["left"] != MaxFailedLogins-i {
				t.Fatalf("try %d: params %v", i, de.Params)
			}
		}
		_, err := e.svc.Login(ctx, term, domain.AdminAccount, "wrong1234")
		de := wantCode(t, err, domain.CodeAccountLocked)
		if de.Params["minutes"] != 15 {
			t.Fatalf("lock params %v", de.Params)
		}
		// Locked: the right password does not help for 15 minutes.
		e.clock.Advance(14 * time.Minute)
		_, err = e.svc.Login(ctx, term, domain.AdminAccount, domain.InitialPassword)
		wantCode(t, err, domain.CodeAccountLocked)
		e.clock.Advance(time.Minute + time.Second)
		e.login(t, term, domain.AdminAccount, domain.InitialPassword)
		if n := e.countRows(t, &store.Audit{}, "action IN ? AND ok = ?", []string{AuditLoginFailed, AuditLoginLocked}, false); n != 6 {
			t.Fatalf("failed-login audits = %d, want 6", n)
		}
		_, err = e.svc.Login(ctx, term, "nobody", "x")
		wantCode(t, err, domain.CodeLoginFailed)
		for _, bad := range [][2]string{{"", "x"}, {"01", ""}, {"<b>", "x"}, {"01' --", "x"}, {"01", strings.Repeat("a", 100)}} {
			_, err := e.svc.Login(ctx, term, bad[0], bad[1])
			wantCode(t, err, domain.CodeInvalidInput)
		}
		// 4 wrong passwords, the unknown account and 5 malformed ones; the fifth wrong one
		// and the try while locked are login.locked.
		if n := e.countRows(t, &store.Audit{}, "action = ?", AuditLoginFailed); n != 10 {
			t.Fatalf("failed-login audits = %d, want 10", n)
		}
	})
}

func TestChangePassword(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		term := e.initTerminal(t)
		a := e.login(t, term, domain.AdminAccount, domain.InitialPassword)
		de := wantCode(t, e.svc.ChangePassword(ctx, a, "nope", "abcd1234"), domain.CodeInvalidInput)
		if de.Field != "oldPassword" {
			t.Fatalf("field %q", de.Field)
		}
		wantCode(t, e.svc.ChangePassword(ctx, a, domain.InitialPassword, ""), domain.CodeInvalidInput)
		// Each broken part of the rule has its own code, and the message names only that part.
		weak := []struct {
			pw   string
			code domain.Code
			says string
		}{
			{domain.InitialPassword, domain.CodePasswordInitial, "初始密码"},
			{"abc123", domain.CodePasswordShort, "至少 8 位"},
			{strings.Repeat("a1", 11), domain.CodePasswordLong, "最多 20 位"},
			{"12345678", domain.CodePasswordNoLetter, "字母"},
			{"abcdefgh", domain.CodePasswordNoDigit, "数字"},
			{"abc 12345", domain.CodePasswordChars, "空格"},
			{"密码abc12345", domain.CodePasswordChars, "中文"},
		}
		for _, w := range weak {
			de := wantCode(t, e.svc.ChangePassword(ctx, a, domain.InitialPassword, w.pw), w.code)
			if de.Field != "newPassword" || !strings.Contains(de.Message, w.says) || strings.Contains(de.Message, "旧密码") {
				t.Fatalf("weak %q: %+v", w.pw, de)
			}
		}
		if err := e.svc.ChangePassword(ctx, a, domain.InitialPassword, "Shop2025x"); err != nil {
			t.Fatal(err)
		}
		p, _ := e.svc.Me(ctx, a)
		if !p.PasswordChanged {
			t.Fatal("PasswordChanged still false")
		}
		_, err := e.svc.Login(ctx, term, domain.AdminAccount, domain.InitialPassword)
		wantCode(t, err, domain.CodeLoginFailed)
		e.login(t, term, domain.AdminAccount, "Shop2025x")
		for _, w := range []struct {
			action string
			ok     bool
		}{{AuditPasswordFail, false}, {AuditPasswordDone, true}} {
			if n := e.countRows(t, &store.Audit{}, "action = ? AND actor = ? AND ok = ?", w.action, domain.AdminAccount, w.ok); n != 1 {
				t.Fatalf("%s audits by %s with ok=%v: %d, want 1", w.action, domain.AdminAccount, w.ok, n)
			}
		}
	})
}

func TestAdminForgotPasswordReinit(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		old := e.initTerminal(t)
		a := e.login(t, old, domain.AdminAccount, domain.InitialPassword)
		if err := e.svc.ChangePassword(ctx, a, domain.InitialPassword, "Forgot2025"); err != nil {
			t.Fatal(err)
		}
		// The admin forgets it and re-runs initialisation (manual §3.1).
		term := e.initTerminal(t)
		_, err := e.svc.Me(ctx, a)
		wantCode(t, err, domain.CodeUnauthenticated)
		s := e.login(t, term, domain.AdminAccount, domain.InitialPassword)
		if p, _ := e.svc.Me(ctx, s); p.PasswordChanged {
			t.Fatal("admin password not back to the initial one")
		}
	})
}
