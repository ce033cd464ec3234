package platform

import (
	"context"
	"fmt"
	"time"

	"xiaotongfu/backend/domain"
)

// The security policy (issue 9). Every guessable secret sits behind attempts reserved
// before the check runs (throttle.go), so a burst of N concurrent guesses checks at most
// the limit:
//
//   - Login: MaxFailedLogins wrong passwords for one account from one terminal and client
//     address lock the account there for LockDuration, and DailyLoginCap a day from one
//     terminal lock it there until midnight. Both are per terminal, so nobody can keep the
//     owner out from another till (terminals exist only through the owner's SMS); an
//     admin's password reset clears a cashier's counters, an SMS re-initialisation admin
//     01's. TerminalLoginCap per terminal and SourceLoginCap per client address in
//     LockDuration (SourceLoginDailyCap a day) stop spraying one password over accounts.
//   - Void/refund admin password: MaxFailedLogins wrong per terminal and address lock
//     void/refund there for LockDuration; DailyAdminCap per terminal a day.
//   - SMS codes: SMSMaxTries per code; SMSDailyWrongCap wrong per merchant a day;
//     SourceSMSWrongCap per client address an hour (and three times that a day).
//   - SMS sending: one per SMSResend per merchant and purpose (and terminal); SMSDailyCap per
//     merchant a day; SourceSMSSendCap per client address a day.
//   - Initialisation grants: SourceGrantCap refused grants per client address an hour.
//   - Unregistered merchant numbers at initialisation: SourceLookupCap per client address an
//     hour. Such a number is told as such (issue 10: the cashier corrects a typo); the cap
//     keeps the register from being enumerated.
//
// Answers do not tell an unknown account from a wrong password.
const (
	DailyLoginCap       = 20
	TerminalLoginCap    = 20
	SourceLoginCap      = 30
	SourceLoginDailyCap = 100
	DailyAdminCap       = 20
	SMSDailyWrongCap    = 20
	SourceSMSWrongCap   = 10
	SMSDailyCap         = 10
	SourceSMSSendCap    = 100
	SourceGrantCap      = 30
	SourceLookupCap     = 30
)

// clientAddrKey is the context key of the client address.
type clientAddrKey struct{}

// WithClient returns ctx carrying the address of the client a request came from (xtfd sets
// it from the connection); limits per source and audit rows use it.
func WithClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientAddrKey{}, addr)
}

// clientOf is the client address in ctx, "local" for an in-process caller.
func clientOf(ctx context.Context) string {
	if a, _ := ctx.Value(clientAddrKey{}).(string); a != "" {
		return a
	}
	return "local"
}

// loginLimits are the counters a login of account on terminal t draws from. The account
// is keyed as typed, so an unknown account is counted (and answered) like a real one.
func (s *Service) loginLimits(ctx context.Context, merchantID, terminalID uint, account string) []limit {
	src := clientOf(ctx)
	acct := fmt.Sprintf("login:m%d:%s:", merchantID, account)
	locked := func(wait time.Duration) error {
		return domain.Errorf(domain.CodeAccountLocked, "密码连续输错 %d 次，账号 %s 已锁定，请 %s后再试",
			MaxFailedLogins, account, waitText(wait)).With("minutes", minutes(wait))
	}
	daily := func(wait time.Duration) error {
		return domain.Errorf(domain.CodeAccountLocked, "账号 %s 今日在本终端密码错误已达 %d 次，本终端已锁定至明天；可在其他终端登录，收银员也可请管理员重置密码",
			account, DailyLoginCap).With("minutes", minutes(wait))
	}
	return []limit{
		{key: fmt.Sprintf("%st%d:%s", acct, terminalID, src), max: MaxFailedLogins, window: LockDuration, lock: LockDuration, refuse: locked},
		{key: fmt.Sprintf("%st%d:day:%s", acct, terminalID, s.day()), max: DailyLoginCap, refuse: daily},
		{key: fmt.Sprintf("login:t%d", terminalID), max: TerminalLoginCap, window: LockDuration, refuse: tooMany("本终端登录失败")},
		{key: "login:src:" + src, max: SourceLoginCap, window: LockDuration, refuse: tooMany("登录失败")},
		{key: "login:src:" + src + ":day:" + s.day(), max: SourceLoginDailyCap, refuse: tooMany("登录失败")},
	}
}

