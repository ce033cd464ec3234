package platform

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// ListTerminals lists the merchant's terminals, newest first, for admins only (设置 → 终端管理).
func (s *Service) ListTerminals(ctx context.Context, creds Creds) ([]TerminalRow, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	if err := s.requireAdmin(ctx, c, "管理终端"); err != nil {
		return nil, err
	}
	var rows []store.Terminal
	if err := s.db.WithContext(ctx).Where("merchant_id = ?", c.Merchant.ID).Order("id DESC").Limit(500).Find(&rows).Error; err != nil {
		return nil, s.internal("list terminals", err)
	}
	stores, err := s.storesOf(ctx, c.Merchant.ID)
	if err != nil {
		return nil, err
	}
	names := map[uint]string{}
	for _, st := range stores {
		names[st.ID] = st.Name
	}
	out := make([]TerminalRow, 0, len(rows))
	for _, t := range rows {
		out = append(out, TerminalRow{TermNo: t.TermNo, StoreName: names[t.StoreID], CreatedAt: t.CreatedAt,
			LastSeenAt: t.LastSeenAt, Revoked: t.RevokedAt != nil, Current: t.ID == c.Terminal.ID})
	}
	return out, nil
}

// RevokeTerminal stops another terminal of the merchant for good: its token no longer works,
// its sessions end and its account is unbound. Admins only, audited; a stopped terminal
// must be initialised again by SMS.
func (s *Service) RevokeTerminal(ctx context.Context, creds Creds, termNo string) error {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return err
	}
	if err := s.requireAdmin(ctx, c, "停用终端"); err != nil {
		return err
	}
	if termNo == c.Terminal.TermNo {
		return domain.Errorf(domain.CodeForbidden, "不能停用当前正在使用的终端")
	}
	if err := s.revokeTerminal(ctx, c.Merchant.ID, termNo); err != nil {
		return err
	}
	s.auditCaller(ctx, c, AuditTerminalRevoke, "停用终端 "+termNo, true)
	return nil
}

// RevokeTerminalByNo is the operator's RevokeTerminal (xtfd terminal revoke).
func (s *Service) RevokeTerminalByNo(ctx context.Context, merchantNo, termNo string) error {
	m, err := s.merchantByNo(ctx, merchantNo)
	if err != nil {
		return err
	}
	if err := s.revokeTerminal(ctx, m.ID, termNo); err != nil {
		return err
	}
	s.audit(ctx, auditEntry{MerchantID: m.ID, Actor: "operator", Action: AuditTerminalRevoke, Detail: "停用终端 " + termNo, OK: true})
	return nil
}

// revokeTerminal marks terminal termNo of the merchant revoked (and forgets its PC), ends
// its sessions and unbinds its account, in one transaction.
func (s *Service) revokeTerminal(ctx context.Context, merchantID uint, termNo string) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var t store.Terminal
		err := tx.Where("merchant_id = ? AND term_no = ? AND revoked_at IS NULL", merchantID, termNo).First(&t).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return domain.Errorf(domain.CodeNotFound, "没有在用的终端 %s", clip(termNo, 8)).With("termNo", clip(termNo, 8))
		}
		if err != nil {
			return s.internal("load terminal", err)
		}
		// The PC's machine id no longer names it: initialised again, it gets a new terminal.
		if err := tx.Model(&t).Updates(map[string]any{"revoked_at": s.now(), "machine_hash": nil}).Error; err != nil {
			return s.internal("revoke terminal", err)
		}
		if err := tx.Where("terminal_id = ?", t.ID).Delete(&store.Session{}).Error; err != nil {
			return s.internal("end terminal sessions", err)
		}
		return tx.Model(&store.Cashier{}).Where("bound_terminal_id = ?", t.ID).Update("bound_terminal_id", nil).Error
	})
}
