package platform

import (
	"context"
	"fmt"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// checkAdminPassword guards void and refund. The initial password never authorises one,
// nor does an admin whose password is still initial. An attempt is reserved before the
// password is checked (guard.go): MaxFailedLogins wrong admin passwords from a terminal and
// client address lock void/refund there for LockDuration (the password is the merchant's,
// so the terminal is what is counted). Every refusal is audited.
func (s *Service) checkAdminPassword(ctx context.Context, c *Caller, kind domain.TradeKind, in ReverseInput) error {
	what := fmt.Sprintf("交易单号 %s：", clip(in.TradeNo, 40))
	switch in.AdminPassword {
	case "":
		s.auditCaller(ctx, c, string(kind), what+"未输入管理员密码", false)
		return domain.Errorf(domain.CodeAdminPassword, "请输入管理员密码")
	case domain.InitialPassword:
		s.auditCaller(ctx, c, string(kind), what+"使用初始密码", false)
		return domain.Errorf(domain.CodeAdminPassword, "初始密码不能用于撤销或退货，请管理员先登录并修改密码")
	}
	r, err := s.reserve(ctx, s.adminLimits(ctx, c.Terminal.ID)...)
	if err != nil {
		s.auditCaller(ctx, c, string(kind), what+"撤销/退货已锁定，未检查密码", false)
		return err
	}
	ok, err := s.adminPasswordOK(ctx, c, in.AdminPassword)
	if err != nil || ok {
		r.release(ctx)
		return err
	}
	left, err := r.keep(ctx)
	if err != nil {
		s.auditCaller(ctx, c, AuditReverseLocked, what+"管理员密码错误次数已达上限，本终端撤销/退货锁定", false)
		return err
	}
	s.auditCaller(ctx, c, string(kind), fmt.Sprintf("%s管理员密码错误（还可尝试 %d 次）", what, left), false)
	return domain.Errorf(domain.CodeAdminPassword, "管理员密码错误，还可尝试 %d 次", left).With("left", left)
}

// adminPasswordOK checks pw against the merchant's admin accounts whose password is not an
// initial one, server-side.
func (s *Service) adminPasswordOK(ctx context.Context, c *Caller, pw string) (bool, error) {
	var admins []store.Cashier
	if err := s.db.WithContext(ctx).Where("merchant_id = ? AND role = ? AND must_change_password = ?",
		c.Merchant.ID, domain.RoleAdmin, false).Find(&admins).Error; err != nil {
		return false, s.internal("load admins", err)
	}
	for _, a := range admins {
		if s.checkPassword(a.PasswordHash, pw) {
			return true, nil
		}
	}
	return false, nil
}
