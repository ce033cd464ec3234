package httpapi_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/store"
)

// The security suite (issue 9): each test attacks the platform served on a loopback port,
// with real concurrent bursts where the attack is a race.

// burst runs fn n times at once and counts the answers by error code ("" for success).
func burst(t *testing.T, n int, fn func(i int) error) map[domain.Code]int {
	t.Helper()
	var mu sync.Mutex
	got := map[domain.Code]int{}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			err := fn(i)
			code := domain.Code("")
			if err != nil {
				code = domain.CodeOf(err)
			}
			mu.Lock()
			got[code]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return got
}

// sha256Hex is the unkeyed hash the platform used to store codes with.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// wrongCode is a 6-digit code other than code.
func wrongCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}

// TestLoginBurstOverHTTP: 200 guesses at once for admin 01 from one terminal run at most
// MaxFailedLogins bcrypt checks; in a burst of 40 with the right password among them at
// most that many wrong ones are checked. The owner still gets in from another terminal.
func TestLoginBurstOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	term, owner := e.initTerminal(t), e.initTerminal(t)
	before := e.svc.PasswordChecks()
	got := burst(t, 200, func(int) error {
		_, err := e.api.Login(ctx, term, domain.AdminAccount, "Guess2026x")
		return err
	})
	checks := e.svc.PasswordChecks() - before
	t.Logf("200 concurrent wrong logins: %d bcrypt checks, answers %v", checks, got)
	if checks > platform.MaxFailedLogins || got[""] != 0 || got[domain.CodeLoginFailed]+got[domain.CodeAccountLocked] != 200 {
		t.Fatalf("%d bcrypt checks, answers %v; want at most %d checks and every guess refused", checks, got, platform.MaxFailedLogins)
	}
	_, err := e.api.Login(ctx, term, domain.AdminAccount, domain.InitialPassword)
	wantCode(t, err, domain.CodeAccountLocked)
	e.admin(t, owner)          // the owner, on another terminal, is not locked out
	term2 := e.initTerminal(t) // also puts 01 back to the initial password
	before = e.svc.PasswordChecks()
	got = burst(t, 40, func(i int) error {
		pw := "Guess2026x"
		if i == 39 {
			pw = domain.InitialPassword
		}
		_, err := e.api.Login(ctx, term2, domain.AdminAccount, pw)
		return err
	})
	// A right password gives its attempt back, so the wrong ones checked are what is bounded.
	if checks := e.svc.PasswordChecks() - before; checks-int64(got[""]) > platform.MaxFailedLogins || got[""] > 1 {
		t.Fatalf("39 wrong and 1 right at once: %d bcrypt checks, answers %v", checks, got)
	}
}

// TestRefundAdminPasswordBurstOverHTTP: a cashier's 40 concurrent refunds with guessed admin
// passwords check at most MaxFailedLogins; void/refund is then locked on that terminal
// even for the right password, and the initial password never authorises one.
func TestRefundAdminPasswordBurstOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, _, cashier := e.adminAndCashier(t)
	paid, err := e.api.Pay(ctx, cashier, platform.PayInput{Amount: 1000, AuthCode: alipayOK, Source: "manual"})
	if err != nil {
		t.Fatal(err)
	}
	refund := func(pw string) error {
		_, err := e.api.Refund(ctx, cashier, platform.ReverseInput{TradeNo: paid.ReqSN, Amount: 100, AdminPassword: pw})
		return err
	}
	wantCode(t, refund(domain.InitialPassword), domain.CodeAdminPassword)
	before := e.svc.PasswordChecks()
	got := burst(t, 40, func(int) error { return refund("Guess2026x") })
	checks := e.svc.PasswordChecks() - before
	t.Logf("40 concurrent admin-password guesses: %d bcrypt checks, answers %v", checks, got)
	if checks > platform.MaxFailedLogins || got[domain.CodeAdminPassword]+got[domain.CodeAccountLocked] != 40 {
		t.Fatalf("%d bcrypt checks, answers %v; want at most %d", checks, got, platform.MaxFailedLogins)
	}
	wantCode(t, refund(ownerPassword), domain.CodeAccountLocked)
}

