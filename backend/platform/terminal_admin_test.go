package platform

import (
	"context"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// TestTerminalTokenExpires: with TerminalTTL set, a terminal unused for longer must be
// initialised again; one in use stays valid.
func TestTerminalTokenExpires(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		svc, err := New(Options{DB: e.db, Gateway: noGateway, Now: e.clock.Now, Log: e.svc.log,
			SMS: ConsoleSMS{OnSend: e.sms.send}, TerminalTTL: 48 * time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		e.svc = svc
		used, idle := e.initTerminal(t), e.initTerminal(t)
		for range 3 {
			e.clock.Advance(30 * time.Hour)
			if _, err := svc.Terminal(ctx, Creds{TerminalToken: used}); err != nil {
				t.Fatalf("a terminal in use: %v", err)
			}
		}
		_, err = svc.Terminal(ctx, Creds{TerminalToken: idle})
		wantCode(t, err, domain.CodeUnauthenticated)
		_, err = svc.Login(ctx, idle, domain.AdminAccount, domain.InitialPassword)
		wantCode(t, err, domain.CodeUnauthenticated)
	})
}

// TestRevokeTerminal: the admin lists the merchant's terminals and stops another one; its
// token, session and binding end at once. Cashiers may not; nobody stops their own.
func TestRevokeTerminal(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		termA, termB := e.initTerminal(t), e.initTerminal(t)
		a := e.admin(t, termA)
		e.addCashier(t, a, "02", "abc12345")
		c := e.login(t, termB, "02", "abc12345")
		rows, err := e.svc.ListTerminals(ctx, a)
		if err != nil || len(rows) != 2 || !rows[1].Current || rows[0].Current || rows[0].StoreName != "一号店" {
			t.Fatalf("ListTerminals %+v, %v", rows, err)
		}
		_, err = e.svc.ListTerminals(ctx, c)
		wantCode(t, err, domain.CodeForbidden)
		wantCode(t, e.svc.RevokeTerminal(ctx, c, rows[1].TermNo), domain.CodeForbidden)
		wantCode(t, e.svc.RevokeTerminal(ctx, a, rows[1].TermNo), domain.CodeForbidden)
		wantCode(t, e.svc.RevokeTerminal(ctx, a, "99999999"), domain.CodeNotFound)
		if err := e.svc.RevokeTerminal(ctx, a, rows[0].TermNo); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.Me(ctx, c)
		wantCode(t, err, domain.CodeUnauthenticated)
		_, err = e.svc.Login(ctx, termB, "02", "abc12345")
		wantCode(t, err, domain.CodeUnauthenticated)
		e.login(t, termA, "02", "abc12345") // unbound from the stopped terminal
		a = e.login(t, termA, domain.AdminAccount, ownerPassword)
		wantCode(t, e.svc.RevokeTerminal(ctx, a, rows[0].TermNo), domain.CodeNotFound)
	})
}
