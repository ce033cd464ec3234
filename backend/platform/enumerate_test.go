package platform

import (
	"context"
	"fmt"
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

// TestUnknownMerchantLooksLikeAWrongCode: the same sequence of requests and wrong codes for
// a registered and an unregistered merchant number gets the same answers.
func TestUnknownMerchantLooksLikeAWrongCode(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		run := func(no string) []string {
			var out []string
			_, err := e.svc.VerifyInitCode(ctx, no, "000000")
			out = append(out, answer(err))
			c, err := e.svc.RequestInitCode(ctx, no)
			if err != nil || len(c.MaskedPhone) != 11 || c.MaskedPhone[3:7] != "****" {
				t.Fatalf("%s: challenge %+v, %v", no, c, err)
			}
			_, err = e.svc.RequestInitCode(ctx, no)
			out = append(out, answer(err))
			for range SMSMaxTries + 1 {
				_, err := e.svc.VerifyInitCode(ctx, no, wrongOf(e.sms.code(testPhone)))
				out = append(out, answer(err))
			}
			return out
		}
		real := run(testMerchantNo)
		e.clock.Advance(time.Hour) // a fresh per-address hour for the second run
		unknown := run("123456789012345")
		if fmt.Sprint(real) != fmt.Sprint(unknown) {
			t.Fatalf("answers differ:\nregistered   %q\nunregistered %q", real, unknown)
		}
		_, err := e.svc.Login(ctx, e.initTerminal(t), "09", "Guess2026x")
		nobody := answer(err)
		_, err = e.svc.Login(ctx, e.initTerminal(t), domain.AdminAccount, "Guess2026x")
		if nobody != answer(err) {
			t.Fatalf("unknown account %q, wrong password %q", nobody, answer(err))
		}
	})
}

// wrongOf is a 6-digit code other than code.
func wrongOf(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}
