package platform

import (
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"xiaotongfu/backend/store"
)

// An unknown merchant number is answered like a real one, so merchant numbers cannot be
// enumerated: a code request gets a challenge with a plausible masked phone under the same
// send limits, and a code check counts tries on a phantom code and answers as a wrong code
// would. Nothing is sent; only the counters are stored.

// errUnknownMerchant marks a lookup of a merchant number that is not registered.
var errUnknownMerchant = errors.New("unknown merchant")

// initMerchant finds the merchant for initialisation, or errUnknownMerchant.
func (s *Service) initMerchant(ctx context.Context, merchantNo string) (*store.Merchant, error) {
	if err := validMerchantNo(merchantNo); err != nil {
		return nil, err
	}
	var m store.Merchant
	if err := s.db.WithContext(ctx).Where("merchant_no = ?", merchantNo).Limit(1).Find(&m).Error; err != nil {
		return nil, s.internal("load merchant", err)
	}
	if m.ID == 0 {
		return nil, errUnknownMerchant
	}
	return &m, nil
}

func phantomScope(merchantNo string) string { return "phantom:" + merchantNo }

// phantomPhone is a masked phone derived from merchantNo under the server secret: the same
// for one number every time, unrelated to any real phone.
func (s *Service) phantomPhone(merchantNo string) string {
	mac := hmac.New(sha256.New, s.secret)
	mac.Write([]byte("phone:" + merchantNo))
	b := mac.Sum(nil)
	return fmt.Sprintf("1%c%d****%04d", "3456789"[b[0]%7], b[1]%10, binary.BigEndian.Uint16(b[2:])%10000)
}

// phantomSend answers a code request for an unknown merchant number.
func (s *Service) phantomSend(ctx context.Context, merchantNo string) (*SMSChallenge, error) {
	k := smsKey{merchant: &store.Merchant{MerchantNo: merchantNo}, purpose: purposeInit}
	r, err := s.reserve(ctx, s.smsSendLimits(ctx, k)...)
	if err != nil {
		return nil, err
	}
	r.keep(ctx)
	row := store.Throttle{Scope: phantomScope(merchantNo), WindowEnds: s.now().Add(SMSCodeTTL)}
	err = s.db.WithContext(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "scope"}},
		DoUpdates: clause.AssignmentColumns([]string{"count", "window_ends"})}).Create(&row).Error
	if err != nil {
		return nil, s.internal("phantom code", err)
	}
	return &SMSChallenge{MaskedPhone: s.phantomPhone(merchantNo),
		ResendAfter: int(SMSResend / time.Second), ExpiresIn: int(SMSCodeTTL / time.Second)}, nil
}

// phantomCheck answers a code check for an unknown merchant number as matchCode answers a
// wrong code: the same messages, tries and caps.
func (s *Service) phantomCheck(ctx context.Context, merchantNo, code string) error {
	if err := validSMSCode(code); err != nil {
		return err
	}
	db := s.db.WithContext(ctx)
	var row store.Throttle
	if err := db.Where("scope = ?", phantomScope(merchantNo)).Limit(1).Find(&row).Error; err != nil {
		return s.internal("phantom code", err)
	}
	switch {
	case row.Scope == "" || (!row.WindowEnds.After(s.now()) && row.Count >= SMSMaxTries):
		return errCodeInvalid()
	case !row.WindowEnds.After(s.now()):
		return errCodeExpired()
	}
	r, err := s.reserve(ctx, s.smsWrongLimits(ctx, merchantNo)...)
	if err != nil {
		return err
	}
	res := db.Model(&store.Throttle{}).Where("scope = ? AND count < ?", row.Scope, SMSMaxTries).
		Update("count", gorm.Expr("count + 1"))
	if res.Error != nil || res.RowsAffected == 0 {
		r.release(ctx)
		return cmp.Or(s.internalIf("phantom try", res.Error), tooManyTries())
	}
	if _, err := r.keep(ctx); err != nil {
		return err
	}
	return wrongCode(SMSMaxTries - row.Count - 1)
}
