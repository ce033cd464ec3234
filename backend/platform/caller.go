package platform

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// Caller is who is asking: a logged-in cashier on a terminal. Every API method that needs a
// session resolves its Creds to a Caller first; all rules are checked against it.
type Caller struct {
	Merchant store.Merchant
	Terminal store.Terminal
	Cashier  store.Cashier
	Session  store.Session
}

// IsAdmin reports whether the caller is an admin.
func (c *Caller) IsAdmin() bool { return c.Cashier.Role == string(domain.RoleAdmin) }

// newToken returns a random 256-bit token (base64url) and its hash for storage.
func newToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token), nil
}

// hashToken is the stored form of a token or code: hex SHA-256.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

var errNoTerminal = domain.Errorf(domain.CodeUnauthenticated, "终端未初始化或已失效，请重新初始化")
var errNoSession = domain.Errorf(domain.CodeUnauthenticated, "登录已失效，请重新登录")

// terminalOf resolves a terminal token to its live terminal and merchant.
func (s *Service) terminalOf(ctx context.Context, token string) (*store.Terminal, *store.Merchant, error) {
	if token == "" {
		return nil, nil, errNoTerminal
	}
	var t store.Terminal
	err := s.db.WithContext(ctx).Where("token_hash = ? AND revoked_at IS NULL", hashToken(token)).First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil, errNoTerminal
	}
	if err != nil {
		return nil, nil, s.internal("load terminal", err)
	}
	if err := s.touchTerminal(ctx, &t); err != nil {
		return nil, nil, err
	}
	var m store.Merchant
	if err := s.db.WithContext(ctx).First(&m, t.MerchantID).Error; err != nil {
		return nil, nil, s.internal("load merchant", err)
	}
	return &t, &m, nil
}

// errMustChange refuses a session whose password is still an initial one.
var errMustChange = domain.Errorf(domain.CodeMustChangePassword, "当前为初始密码，请先修改密码后再使用")

// touchTerminal refuses a terminal unused for longer than TerminalTTL (when set) (its token expired;
// it must be initialised again) and otherwise records that it was seen, at most hourly.
func (s *Service) touchTerminal(ctx context.Context, t *store.Terminal) error {
	now := s.now()
	if s.terminalTTL > 0 && !t.LastSeenAt.IsZero() && now.Sub(t.LastSeenAt) > s.terminalTTL {
		s.audit(ctx, auditEntry{MerchantID: t.MerchantID, TerminalID: t.ID, Action: AuditForbidden,
			Detail: "终端令牌已过期（" + t.LastSeenAt.Format("2006-01-02") + " 后未使用）"})
		return errNoTerminal
	}
	if now.Sub(t.LastSeenAt) < time.Hour {
		return nil
	}
	if err := s.db.WithContext(ctx).Model(&store.Terminal{}).Where("id = ?", t.ID).Update("last_seen_at", now).Error; err != nil {
		return s.internal("touch terminal", err)
	}
	return nil
}

// caller resolves creds to a logged-in cashier on a live terminal who may work: one whose
// password is still an initial one may only change it (or log out). That refusal is not
// audited (the session is genuine; xtfd's access log has it).
func (s *Service) caller(ctx context.Context, creds Creds) (*Caller, error) {
	c, err := s.session(ctx, creds)
	if err == nil && c.Cashier.MustChangePassword {
		return nil, errMustChange
	}
	return c, err
}

// session resolves creds to a logged-in cashier on a live terminal. The session must belong
// to that terminal, be unexpired, and the cashier must still be bound to it.
func (s *Service) session(ctx context.Context, creds Creds) (*Caller, error) {
	t, m, err := s.terminalOf(ctx, creds.TerminalToken)
	if err != nil {
		return nil, err
	}
	if creds.SessionToken == "" {
		return nil, errNoSession
	}
	db := s.db.WithContext(ctx)
	var sess store.Session
	err = db.Where("token_hash = ? AND terminal_id = ?", hashToken(creds.SessionToken), t.ID).First(&sess).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || (err == nil && !sess.ExpiresAt.After(s.now())) {
		return nil, errNoSession
	}
	if err != nil {
		return nil, s.internal("load session", err)
	}
	var c store.Cashier
	err = db.First(&c, sess.CashierID).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || (err == nil && (c.BoundTerminalID == nil || *c.BoundTerminalID != t.ID)) {
		return nil, errNoSession
	}
	if err != nil {
		return nil, s.internal("load cashier", err)
	}
	return &Caller{Merchant: *m, Terminal: *t, Cashier: c, Session: sess}, nil
}

// internalIf is internal(what, err) when err is set, else nil.
func (s *Service) internalIf(what string, err error) error {
	if err == nil {
		return nil
	}
	return s.internal(what, err)
}

// internal logs an unexpected error and returns the generic internal error for the UI.
func (s *Service) internal(what string, err error) error {
	s.log.Error("platform: "+what, "err", err)
	return domain.AsError(err)
}