// passwordLimits are the counters checking the caller's old password draws from.
func (s *Service) passwordLimits(ctx context.Context, c *Caller) []limit {
	locked := func(wait time.Duration) error {
		return domain.Errorf(domain.CodeAccountLocked, "旧密码连续输错 %d 次，请 %s后再试",
			MaxFailedLogins, waitText(wait)).With("minutes", minutes(wait))
	}
	return []limit{{key: fmt.Sprintf("pw:c%d:t%d:%s", c.Cashier.ID, c.Terminal.ID, clientOf(ctx)),
		max: MaxFailedLogins, window: LockDuration, lock: LockDuration, refuse: locked}}
}

// adminLimits are the counters a void/refund admin password on terminal t draws from.
func (s *Service) adminLimits(ctx context.Context, terminalID uint) []limit {
	term := fmt.Sprintf("admin:t%d:", terminalID)
	locked := func(wait time.Duration) error {
		return domain.Errorf(domain.CodeAccountLocked, "管理员密码连续输错 %d 次，本终端的撤销和退货已锁定，请 %s后再试",
			MaxFailedLogins, waitText(wait)).With("minutes", minutes(wait))
	}
	return []limit{
		{key: term + clientOf(ctx), max: MaxFailedLogins, window: LockDuration, lock: LockDuration, refuse: locked},
		{key: term + "day:" + s.day(), max: DailyAdminCap, refuse: locked},
	}
}

// smsWrongLimits are the counters a try of an SMS code draws from (beyond the code's own).
func (s *Service) smsWrongLimits(ctx context.Context, merchantNo string) []limit {
	src := clientOf(ctx)
	refuse := func(wait time.Duration) error {
		return domain.Errorf(domain.CodeSMSTooMany, "验证码错误次数过多，请 %s后再试", waitText(wait)).
			With("minutes", minutes(wait))
	}
	return []limit{
		{key: fmt.Sprintf("smsv:m%s:day:%s", merchantNo, s.day()), max: SMSDailyWrongCap, refuse: refuse},
		{key: "smsv:src:" + src, max: SourceSMSWrongCap, window: time.Hour, refuse: refuse},
		{key: "smsv:src:" + src + ":day:" + s.day(), max: 3 * SourceSMSWrongCap, refuse: refuse},
	}
}

// smsSendLimits are the counters sending a code for k draws from, keyed by merchant number.
func (s *Service) smsSendLimits(ctx context.Context, k smsKey) []limit {
	resend := func(wait time.Duration) error {
		secs := max(1, int((wait+time.Second-1)/time.Second))
		return domain.Errorf(domain.CodeSMSTooSoon, "验证码已发送，请 %d 秒后再重新获取", secs).With("seconds", secs)
	}
	daily := func(wait time.Duration) error {
		return domain.Errorf(domain.CodeSMSTooSoon, "今日验证码发送次数已达上限，请 %s后再试", waitText(wait)).
			With("seconds", int(wait/time.Second))
	}
	scope := fmt.Sprintf("smss:m%s:%s", k.merchant.MerchantNo, k.purpose)
	if k.terminalID != nil {
		scope += fmt.Sprintf(":t%d", *k.terminalID)
	}
	return []limit{
		{key: scope, max: 1, window: SMSResend, refuse: resend},
		{key: fmt.Sprintf("smss:m%s:day:%s", k.merchant.MerchantNo, s.day()), max: SMSDailyCap, refuse: daily},
		{key: "smss:src:" + clientOf(ctx) + ":day:" + s.day(), max: SourceSMSSendCap, refuse: daily},
	}
}

// grantLimits is the counter a refused initialisation grant draws from.
func grantLimits(ctx context.Context) []limit {
	return []limit{{key: "grant:src:" + clientOf(ctx), max: SourceGrantCap, window: time.Hour, refuse: tooMany("初始化")}}
}

// lookupLimits is the counter a lookup of an unregistered merchant number draws from.
func lookupLimits(ctx context.Context) []limit {
	return []limit{{key: "lookup:src:" + clientOf(ctx), max: SourceLookupCap, window: time.Hour, refuse: tooMany("查询商户号")}}
}

// day is today in the shop's time zone, for daily caps.
func (s *Service) day() string {
	return s.now().In(s.loc).Format("20060102")
}
