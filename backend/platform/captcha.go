package platform

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform/captcha"
	"xiaotongfu/backend/store"
)

// The image captcha confirms a deliberate admin action (reset password, manual §8.5 3): four
// dark digits over light noise. It guards against slips, not against bots, and is kept so
// on purpose (issue 9 §6): the reset already needs an admin session (a password login,
// rate-limited, bound to one terminal), is audited, and the reset password must be changed
// at the next login and cannot authorise a void or refund. An OCR-proof captcha would stop
// nobody who holds that session.
const (
	CaptchaTTL    = 5 * time.Minute
	captchaDigits = captcha.Digits
)

// NewCaptcha draws a captcha for the calling admin and stores its answer hashed.
func (s *Service) NewCaptcha(ctx context.Context, creds Creds) (*Captcha, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	if err := s.requireAdmin(ctx, c, "重置密码"); err != nil {
		return nil, err
	}
	answer, err := randomDigits(captchaDigits)
	if err != nil {
		return nil, s.internal("captcha", err)
	}
	idb := make([]byte, 16)
	if _, err := rand.Read(idb); err != nil {
		return nil, s.internal("captcha id", err)
	}
	id := hex.EncodeToString(idb)
	img, err := captcha.Draw(answer)
	if err != nil {
		return nil, s.internal("draw captcha", err)
	}
	row := store.Captcha{ID: id, AnswerHash: captchaHash(id, answer), CashierID: c.Cashier.ID,
		ExpiresAt: s.now().Add(CaptchaTTL)}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return nil, s.internal("save captcha", err)
	}
	return &Captcha{ID: id, Image: "data:image/png;base64," + base64.StdEncoding.EncodeToString(img)}, nil
}

func captchaHash(id, answer string) string { return hashToken("captcha:" + id + ":" + answer) }

var errCaptcha = &domain.Error{Code: domain.CodeCaptchaInvalid, Field: "captcha",
	Message: "图片验证码错误或已过期，请看清新的验证码后重新输入"}

// checkCaptcha consumes the captcha (one try only) and checks the answer and its owner.
func (s *Service) checkCaptcha(ctx context.Context, c *Caller, id, answer string) error {
	if answer == "" {
		return domain.FieldError("captcha", "请输入图片验证码")
	}
	if len(id) != 32 || len(answer) != captchaDigits {
		return errCaptcha
	}
	db := s.db.WithContext(ctx)
	var row store.Captcha
	err := db.Where("id = ?", id).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return errCaptcha
	}
	if err != nil {
		return s.internal("load captcha", err)
	}
	res := db.Model(&store.Captcha{}).Where("id = ? AND used_at IS NULL", id).Update("used_at", s.now())
	if res.Error != nil {
		return s.internal("use captcha", res.Error)
	}
	if res.RowsAffected == 0 || row.CashierID != c.Cashier.ID || !row.ExpiresAt.After(s.now()) ||
		row.AnswerHash != captchaHash(id, answer) {
		return errCaptcha
	}
	return nil
}
