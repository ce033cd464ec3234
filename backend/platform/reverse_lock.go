package platform

import (
	"context"
	"fmt"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// checkAdminPassword guards void and refund: MaxFailedLogins wrong admin passwords on a
// terminal lock void/refund there for LockDuration (the password is the merchant's, so the
// terminal is what is counted). Every refusal is audited.
func (s *Service) checkAdminPassword(ctx context.Context, c *Caller, kind domain.TradeKind, in ReverseInput) error {
	what := fmt.Sprintf("交易单号 %s：", clip(in.TradeNo, 40))
	if err := s.reverseLocked(c.Terminal.AdminLockedUntil); err != nil {
		s.auditReverse(c, kind, what+"撤销/退货已锁定", false)
		return err
	}
	ok, err := s.adminPasswordOK(ctx, c, in.AdminPassword)
	if err != nil {
		return err
	}
	if ok {
		if c.Terminal.AdminFailures > 0 {
			s.db.WithContext(ctx).Model(&store.Terminal{}).Where("id = ?", c.Terminal.ID).Update("admin_failures", 0)
		}
		return nil
	}
	n, until, err := s.countFailure(ctx, &store.Terminal{}, c.Terminal.ID, "admin_failures", "admin_locked_until")
	if err != nil {
		return err
	}
	if until != nil {
		s.auditCaller(ctx, c, AuditReverseLocked, fmt.Sprintf("%s管理员密码连续 %d 次错误，本终端撤销/退货锁定 %d 分钟",
			what, n, int(LockDuration/time.Minute)), false)
		return s.reverseLocked(until)
	}
	left := MaxFailedLogins - n
	s.auditReverse(c, kind, fmt.Sprintf("%s管理员密码错误（第 %d 次）", what, n), false)
	return domain.Errorf(domain.CodeAdminPassword, "管理员密码错误，还可尝试 %d 次", left).With("left", left)
}

// reverseLocked returns CodeAccountLocked while void/refund is locked on the terminal.
func (s *Service) reverseLocked(until *time.Time) error {
	if until == nil || !until.After(s.now()) {
		return nil
	}
	mins := int((until.Sub(s.now()) + time.Minute - 1) / time.Minute)
	return domain.Errorf(domain.CodeAccountLocked, "管理员密码连续输错 %d 次，本终端的撤销和退货已锁定，请 %d 分钟后再试",
		MaxFailedLogins, mins).With("minutes", mins)
}