// TestJunkGrantsCostNoBcryptOverHTTP: initialisation with junk grants runs no bcrypt and is
// cut off per client address after SourceGrantCap refusals, with the wait in Chinese.
func TestJunkGrantsCostNoBcryptOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	before := e.svc.PasswordChecks()
	got := burst(t, platform.SourceGrantCap+20, func(int) error {
		_, err := e.api.CompleteInit(ctx, "junk-grant", e.stores[0].ID, "")
		return err
	})
	if got[domain.CodeUnauthenticated] != platform.SourceGrantCap || got[domain.CodeAccountLocked] != 20 {
		t.Fatalf("answers %v; want %d refused grants, then 20 rate-limited", got, platform.SourceGrantCap)
	}
	if n := e.svc.PasswordChecks() - before; n != 0 {
		t.Fatalf("%d bcrypt checks for junk grants", n)
	}
	_, err := e.api.CompleteInit(ctx, "junk-grant", e.stores[0].ID, "")
	if de := wantCode(t, err, domain.CodeAccountLocked); !strings.Contains(de.Message, "分钟后再试") {
		t.Fatalf("message %q has no wait", de.Message)
	}
}

// TestSMSBurstSendsOneOverHTTP: 50 code requests at once send exactly one SMS; a code still
// valid survives a later request; the stored hash is keyed (not SHA-256 of the code).
func TestSMSBurstSendsOneOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	var sent atomic.Int32
	before := e.code()
	got := burst(t, 50, func(int) error {
		_, err := e.api.RequestInitCode(ctx, merchantNo)
		if err == nil {
			sent.Add(1)
		}
		return err
	})
	if got[""] != 1 || got[domain.CodeSMSTooSoon] != 49 || e.code() == before {
		t.Fatalf("answers %v; want one code sent and 49 too soon", got)
	}
	first := e.code()
	e.advance(platform.SMSResend)
	if _, err := e.api.RequestInitCode(ctx, merchantNo); err != nil {
		t.Fatal(err)
	}
	var rows []store.SMSCode
	e.db.Find(&rows)
	for _, r := range rows {
		if r.CodeHash == sha256Hex("sms:1:init:"+first) || strings.Contains(r.CodeHash, first) {
			t.Fatal("the stored code hash is unkeyed")
		}
	}
	if _, err := e.api.VerifyInitCode(ctx, merchantNo, first); err != nil {
		t.Fatalf("the first, still valid code after a second request: %v", err)
	}
}

// TestSMSGuessCapsOverHTTP: wrong codes from one client address stop after
// SourceSMSWrongCap an hour, whatever code is asked for, with the wait in the answer.
func TestSMSGuessCapsOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for i := 0; i < platform.SourceSMSWrongCap; i++ {
		if i%platform.SMSMaxTries == 0 {
			e.advance(platform.SMSResend)
			if _, err := e.api.RequestInitCode(ctx, merchantNo); err != nil {
				t.Fatal(err)
			}
		}
		_, err := e.api.VerifyInitCode(ctx, merchantNo, wrongCode(e.code()))
		if c := domain.CodeOf(err); c != domain.CodeSMSInvalid && c != domain.CodeSMSTooMany {
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	e.advance(platform.SMSResend)
	if _, err := e.api.RequestInitCode(ctx, merchantNo); err != nil {
		t.Fatal(err)
	}
	_, err := e.api.VerifyInitCode(ctx, merchantNo, e.code())
	if de := wantCode(t, err, domain.CodeSMSTooMany); !strings.Contains(de.Message, "分钟后再试") {
		t.Fatalf("message %q has no wait", de.Message)
	}
}

// TestInitialPasswordMustChangeOverHTTP: after initialisation admin 01 (initial password)
// may only change it; a cashier's reset password is the same; neither works for a refund.
func TestInitialPasswordMustChangeOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := e.login(t, e.initTerminal(t), domain.AdminAccount, domain.InitialPassword)
	if p, err := e.api.Me(ctx, a); err != nil || p.PasswordChanged {
		t.Fatalf("Me %+v, %v", p, err)
	}
	_, err := e.api.AddCashier(ctx, a, platform.CashierInput{Account: "02", Password: "abc12345", Name: "小李"})
	wantCode(t, err, domain.CodeMustChangePassword)
	_, err = e.api.Pay(ctx, a, platform.PayInput{Amount: 100, AuthCode: alipayOK, Source: "manual"})
	wantCode(t, err, domain.CodeMustChangePassword)
	resp, body := post(t, e.url+"/api/v1/cashiers/list", `{}`, map[string]string{
		httpapi.HeaderTerminal: a.TerminalToken, httpapi.HeaderAuth: "Bearer " + a.SessionToken})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, string(domain.CodeMustChangePassword)) {
		t.Fatalf("raw call: %d %s", resp.StatusCode, body)
	}
	if err := e.api.ChangePassword(ctx, a, domain.InitialPassword, ownerPassword); err != nil {
		t.Fatal(err)
	}
	if _, err := e.api.AddCashier(ctx, a, platform.CashierInput{Account: "02", Password: "abc12345", Name: "小李"}); err != nil {
		t.Fatal(err)
	}
}

