package platform

import (
	"context"
	"crypto/rand"
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

func (k smsKey) hash(code string) string {
	return hashToken(fmt.Sprintf("sms:%d:%s:%s", k.merchant.ID, k.purpose, code))
}

// sendCode creates a code, stores its hash and sends it to the merchant's registered phone.
func (s *Service) sendCode(ctx context.Context, k smsKey) (*SMSChallenge, error) {
	db := s.db.WithContext(ctx)
	now := s.now()
	var last store.SMSCode
	err := k.scope(db).Order("id DESC").Limit(1).Find(&last).Error
	if err != nil {
		return nil, s.internal("load sms code", err)
	}
	if last.ID != 0 && now.Sub(last.CreatedAt) < SMSResend {
		wait := int((SMSResend - now.Sub(last.CreatedAt) + time.Second - 1) / time.Second)
		return nil, domain.Errorf(domain.CodeSMSTooSoon, "验证码已发送，请 %d 秒后再重新获取", wait).With("seconds", wait)
	}
	code, err := randomDigits(6)
	if err != nil {
		return nil, s.internal("sms code", err)
	}
	if err := k.scope(db.Model(&store.SMSCode{})).Where("used_at IS NULL").Update("used_at", now).Error; err != nil {
		return nil, s.internal("retire sms codes", err)
	}
	row := store.SMSCode{MerchantID: k.merchant.ID, Purpose: k.purpose, TerminalID: k.terminalID,
		Phone: k.merchant.Phone, CodeHash: k.hash(code), ExpiresAt: now.Add(SMSCodeTTL), CreatedAt: now}
	if err := db.Create(&row).Error; err != nil {
		return nil, s.internal("save sms code", err)
	}
	text := fmt.Sprintf("【小通付】您的验证码为 %s，%d 分钟内有效，请勿告诉他人。", code, int(SMSCodeTTL/time.Minute))
	if err := s.sms.Send(ctx, k.merchant.Phone, text); err != nil {
		s.log.Error("platform: send sms", "phone", maskPhone(k.merchant.Phone), "err", err)
		db.Delete(&row)
		return nil, domain.Errorf(domain.CodeUnavailable, "短信发送失败，请稍后重试")
	}
	return &SMSChallenge{MaskedPhone: maskPhone(k.merchant.Phone),
		ResendAfter: int(SMSResend / time.Second), ExpiresIn: int(SMSCodeTTL / time.Second)}, nil
}

// checkCode verifies code against the latest code for k and consumes it. Each try counts;
// after SMSMaxTries the code is dead and a new one must be requested.
func (s *Service) checkCode(ctx context.Context, k smsKey, code string) error {
	if err := validSMSCode(code); err != nil {
		return err
	}
	db := s.db.WithContext(ctx)
	now := s.now()
	var last store.SMSCode
	if err := k.scope(db).Order("id DESC").Limit(1).Find(&last).Error; err != nil {
		return s.internal("load sms code", err)
	}
	switch {
	case last.ID == 0 || last.UsedAt != nil:
		return domain.Errorf(domain.CodeSMSInvalid, "验证码无效，请重新获取验证码")
	case !last.ExpiresAt.After(now):
		return domain.Errorf(domain.CodeSMSExpired, "验证码已过期（有效期 %d 分钟），请重新获取", int(SMSCodeTTL/time.Minute))
	}
	// Reserve a try atomically, so concurrent guesses cannot exceed the limit.
	res := db.Model(&store.SMSCode{}).Where("id = ? AND attempts < ?", last.ID, SMSMaxTries).
		Update("attempts", gorm.Expr("attempts + 1"))
	if res.Error != nil {
		return s.internal("count sms try", res.Error)
	}
	if res.RowsAffected == 0 {
		return tooManyTries()
	}
	if last.CodeHash != k.hash(code) {
		left := SMSMaxTries - last.Attempts - 1
		if left <= 0 {
			return tooManyTries()
		}
		return domain.Errorf(domain.CodeSMSInvalid, "验证码错误，还可以再试 %d 次", left).With("left", left)
	}
	res = db.Model(&store.SMSCode{}).Where("id = ? AND used_at IS NULL", last.ID).Update("used_at", now)
	if res.Error != nil {
		return s.internal("use sms code", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Errorf(domain.CodeSMSInvalid, "验证码已使用，请重新获取验证码")
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
