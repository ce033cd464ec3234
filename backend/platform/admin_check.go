package platform

import (
	"context"

	"xiaotongfu/backend/domain"
)

// AuditAdminCheck records an admin password checked outside a session (VerifyAdmin).
const AuditAdminCheck = "admin.check"

// VerifyAdmin checks password against admin 01 of the terminal's merchant, for a change the
// login screen makes without a session (the terminal's platform connection). It is a login of
// 01 on this terminal in all but the session: the same reservation and lockout (guard.go),
// and the initial password never passes. Refusals are CodeAdminPassword ("还可尝试 N 次") or
// the lock; every outcome is audited.
func (s *Service) VerifyAdmin(ctx context.Context, terminalToken, password string) error {
	t, m, err := s.terminalOf(ctx, terminalToken)
	if err != nil {
		return err
	}
	e := auditEntry{MerchantID: m.ID, TerminalID: t.ID, Actor: domain.AdminAccount, Action: AuditAdminCheck}
	switch password {
	case "":
		return domain.Errorf(domain.CodeAdminPassword, "请输入管理员密码")
	case domain.InitialPassword:
		e.Detail = "使用初始密码"
		s.audit(ctx, e)
		return domain.Errorf(domain.CodeAdminPassword, "初始密码不能用于此操作，请管理员先登录并修改密码")
	}
	if err := validPasswordInput("adminPassword", password); err != nil {
		return err
	}
	r, err := s.reserve(ctx, s.loginLimits(ctx, m.ID, t.ID, domain.AdminAccount)...)
	if err != nil {
		e.Detail = "已锁定，未检查密码"
		s.audit(ctx, e)
		return err
	}
	c, ok, err := s.checkLogin(ctx, m.ID, domain.AdminAccount, password)
	if err != nil {
		r.release(ctx)
		return err
	}
	if !ok {
		e.CashierID, e.Detail = c.ID, "管理员密码错误"
		return s.wrongPassword(ctx, r, e, domain.CodeAdminPassword, "管理员密码错误")
	}
	r.release(ctx)
	e.CashierID, e.Detail, e.OK = c.ID, "管理员密码正确", true
	s.audit(ctx, e)
	return nil
}
