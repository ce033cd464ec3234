package services

import (
	"context"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// Who may change the terminal's own settings (the platform connection, the devices).
const (
	AccessOpen     = "open"     // the terminal is not initialised: anyone at the init screen
	AccessAdmin    = "admin"    // the admin is logged in
	AccessPassword = "password" // nobody is logged in: the admin password is asked (login screen)
	AccessReadOnly = "readonly" // a cashier is logged in: look, do not change
)

// errAdminOnly refuses a change of the terminal's connection or devices to anyone but the admin.
var errAdminOnly = domain.Errorf(domain.CodeAdminOnly, "本终端的连接和设备设置只有管理员可以修改，请管理员登录后修改")

// access says who is at the terminal as far as its own settings go, asking the platform
// whether the session is still valid and an admin's.
func (c *Core) access() (string, error) {
	if c.broken != nil {
		return "", c.broken
	}
	creds := c.creds()
	switch {
	case creds.TerminalToken == "":
		return AccessOpen, nil
	case creds.SessionToken == "":
		return AccessPassword, nil
	}
	p, err := call(c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Profile, error) {
		return api.Me(ctx, cr)
	})
	switch {
	case domain.CodeOf(err) == domain.CodeUnauthenticated && c.creds().SessionToken == "":
		return AccessPassword, nil
	case err != nil:
		return "", err
	case p.Role == string(domain.RoleAdmin) && p.PasswordChanged:
		return AccessAdmin, nil
	}
	return AccessReadOnly, nil
}

// requireAdmin refuses (CodeAdminOnly) unless the admin is logged in on this terminal: the
// devices are the admin's, whatever the UI shows.
func (c *Core) requireAdmin() error {
	a, err := c.access()
	if err != nil {
		return err
	}
	if a != AccessAdmin {
		c.log.Info("device or connection change refused", "access", a)
		return errAdminOnly
	}
	return nil
}
