package services

import (
	"context"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// CashierService is the admin's cashier management (manual §8.5) and 终端管理 (the
// merchant's terminals). The platform enforces that only an admin may use it.
type CashierService struct{ c *Core }

// NewCashierService binds the cashier methods to c.
func NewCashierService(c *Core) *CashierService { return &CashierService{c: c} }

// List returns the merchant's cashiers matching f.
func (s *CashierService) List(f platform.CashierFilter) ([]platform.Profile, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) ([]platform.Profile, error) {
		return api.ListCashiers(ctx, cr, f)
	})
}

// Add creates a cashier; confirm must repeat in.Password.
func (s *CashierService) Add(in platform.CashierInput, confirm string) (*platform.Profile, error) {
	if in.Password != confirm {
		return nil, domain.FieldError("confirm", "两次输入的密码不一致")
	}
	p, err := call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Profile, error) {
		return api.AddCashier(ctx, cr, in)
	})
	if err == nil {
		s.c.log.Info("cashier added", "account", p.Account)
	}
	return p, err
}

// Update edits a cashier's name, phone and remark.
func (s *CashierService) Update(account string, in platform.CashierInput) (*platform.Profile, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Profile, error) {
		return api.UpdateCashier(ctx, cr, account, in)
	})
}

// NewCaptcha returns an image captcha for a password reset.
func (s *CashierService) NewCaptcha() (*platform.Captcha, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Captcha, error) {
		return api.NewCaptcha(ctx, cr)
	})
}

// ResetPassword sets a cashier's password back to the initial one.
func (s *CashierService) ResetPassword(account, captchaID, answer string) error {
	return callErr(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) error {
		return api.ResetPassword(ctx, cr, account, captchaID, answer)
	})
}

// Delete removes a cashier.
func (s *CashierService) Delete(account string) error {
	return callErr(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) error {
		return api.DeleteCashier(ctx, cr, account)
	})
}

// Terminals lists the merchant's terminals (终端管理).
func (s *CashierService) Terminals() ([]platform.TerminalRow, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) ([]platform.TerminalRow, error) {
		return api.ListTerminals(ctx, cr)
	})
}

// RevokeTerminal stops another terminal of the merchant for good (a lost or stolen PC).
func (s *CashierService) RevokeTerminal(termNo string) error {
	err := callErr(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) error {
		return api.RevokeTerminal(ctx, cr, termNo)
	})
	if err == nil {
		s.c.log.Info("terminal revoked", "termNo", termNo)
	}
	return err
}
