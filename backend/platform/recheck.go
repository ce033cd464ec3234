package platform

import (
	"context"
	"fmt"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

// RecheckTrade asks the acquirer about an unknown trade (待确认) now instead of at its next
// scheduled check, and returns the trade as it stands afterwards. Admins only; audited. A trade
// that is not unknown is returned unchanged (its driver or nobody needs the answer).
func (s *Service) RecheckTrade(ctx context.Context, creds Creds, id uint) (*Trade, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	if err := s.requireAdmin(ctx, c, "重新查询交易"); err != nil {
		return nil, err
	}
	t, err := s.firstVisible(s.visibleTrades(ctx, c).Where("id = ?", id), "load trade to recheck")
	if err != nil {
		return nil, err
	}
	detail := fmt.Sprintf("交易单号 %s 状态 %s", t.ReqSN, t.Status)
	if t.Status == string(domain.StatusUnknown) {
		gw, err := s.gatewayOfTrade(t)
		if err != nil {
			s.auditCaller(ctx, c, AuditRecheck, detail+"：支付通道不可用", false)
			return nil, domain.Errorf(domain.CodeUnavailable, "支付通道不可用，请稍后重试")
		}
		if err := s.checkNow(ctx, gw, t); err != nil {
			return nil, s.internal("read the database clock", err)
		}
	}
	out, err := s.tradeDTO(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	s.auditCaller(ctx, c, AuditRecheck, detail+" → "+out.Status, true)
	return out, nil
}

// checkNow takes the lease of an unknown trade and asks the acquirer about it at once
// (checkUnknown: the normal state machine); a trade someone else just claimed is left to them.
func (s *Service) checkNow(ctx context.Context, gw gateway.Provider, t *store.Trade) error {
	now, err := s.dbNow(ctx)
	if err != nil {
		return err
	}
	ok, err := store.ClaimTrade(ctx, s.db, t.ID, t.NextCheckAt, now.Add(s.poll.Lease))
	if err == nil && ok {
		s.checkUnknown(gw, t)
	}
	return nil
}
