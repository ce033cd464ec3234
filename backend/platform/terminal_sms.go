package platform

import (
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// SMS code rules (issue 4 §1): 6 digits, valid 5 minutes, at most 5 tries, resend after 60 s.
const (
	SMSCodeTTL   = 5 * time.Minute
	SMSResend    = 60 * time.Second
	SMSMaxTries  = 5
	GrantTTL     = 10 * time.Minute
	purposeInit  = "init"
	purposeStore = "store"
)

// smsKey scopes a code to a merchant, a purpose and (for a store change) a terminal.
type smsKey struct {
	merchant   *store.Merchant
	purpose    string
	terminalID *uint
}

func (k smsKey) scope(db *gorm.DB) *gorm.DB {
	db = db.Where("merchant_id = ? AND purpose = ?", k.merchant.ID, k.purpose)
	if k.terminalID != nil {
		return db.Where("terminal_id = ?", *k.terminalID)
	}
	return db.Where("terminal_id IS NULL")
}

// maxLiveCodes is how many unexpired codes of one scope are accepted at once: a new request
// does not kill the code the owner is typing, and a guess still meets few codes.
const maxLiveCodes = 3

// smsHash is the stored form of code: HMAC-SHA256 under the server secret, so a copy of the
// database does not give a live code away.
func (s *Service) smsHash(k smsKey, code string) string {
	mac := hmac.New(sha256.New, s.secret)
	fmt.Fprintf(mac, "sms:%d:%s:%s", k.merchant.ID, k.purpose, code)
	return hex.EncodeToString(mac.Sum(nil))
}

// sendCode creates a code, stores its keyed hash and sends it to the merchant's registered
// phone. The send is reserved first (one per SMSResend per scope, daily caps per merchant
// and client address), so a burst of requests sends exactly one SMS. Earlier codes stay
// valid until they expire.
func (s *Service) sendCode(ctx context.Context, k smsKey) (*SMSChallenge, error) {
	r, err := s.reserve(ctx, s.smsSendLimits(ctx, k)...)
	if err != nil {
		s.audit(ctx, auditEntry{MerchantID: k.merchant.ID, Action: AuditSMSRefused, Detail: "发送验证码：" + domain.AsError(err).Message})
		return nil, err
	}
	code, err := randomDigits(6)
	if err != nil {
		r.release(ctx)
		return nil, s.internal("sms code", err)
	}
	db := s.db.WithContext(ctx)
	now := s.now()
	row := store.SMSCode{MerchantID: k.merchant.ID, Purpose: k.purpose, TerminalID: k.terminalID,
		Phone: k.merchant.Phone, CodeHash: s.smsHash(k, code), ExpiresAt: now.Add(SMSCodeTTL), CreatedAt: now}
	if err := db.Create(&row).Error; err != nil {
		r.release(ctx)
		return nil, s.internal("save sms code", err)
	}
	text := fmt.Sprintf("【小通付】您的验证码为 %s，%d 分钟内有效，请勿告诉他人。", code, int(SMSCodeTTL/time.Minute))
	if err := s.sms.Send(ctx, k.merchant.Phone, text); err != nil {
		s.log.Error("platform: send sms", "phone", maskPhone(k.merchant.Phone), "err", err)
		db.Delete(&row)
		r.release(ctx)
		return nil, domain.Errorf(domain.CodeUnavailable, "短信发送失败，请稍后重试")
	}
	r.keep(ctx)
	return &SMSChallenge{MaskedPhone: maskPhone(k.merchant.Phone),
		ResendAfter: int(SMSResend / time.Second), ExpiresIn: int(SMSCodeTTL / time.Second)}, nil
}

// liveCodes are the newest unexpired, unused codes of k, newest first.
func (s *Service) liveCodes(ctx context.Context, k smsKey) ([]store.SMSCode, error) {
	var rows []store.SMSCode
	err := k.scope(s.db.WithContext(ctx)).Where("used_at IS NULL AND expires_at > ?", s.now()).
		Order("id DESC").Limit(maxLiveCodes).Find(&rows).Error
	if err != nil {
		return nil, s.internal("load sms code", err)
	}
	return rows, nil
}

// noLiveCode says why there is nothing to check a code against: the last one expired, or
// there is none (never sent, used, or killed by too many tries).
func (s *Service) noLiveCode(ctx context.Context, k smsKey) error {
	var last store.SMSCode
	if err := k.scope(s.db.WithContext(ctx)).Order("id DESC").Limit(1).Find(&last).Error; err != nil {
		return s.internal("load sms code", err)
	}
	if last.ID != 0 && last.UsedAt == nil && last.Attempts < SMSMaxTries {
		return errCodeExpired()
	}
	return errCodeInvalid()
}

func errCodeExpired() error {
	return domain.Errorf(domain.CodeSMSExpired, "验证码已过期（有效期 %d 分钟），请重新获取", int(SMSCodeTTL/time.Minute))
}

func errCodeInvalid() error {
	return domain.Errorf(domain.CodeSMSInvalid, "验证码无效，请重新获取验证码")
}

// wrongCode is the answer to a wrong code with left tries on it.
func wrongCode(left int) error {
	if left <= 0 {
		return tooManyTries()
	}
	return domain.Errorf(domain.CodeSMSInvalid, "验证码错误，还可以再试 %d 次", left).With("left", left)
}

// checkCode verifies code for k (matchCode) and audits a refusal.
func (s *Service) checkCode(ctx context.Context, k smsKey, code string) error {
	err := s.matchCode(ctx, k, code)
	if err != nil {
		e := auditEntry{MerchantID: k.merchant.ID, Action: AuditSMSWrong, Detail: k.purpose + "：" + domain.AsError(err).Message}
		if k.terminalID != nil {
			e.TerminalID = *k.terminalID
		}
		s.audit(ctx, e)
	}
	return err
}

// matchCode verifies code against the live codes for k and consumes the one it matches
// (and retires the others). Each try is reserved before it is compared: on the newest
// code (SMSMaxTries) and on the daily and per-address caps (guard.go).
func (s *Service) matchCode(ctx context.Context, k smsKey, code string) error {
	if err := validSMSCode(code); err != nil {
		return err
	}
	live, err := s.liveCodes(ctx, k)
	if err != nil || len(live) == 0 {
		return cmp.Or(err, s.noLiveCode(ctx, k))
	}
	r, err := s.reserve(ctx, s.smsWrongLimits(ctx, k.merchant.MerchantNo)...)
	if err != nil {
		return err
	}
	res := s.db.WithContext(ctx).Model(&store.SMSCode{}).Where("id = ? AND attempts < ?", live[0].ID, SMSMaxTries).
		Update("attempts", gorm.Expr("attempts + 1"))
	if res.Error != nil || res.RowsAffected == 0 {
		r.release(ctx)
		return cmp.Or(s.internalIf("count sms try", res.Error), tooManyTries())
	}
	want := s.smsHash(k, code)
	for _, c := range live {
		if hmac.Equal([]byte(c.CodeHash), []byte(want)) {
			r.release(ctx)
			return s.useCode(ctx, k, c.ID)
		}
	}
	if _, err := r.keep(ctx); err != nil {
		return err
	}
	return wrongCode(SMSMaxTries - live[0].Attempts - 1)
}

// useCode consumes code id (once) and retires the other live codes of k.
func (s *Service) useCode(ctx context.Context, k smsKey, id uint) error {
	db := s.db.WithContext(ctx)
	now := s.now()
	res := db.Model(&store.SMSCode{}).Where("id = ? AND used_at IS NULL", id).Update("used_at", now)
	if res.Error != nil {
		return s.internal("use sms code", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Errorf(domain.CodeSMSInvalid, "验证码已使用，请重新获取验证码")
	}
	if err := k.scope(db.Model(&store.SMSCode{})).Where("used_at IS NULL").Update("used_at", now).Error; err != nil {
		return s.internal("retire sms codes", err)
	}
	return nil
}

func tooManyTries() error {
	return domain.Errorf(domain.CodeSMSTooMany, "验证码错误次数过多（最多 %d 次），请重新获取验证码", SMSMaxTries).
		With("max", SMSMaxTries)
}

// issueGrant stores a one-time grant for the next step and lists the merchant's stores.
func (s *Service) issueGrant(ctx context.Context, k smsKey) (*Grant, error) {
	token, hash, err := newToken()
	if err != nil {
		return nil, s.internal("grant token", err)
	}
	g := store.Grant{TokenHash: hash, MerchantID: k.merchant.ID, Purpose: k.purpose,
		TerminalID: k.terminalID, ExpiresAt: s.now().Add(GrantTTL)}
	if err := s.db.WithContext(ctx).Create(&g).Error; err != nil {
		return nil, s.internal("save grant", err)
	}
	stores, err := s.storesOf(ctx, k.merchant.ID)
	if err != nil {
		return nil, err
	}
	return &Grant{Token: token, Stores: stores}, nil
}

var errGrant = domain.Errorf(domain.CodeUnauthenticated, "验证已失效，请重新获取短信验证码")

// useGrant consumes a grant inside tx. terminalID must match the grant's (nil for init).
func (s *Service) useGrant(tx *gorm.DB, token, purpose string, terminalID *uint) (*store.Grant, error) {
	if token == "" || len(token) > 100 {
		return nil, errGrant
	}
	var g store.Grant
	err := tx.Where("token_hash = ?", hashToken(token)).First(&g).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, errGrant
	}
	if err != nil {
		return nil, s.internal("load grant", err)
	}
	sameTerm := (g.TerminalID == nil) == (terminalID == nil) && (g.TerminalID == nil || *g.TerminalID == *terminalID)
	if g.Purpose != purpose || !sameTerm || g.UsedAt != nil || !g.ExpiresAt.After(s.now()) {
		return nil, errGrant
	}
	res := tx.Model(&store.Grant{}).Where("id = ? AND used_at IS NULL", g.ID).Update("used_at", s.now())
	if res.Error != nil {
		return nil, s.internal("use grant", res.Error)
	}
	if res.RowsAffected == 0 {
		return nil, errGrant
	}
	return &g, nil
}

// randomDigits returns n uniformly random decimal digits.
func randomDigits(n int) (string, error) {
	b := make([]byte, n)
	for i := range b {
		d, err := rand.Int(rand.Reader, big.NewInt(10))
		if err != nil {
			return "", err
		}
		b[i] = byte('0' + d.Int64())
	}
	return string(b), nil
}