// TestRefusalsAuditedWithClientOverHTTP: a refused login is audited with the client's
// address, in the table and as a log line.
func TestRefusalsAuditedWithClientOverHTTP(t *testing.T) {
	e := newEnv(t)
	_, err := e.api.Login(context.Background(), e.initTerminal(t), "09", "Guess2026x")
	wantCode(t, err, domain.CodeLoginFailed)
	var row store.Audit
	if err := e.db.Where("action = ?", platform.AuditLoginFailed).First(&row).Error; err != nil || row.Client != "127.0.0.1" {
		t.Fatalf("audit %+v, %v; want client 127.0.0.1", row, err)
	}
	if !strings.Contains(e.logs.String(), "audit: refused") || !strings.Contains(e.logs.String(), "client=127.0.0.1") {
		t.Fatalf("no audit log line with the client address:\n%s", e.logs.String())
	}
}

// clientFrom is an API client whose connections leave from the loopback address ip, so the
// server sees a different client address.
func clientFrom(t *testing.T, url, ip string) *httpapi.Client {
	t.Helper()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	if c, err := d.Dial("tcp", strings.TrimPrefix(url, "http://")); err != nil {
		t.Skipf("cannot connect from %s on this system (%v); the per-address lock is covered by the unit tests", ip, err)
	} else {
		c.Close()
	}
	return httpapi.NewClient(url, &http.Client{Transport: &http.Transport{DialContext: d.DialContext}})
}

// TestLockIsPerSourceOverHTTP: a burst from one address locks admin 01 on that terminal
// for that address only; the owner at the same till from another address gets in.
func TestLockIsPerSourceOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	term := e.initTerminal(t)
	attacker, owner := clientFrom(t, e.url, "127.0.0.2"), clientFrom(t, e.url, "127.0.0.3")
	got := burst(t, 50, func(int) error {
		_, err := attacker.Login(ctx, term, domain.AdminAccount, "Guess2026x")
		return err
	})
	if got[domain.CodeLoginFailed]+got[domain.CodeAccountLocked] != 50 {
		t.Fatalf("answers %v", got)
	}
	_, err := attacker.Login(ctx, term, domain.AdminAccount, domain.InitialPassword)
	wantCode(t, err, domain.CodeAccountLocked)
	if _, err := owner.Login(ctx, term, domain.AdminAccount, domain.InitialPassword); err != nil {
		t.Fatalf("the owner from another address: %v", err)
	}
	var row store.Audit
	if err := e.db.Where("action = ? AND client = ?", platform.AuditLoginLocked, "127.0.0.2").First(&row).Error; err != nil {
		t.Fatalf("no lock audited for the attacker's address: %v", err)
	}
}
