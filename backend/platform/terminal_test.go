package platform

import (
	"context"
	"fmt"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

func TestInitFlow(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		ch, err := e.svc.RequestInitCode(ctx, testMerchantNo)
		if err != nil {
			t.Fatal(err)
		}
		if ch.MaskedPhone != "139****5678" || ch.ResendAfter != 60 || ch.ExpiresIn != 300 {
			t.Fatalf("challenge = %+v", ch)
		}
		code := e.sms.code(testPhone)
		if len(code) != 6 {
			t.Fatalf("sms code %q", code)
		}
		g, err := e.svc.VerifyInitCode(ctx, testMerchantNo, code)
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Stores) != 2 || g.Stores[0].Name != "一号店" {
			t.Fatalf("stores = %+v", g.Stores)
		}
		// The merchant has stores, so one must be chosen, and it must be theirs.
		_, err = e.svc.CompleteInit(ctx, g.Token, 0, "")
		wantCode(t, err, domain.CodeInvalidInput)
		_, err = e.svc.CompleteInit(ctx, g.Token, 9999, "")
		wantCode(t, err, domain.CodeInvalidInput)
		info, err := e.svc.CompleteInit(ctx, g.Token, e.stores[1].ID, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(info.Token) < 43 || info.StoreName != "二号店" || len(info.TermNo) != 8 || info.MerchantName != "测试商户" {
			t.Fatalf("terminal = %+v", info)
		}
		// The grant is single use.
		_, err = e.svc.CompleteInit(ctx, g.Token, e.stores[1].ID, "")
		wantCode(t, err, domain.CodeUnauthenticated)
		got, err := e.svc.Terminal(ctx, Creds{TerminalToken: info.Token})
		if err != nil || got.StoreID != e.stores[1].ID || got.Token != "" {
			t.Fatalf("Terminal() = %+v, %v", got, err)
		}
		// First login as admin 01 with the initial password; the UI offers a change.
		s, err := e.svc.Login(ctx, info.Token, domain.AdminAccount, domain.InitialPassword)
		if err != nil {
			t.Fatal(err)
		}
		if s.Profile.Role != string(domain.RoleAdmin) || s.Profile.PasswordChanged {
			t.Fatalf("profile = %+v", s.Profile)
		}
		if n := e.countRows(t, &store.Audit{}, "action = ?", AuditInit); n != 1 {
			t.Fatalf("init audits = %d", n)
		}
	})
}

// TestEarlierCodeStaysValid: a new request does not kill a code still valid; the one used
// retires both.
func TestEarlierCodeStaysValid(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		if _, err := e.svc.RequestInitCode(ctx, testMerchantNo); err != nil {
			t.Fatal(err)
		}
		first := e.sms.code(testPhone)
		e.clock.Advance(SMSResend)
		if _, err := e.svc.RequestInitCode(ctx, testMerchantNo); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.VerifyInitCode(ctx, testMerchantNo, first); err != nil {
			t.Fatalf("the earlier, still valid code: %v", err)
		}
		_, err := e.svc.VerifyInitCode(ctx, testMerchantNo, e.sms.code(testPhone))
		wantCode(t, err, domain.CodeSMSInvalid)
	})
}

func TestInitCodeRules(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		_, err := e.svc.RequestInitCode(ctx, "123456789012345")
		wantCode(t, err, domain.CodeMerchantUnknown)
		for _, bad := range []string{"", "12ab", "1' OR '1'='1", "1234567890123456789012"} {
			_, err := e.svc.RequestInitCode(ctx, bad)
			if de := wantCode(t, err, domain.CodeInvalidInput); de.Field != "merchantNo" {
				t.Fatalf("field = %q", de.Field)
			}
		}
		if _, err := e.svc.RequestInitCode(ctx, testMerchantNo); err != nil {
			t.Fatal(err)
		}
		first := e.sms.code(testPhone)
		// Resend only after 60 s.
		e.clock.Advance(59 * time.Second)
		de := wantCode(t, func() error { _, err := e.svc.RequestInitCode(ctx, testMerchantNo); return err }(), domain.CodeSMSTooSoon)
		if de.Params["seconds"] != 1 {
			t.Fatalf("params = %v", de.Params)
		}
		e.clock.Advance(2 * time.Second)
		if _, err := e.svc.RequestInitCode(ctx, testMerchantNo); err != nil {
			t.Fatal(err)
		}
		second := e.sms.code(testPhone)
		for _, bad := range []string{"", "12345", "abcdef", "1234567"} {
			_, err := e.svc.VerifyInitCode(ctx, testMerchantNo, bad)
			wantCode(t, err, domain.CodeInvalidInput)
		}
		// Five wrong tries kill the code, even for the right answer afterwards.
		wrong := "000000"
		for wrong == first || wrong == second {
			wrong = fmt.Sprintf("%06d", int(wrong[0]-'0'+1)*111111)
		}
		for i := 0; i < SMSMaxTries-1; i++ {
			de := wantCode(t, func() error { _, err := e.svc.VerifyInitCode(ctx, testMerchantNo, wrong); return err }(), domain.CodeSMSInvalid)
			if de.Params["left"] == nil {
				t.Fatalf("no tries left param: %v", de.Params)
			}
		}
		_, err = e.svc.VerifyInitCode(ctx, testMerchantNo, wrong)
		wantCode(t, err, domain.CodeSMSTooMany)
		_, err = e.svc.VerifyInitCode(ctx, testMerchantNo, second)
		wantCode(t, err, domain.CodeSMSTooMany)
		_, err = e.svc.VerifyInitCode(ctx, testMerchantNo, first) // the tries are counted on the newest code
		wantCode(t, err, domain.CodeSMSTooMany)
		// A fresh code expires after 5 minutes.
		e.clock.Advance(SMSResend)
		if _, err := e.svc.RequestInitCode(ctx, testMerchantNo); err != nil {
			t.Fatal(err)
		}
		e.clock.Advance(SMSCodeTTL)
		_, err = e.svc.VerifyInitCode(ctx, testMerchantNo, e.sms.code(testPhone))
		wantCode(t, err, domain.CodeSMSExpired)
		if n := e.countRows(t, &store.Terminal{}, "1 = 1"); n != 0 {
			t.Fatalf("terminals = %d after failed inits", n)
		}
	})
}

