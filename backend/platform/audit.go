package platform

import (
	"context"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// Audit actions. Every admin action and every failed login is written to the audit table.
const (
	AuditInit           = "terminal.init"
	AuditInitRefused    = "terminal.init_refused"
	AuditStoreChange    = "terminal.store"
	AuditTerminalRevoke = "terminal.revoke"
	AuditLoginFailed    = "login.failed"
	AuditLoginLocked    = "login.locked"
	AuditPasswordFail   = "password.change_failed"
	AuditPasswordDone   = "password.change"
	AuditCashierAdd     = "cashier.add"
	AuditCashierEdit    = "cashier.edit"
	AuditCashierReset   = "cashier.reset"
	AuditCashierDelete  = "cashier.delete"
	AuditForbidden      = "forbidden"
	AuditRecheck        = "trade.recheck"
	AuditClosePay       = "trade.close"
	AuditReverseLocked  = "reverse.locked"
	AuditSMSRefused     = "sms.refused"
	AuditSMSWrong       = "sms.wrong"
)

// auditEntry is what one audit row records; merchant, terminal and cashier may be zero.
type auditEntry struct {
	MerchantID, TerminalID, CashierID uint
	Actor, Action, Detail             string
	OK                                bool
}

// audit writes one row with the client address. A refusal also gets a log line (the
// server's audit trail). A failure to audit is logged, never shown to the user.
func (s *Service) audit(ctx context.Context, e auditEntry) {
	row := store.Audit{At: s.now(), MerchantID: e.MerchantID, TerminalID: e.TerminalID, CashierID: e.CashierID,
		Actor: clip(e.Actor, 32), Action: e.Action, Detail: clip(e.Detail, 500), OK: e.OK, Client: clip(clientOf(ctx), 64)}
	if !e.OK {
		s.log.Warn("audit: refused", "action", e.Action, "client", row.Client, "merchant", e.MerchantID,
			"terminal", e.TerminalID, "actor", row.Actor, "detail", row.Detail)
	}
	if err := s.db.WithContext(context.WithoutCancel(ctx)).Create(&row).Error; err != nil {
		s.log.Error("platform: audit", "action", e.Action, "err", err)
	}
}

// auditCaller records an action by a logged-in caller.
func (s *Service) auditCaller(ctx context.Context, c *Caller, action, detail string, ok bool) {
	s.audit(ctx, auditEntry{MerchantID: c.Merchant.ID, TerminalID: c.Terminal.ID, CashierID: c.Cashier.ID,
		Actor: c.Cashier.Account, Action: action, Detail: detail, OK: ok})
}

// requireAdmin returns CodeForbidden (and audits the attempt) unless c is an admin.
func (s *Service) requireAdmin(ctx context.Context, c *Caller, what string) error {
	if c.IsAdmin() {
		return nil
	}
	s.auditCaller(ctx, c, AuditForbidden, what, false)
	return domain.Errorf(domain.CodeForbidden, "只有管理员可以%s", what)
}
