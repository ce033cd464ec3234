package platform

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// Login rules (manual §3, issue 4 §3); the full policy is in guard.go.
const (
	MaxFailedLogins = 5
	LockDuration    = 15 * time.Minute
)

// Login checks account and password on a terminal and binds the account to it. An account
// bound to another terminal cannot log in until it logs out there or that terminal logs in
// another account. Attempts are reserved before the password is checked (guard.go): five
// wrong passwords from one terminal and address lock the account there for 15 minutes.
// An unknown account is answered exactly like a wrong password.
func (s *Service) Login(ctx context.Context, terminalToken, account, password string) (*SessionInfo, error) {
	t, m, err := s.terminalOf(ctx, terminalToken)
	if err != nil {
		return nil, err
	}
	fail := auditEntry{MerchantID: m.ID, TerminalID: t.ID, Actor: account, Action: AuditLoginFailed}
	if err := validAccount("account", account); err != nil {
		fail.Actor, fail.Detail = "", "账号格式不正确"
		s.audit(ctx, fail)
		return nil, err
	}
	if err := validPasswordInput("password", password); err != nil {
		fail.Detail = "密码为空或过长"
		s.audit(ctx, fail)
		return nil, err
	}
	r, err := s.reserve(ctx, s.loginLimits(ctx, m.ID, t.ID, account)...)
	if err != nil {
		fail.Action, fail.Detail = AuditLoginLocked, "已锁定，未检查密码"
		s.audit(ctx, fail)
		return nil, err
	}
	c, ok, err := s.checkLogin(ctx, m.ID, account, password)
	if err != nil {
		r.release(ctx)
		return nil, err
	}
	if !ok {
		fail.CashierID, fail.Detail = c.ID, "密码错误"
		return nil, s.wrongPassword(ctx, r, fail, domain.CodeLoginFailed, "账号或密码错误")
	}
	r.release(ctx)
	return s.startSession(ctx, t, c, fail)
}

// checkLogin loads account and compares password. An unknown account is compared against a
// hash too, so it costs (and takes) what a real one does.
func (s *Service) checkLogin(ctx context.Context, merchantID uint, account, password string) (*store.Cashier, bool, error) {
	var c store.Cashier
	if err := s.db.WithContext(ctx).Where("merchant_id = ? AND account = ?", merchantID, account).Limit(1).Find(&c).Error; err != nil {
		return nil, false, s.internal("load cashier", err)
	}
	hash := c.PasswordHash
	if c.ID == 0 {
		h, err := s.initialHash()
		if err != nil {
			return nil, false, s.internal("hash password", err)
		}
		hash = "x" + h // never matches
	}
	return &c, s.checkPassword(hash, password) && c.ID != 0, nil
}

// wrongPassword keeps the reserved attempt of a wrong password, audits, and returns the
// error to show: code with "还可尝试 N 次", or the lock the attempt reached.
func (s *Service) wrongPassword(ctx context.Context, r *reservation, e auditEntry, code domain.Code, msg string) error {
	left, err := r.keep(ctx)
	if err != nil {
		e.Action, e.Detail = AuditLoginLocked, e.Detail+"；已达上限，锁定"
		s.audit(ctx, e)
		return err
	}
	e.Detail = fmt.Sprintf("%s（还可尝试 %d 次）", e.Detail, left)
	s.audit(ctx, e)
	return domain.Errorf(code, "%s，还可尝试 %d 次", msg, left).With("left", left)
}

// startSession binds c to terminal t (unbinding whoever was logged in there) and opens a
// session. The bind is one conditional UPDATE, so two terminals cannot both win.
func (s *Service) startSession(ctx context.Context, t *store.Terminal, c *store.Cashier, fail auditEntry) (*SessionInfo, error) {
	token, hash, err := newToken()
	if err != nil {
		return nil, s.internal("session token", err)
	}
	now := s.now()
	sess := store.Session{TokenHash: hash, CashierID: c.ID, TerminalID: t.ID, ExpiresAt: now.Add(s.sessionTTL), CreatedAt: now}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&store.Cashier{}).
			Where("id = ? AND (bound_terminal_id IS NULL OR bound_terminal_id = ?)", c.ID, t.ID).
			Update("bound_terminal_id", t.ID)
		if res.Error != nil {
			return s.internal("bind account", res.Error)
		}
		if res.RowsAffected == 0 {
			return s.boundElsewhere(tx, c)
		}
		if err := tx.Model(&store.Cashier{}).Where("bound_terminal_id = ? AND id <> ?", t.ID, c.ID).
			Update("bound_terminal_id", nil).Error; err != nil {
			return s.internal("unbind previous account", err)
		}
		if err := tx.Where("terminal_id = ? OR cashier_id = ?", t.ID, c.ID).Delete(&store.Session{}).Error; err != nil {
			return s.internal("end old sessions", err)
		}
		return tx.Create(&sess).Error
	})
	if err != nil {
		if domain.CodeOf(err) == domain.CodeBoundElsewhere {
			fail.Detail = "账号已绑定其他终端"
			s.audit(ctx, fail)
		}
		return nil, domain.AsError(err)
	}
	c.BoundTerminalID = &t.ID
	return &SessionInfo{Token: token, ExpiresAt: sess.ExpiresAt, Profile: profileOf(c)}, nil
}

