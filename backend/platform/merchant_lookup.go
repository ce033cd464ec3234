package platform

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// errMerchantUnknown is the answer for a merchant number that no merchant is registered with.
func errMerchantUnknown(merchantNo string) error {
	e := domain.Errorf(domain.CodeMerchantUnknown, "商户号 %s 不存在，请核对后重新输入", merchantNo)
	e.Field = "merchantNo"
	return e
}

// merchantByNo finds a merchant by its number, or answers errMerchantUnknown.
func (s *Service) merchantByNo(ctx context.Context, merchantNo string) (*store.Merchant, error) {
	if err := validMerchantNo(merchantNo); err != nil {
		return nil, err
	}
	var m store.Merchant
	err := s.db.WithContext(ctx).Where("merchant_no = ?", merchantNo).First(&m).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, errMerchantUnknown(merchantNo)
	}
	if err != nil {
		return nil, s.internal("load merchant", err)
	}
	return &m, nil
}

// initMerchant finds the merchant a terminal is being initialised for. An unregistered
// number is told as such, so the cashier can correct a typo, but each one counts against
// SourceLookupCap for the client address: past it the address is refused for a while, so the
// register cannot be enumerated. what says which step asked, for the audit.
func (s *Service) initMerchant(ctx context.Context, merchantNo, what string) (*store.Merchant, error) {
	m, err := s.merchantByNo(ctx, merchantNo)
	if domain.CodeOf(err) != domain.CodeMerchantUnknown {
		return m, err
	}
	r, refused := s.reserve(ctx, lookupLimits(ctx)...)
	if refused != nil {
		err = refused
	} else if _, kerr := r.keep(ctx); kerr != nil && domain.CodeOf(kerr) == domain.CodeInternal {
		err = kerr // a refusal here is for the next lookup: this one was counted and is told
	}
	s.audit(ctx, auditEntry{Action: AuditSMSRefused, Detail: "未登记的商户号 " + merchantNo + " " + what + "：" + domain.AsError(err).Message})
	return nil, err
}
