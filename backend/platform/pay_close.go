package platform

import (
	"context"
	"fmt"

	"xiaotongfu/backend/domain"
)

var (
	errNotThisPay = domain.Errorf(domain.CodeReverseNotAllowed, "只能撤销本机正在支付中的收款")
	errStillSent  = domain.Errorf(domain.CodePayInFlight, "收款请求正在发出，请稍候再撤销")
)

// ClosePay is 撤销本笔: the cashier stops a payment of this terminal that is still waiting for
// the customer. The platform asks the acquirer to close it at once instead of at the end of
// the poll window, then queries it, and the state machine decides: paid meanwhile stays paid,
// closed at the bank becomes closed, no answer or no trace becomes unknown (待确认, the code
// stays locked). A trade that is already closing or settled is returned as it stands.
func (s *Service) ClosePay(ctx context.Context, creds Creds, id uint) (*Trade, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	t, err := s.firstVisible(s.visibleTrades(ctx, c).Where("id = ?", id), "load trade to close")
	if err != nil {
		return nil, err
	}
	if t.Kind != string(domain.KindPay) || t.TerminalID != c.Terminal.ID {
		return nil, errNotThisPay
	}
	switch domain.TradeStatus(t.Status) {
	case domain.StatusCreated:
		return nil, errStillSent
	case domain.StatusSent, domain.StatusPending:
	default:
		return s.oneDTO(ctx, t)
	}
	gw, err := s.gatewayOfTrade(t)
	if err != nil {
		return nil, domain.Errorf(domain.CodeUnavailable, "支付通道不可用，请稍后重试")
	}
	now, err := s.dbNow(ctx)
	if err != nil {
		return nil, s.internal("read the database clock", err)
	}
	moved, err := s.moveNow(ctx, t, domain.StatusClosing, byCashier, map[string]any{"next_check_at": now.Add(s.poll.Lease)})
	if err != nil {
		return nil, s.internal("move trade to closing", err)
	}
	detail := fmt.Sprintf("交易单号 %s", t.ReqSN)
	if moved {
		s.log.Info("platform: the cashier closes a pay in flight (撤销本笔)", "reqsn", t.ReqSN)
		s.closeAndSettle(gw, t)
	}
	out, err := s.tradeDTO(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	s.auditCaller(ctx, c, AuditClosePay, detail+" → "+out.Status, true)
	return out, nil
}