// boundElsewhere says plainly which terminal holds the account and how to free it.
func (s *Service) boundElsewhere(tx *gorm.DB, c *store.Cashier) error {
	var other store.Terminal
	if err := tx.Table("terminals").Joins("JOIN cashiers ON cashiers.bound_terminal_id = terminals.id").
		Where("cashiers.id = ?", c.ID).Limit(1).Find(&other).Error; err != nil {
		return s.internal("load bound terminal", err)
	}
	return domain.Errorf(domain.CodeBoundElsewhere,
		"账号 %s 已在其他终端（终端号 %s）登录。请先在那台终端退出登录，或在那台终端登录其他账号后，再在本终端登录",
		c.Account, other.TermNo).With("termNo", other.TermNo)
}

// Logout ends the session and unbinds the account from this terminal (manual §2.4).
func (s *Service) Logout(ctx context.Context, creds Creds) error {
	c, err := s.session(ctx, creds)
	if err != nil {
		return err
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Delete(&store.Session{}, c.Session.ID).Error; err != nil {
			return s.internal("end session", err)
		}
		err := tx.Model(&store.Cashier{}).Where("id = ? AND bound_terminal_id = ?", c.Cashier.ID, c.Terminal.ID).
			Update("bound_terminal_id", nil).Error
		if err != nil {
			return s.internal("unbind account", err)
		}
		return nil
	})
}

// Me returns the logged-in cashier's profile (manual §2.2).
func (s *Service) Me(ctx context.Context, creds Creds) (*Profile, error) {
	c, err := s.session(ctx, creds)
	if err != nil {
		return nil, err
	}
	p := profileOf(&c.Cashier)
	return &p, nil
}

// ChangePassword changes the caller's own password after checking the old one (manual §2.3).
// The new password must pass validNewPassword.
func (s *Service) ChangePassword(ctx context.Context, creds Creds, oldPassword, newPassword string) error {
	c, err := s.session(ctx, creds)
	if err != nil {
		return err
	}
	if err := validPasswordInput("oldPassword", oldPassword); err != nil {
		return err
	}
	r, err := s.reserve(ctx, s.passwordLimits(ctx, c)...)
	if err != nil {
		return err
	}
	if !s.checkPassword(c.Cashier.PasswordHash, oldPassword) {
		e := auditEntry{MerchantID: c.Merchant.ID, TerminalID: c.Terminal.ID, CashierID: c.Cashier.ID,
			Actor: c.Cashier.Account, Action: AuditPasswordFail, Detail: "旧密码错误"}
		err := s.wrongPassword(ctx, r, e, domain.CodeInvalidInput, "旧密码不正确")
		if de := domain.AsError(err); de.Code == domain.CodeInvalidInput {
			de.Field = "oldPassword"
		}
		return err
	}
	r.release(ctx)
	if err := validNewPassword("newPassword", newPassword, c.Cashier.Account, oldPassword); err != nil {
		return err
	}
	h, err := hashPassword(newPassword)
	if err != nil {
		return s.internal("hash password", err)
	}
	err = s.db.WithContext(ctx).Model(&store.Cashier{}).Where("id = ?", c.Cashier.ID).
		Updates(map[string]any{"password_hash": h, "password_changed": true, "must_change_password": false}).Error
	if err != nil {
		return s.internal("save password", err)
	}
	s.auditCaller(ctx, c, AuditPasswordDone, "修改本人密码", true)
	return nil
}

// profileOf is the public view of a cashier.
func profileOf(c *store.Cashier) Profile {
	return Profile{Account: c.Account, Name: c.Name, Phone: c.Phone, Remark: c.Remark, Role: c.Role,
		PasswordChanged: c.PasswordChanged && !c.MustChangePassword}
}

// cashierByAccount loads an account of the caller's merchant or returns CodeNotFound.
func (s *Service) cashierByAccount(ctx context.Context, merchantID uint, account string) (*store.Cashier, error) {
	if err := validAccount("account", account); err != nil {
		return nil, err
	}
	var c store.Cashier
	err := s.db.WithContext(ctx).Where("merchant_id = ? AND account = ?", merchantID, account).First(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, domain.Errorf(domain.CodeNotFound, "账号 %s 不存在", account).With("account", account)
	}
	if err != nil {
		return nil, s.internal("load cashier", err)
	}
	return &c, nil
}