func TestInitWithoutStores(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		if _, err := e.svc.AddMerchant(ctx, MerchantInput{MerchantNo: "100200300", Name: "无门店商户", Phone: "13700000000"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.RequestInitCode(ctx, "100200300"); err != nil {
			t.Fatal(err)
		}
		g, err := e.svc.VerifyInitCode(ctx, "100200300", e.sms.code("13700000000"))
		if err != nil || len(g.Stores) != 0 {
			t.Fatalf("grant %+v, %v", g, err)
		}
		// Another merchant's store is refused; no store is fine.
		_, err = e.svc.CompleteInit(ctx, g.Token, e.stores[0].ID, "")
		wantCode(t, err, domain.CodeInvalidInput)
		info, err := e.svc.CompleteInit(ctx, g.Token, 0, "")
		if err != nil || info.StoreID != 0 {
			t.Fatalf("CompleteInit = %+v, %v", info, err)
		}
	})
}

func TestChangeStore(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		termA, termB := e.initTerminal(t), e.initTerminal(t)
		a := e.admin(t, termA)
		_, err := e.svc.RequestStoreChangeCode(ctx, Creds{TerminalToken: termA})
		wantCode(t, err, domain.CodeUnauthenticated)
		if _, err := e.svc.RequestStoreChangeCode(ctx, a); err != nil {
			t.Fatal(err)
		}
		g, err := e.svc.VerifyStoreChangeCode(ctx, a, e.sms.code(testPhone))
		if err != nil {
			t.Fatal(err)
		}
		// A grant of terminal A does not move terminal B.
		e.addCashier(t, a, "02", "abc12345")
		b := e.login(t, termB, "02", "abc12345")
		_, err = e.svc.ChangeStore(ctx, b, g.Token, e.stores[1].ID)
		wantCode(t, err, domain.CodeUnauthenticated)
		_, err = e.svc.ChangeStore(ctx, a, g.Token, 4242)
		wantCode(t, err, domain.CodeInvalidInput)
		info, err := e.svc.ChangeStore(ctx, a, g.Token, e.stores[1].ID)
		if err != nil || info.StoreName != "二号店" {
			t.Fatalf("ChangeStore = %+v, %v", info, err)
		}
		_, err = e.svc.ChangeStore(ctx, a, g.Token, e.stores[0].ID)
		wantCode(t, err, domain.CodeUnauthenticated)
		if got, _ := e.svc.Terminal(ctx, Creds{TerminalToken: termB}); got.StoreID != e.stores[0].ID {
			t.Fatalf("terminal B moved to %d", got.StoreID)
		}
		if n := e.countRows(t, &store.Audit{}, "action = ? AND actor = ? AND ok = ?", AuditStoreChange, domain.AdminAccount, true); n != 1 {
			t.Fatalf("store change audits: %d, want 1", n)
		}
		if n := e.countRows(t, &store.Audit{}, "action = ?", AuditStoreChange); n != 1 {
			t.Fatalf("refused store changes were audited: %d rows", n)
		}
	})
}

// otherFirst returns token with its first character changed (always to another one: a random
// base64url token starts with "x" one time in 64).
func otherFirst(token string) string {
	if token[0] == 'A' {
		return "B" + token[1:]
	}
	return "A" + token[1:]
}

func TestForgedTokens(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		termA, termB := e.initTerminal(t), e.initTerminal(t)
		a := e.admin(t, termA)
		forged := []Creds{{}, {TerminalToken: otherFirst(termA), SessionToken: a.SessionToken},
			{TerminalToken: termA, SessionToken: a.SessionToken + "x"},
			{TerminalToken: termB, SessionToken: a.SessionToken}, // session of another terminal
			{TerminalToken: termA}}
		for _, c := range forged {
			_, err := e.svc.Me(ctx, c)
			wantCode(t, err, domain.CodeUnauthenticated)
		}
		_, err := e.svc.Login(ctx, "forged", domain.AdminAccount, domain.InitialPassword)
		wantCode(t, err, domain.CodeUnauthenticated)
		// Sessions expire.
		e.clock.Advance(13 * time.Hour)
		_, err = e.svc.Me(ctx, a)
		wantCode(t, err, domain.CodeUnauthenticated)
	})
}
