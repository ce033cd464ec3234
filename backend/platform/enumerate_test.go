package platform

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// answer is what the outside sees of a call: the error code, message and params.
func answer(err error) string {
	if err == nil {
		return "ok"
	}
	de := domain.AsError(err)
	return fmt.Sprintf("%s|%s|%v", de.Code, de.Message, de.Params)
}

// TestUnknownMerchantIsTold: an unregistered merchant number is answered with
// merchant_unknown on the merchant field (the cashier corrects a typo), at the code request
// and at the code check, and no code is sent.
func TestUnknownMerchantIsTold(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		_, err := e.svc.RequestInitCode(ctx, "123456789012345")
		de := wantCode(t, err, domain.CodeMerchantUnknown)
		if de.Field != "merchantNo" || !strings.Contains(de.Message, "商户号 123456789012345 不存在") {
			t.Fatalf("request: %+v", de)
		}
		_, err = e.svc.VerifyInitCode(ctx, "123456789012345", "000000")
		if de := wantCode(t, err, domain.CodeMerchantUnknown); de.Field != "merchantNo" {
			t.Fatalf("verify: %+v", de)
		}
		if _, err := e.svc.RequestInitCode(ctx, testMerchantNo); err != nil {
			t.Fatalf("registered merchant: %v", err)
		}
	})
}

// TestUnknownMerchantLookupsAreCapped: one client address may look up SourceLookupCap
// unregistered numbers an hour; then it is refused (the register cannot be enumerated),
// while another address, and a registered number from the same one, still get through.
func TestUnknownMerchantLookupsAreCapped(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		probe := WithClient(context.Background(), "10.0.0.9")
		for i := range SourceLookupCap {
			_, err := e.svc.RequestInitCode(probe, fmt.Sprintf("9000000%08d", i))
			wantCode(t, err, domain.CodeMerchantUnknown)
		}
		_, err := e.svc.VerifyInitCode(probe, "900000099999999", "000000")
		wantCode(t, err, domain.CodeAccountLocked)
		_, err = e.svc.RequestInitCode(WithClient(context.Background(), "10.0.0.10"), "900000099999999")
		wantCode(t, err, domain.CodeMerchantUnknown)
		if _, err := e.svc.RequestInitCode(probe, testMerchantNo); err != nil {
			t.Fatalf("registered merchant from the capped address: %v", err)
		}
		e.clock.Advance(time.Hour + time.Second)
		_, err = e.svc.RequestInitCode(probe, "900000099999999")
		wantCode(t, err, domain.CodeMerchantUnknown)
	})
}

// TestUnknownAccountLooksLikeAWrongPassword: a login to an account that does not exist is
// answered as a wrong password is.
func TestUnknownAccountLooksLikeAWrongPassword(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		_, err := e.svc.Login(ctx, e.initTerminal(t), "09", "Guess2026x")
		nobody := answer(err)
		_, err = e.svc.Login(ctx, e.initTerminal(t), domain.AdminAccount, "Guess2026x")
		if nobody != answer(err) {
			t.Fatalf("unknown account %q, wrong password %q", nobody, answer(err))
		}
	})
}
