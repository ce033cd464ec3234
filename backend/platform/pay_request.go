package platform

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// maxRequestID bounds PayInput.RequestID.
const maxRequestID = 40

// checkRequestID accepts an empty request id (no idempotency) or 1–40 of A–Z a–z 0–9 - _.
func checkRequestID(id string) error {
	if len(id) > maxRequestID {
		return domain.FieldError("requestId", "请求编号最多 %d 个字符", maxRequestID)
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return domain.FieldError("requestId", "请求编号只能含字母、数字、- 和 _")
		}
	}
	return nil
}

// clientKey is the store.Trade.ClientKey of a request from terminalID with requestID, or nil.
func clientKey(terminalID uint, requestID string) *string {
	if requestID == "" {
		return nil
	}
	k := fmt.Sprintf("%d:%s", terminalID, requestID)
	return &k
}

// replayPay answers a Pay sent again with a request id already used: see replay. The trade
// must be a pay of the same amount and payment code.
func (s *Service) replayPay(ctx context.Context, key *string, in PayInput) (*Trade, bool, error) {
	return s.replay(ctx, key, func(t *store.Trade) bool {
		return t.Kind == string(domain.KindPay) && t.Amount == in.Amount && t.CodeHash == hashToken(in.AuthCode)
	})
}

// replayReverse answers a cancel or refund sent again with a request id already used: see
// replay. The trade must be a reversal of the same kind, amount (refunds) and payment.
func (s *Service) replayReverse(ctx context.Context, key *string, kind domain.TradeKind, in ReverseInput) (*Trade, bool, error) {
	return s.replay(ctx, key, func(t *store.Trade) bool {
		if t.Kind != string(kind) || t.OrigTradeID == nil || (kind == domain.KindRefund && t.Amount != in.Amount) {
			return false
		}
		var orig store.Trade
		no := strings.TrimSpace(in.TradeNo)
		return s.db.WithContext(ctx).First(&orig, *t.OrigTradeID).Error == nil && (orig.ReqSN == no || orig.TrxID == no)
	})
}

// replay finds the trade an earlier call with the same request id (key) wrote and answers it
// as that call would now (a declined trade with its reason); found is false when there is
// none. A request id reused for another request (same says no) is refused: it is a client
// bug, and acting on either request would be a guess.
func (s *Service) replay(ctx context.Context, key *string, same func(*store.Trade) bool) (out *Trade, found bool, err error) {
	if key == nil {
		return nil, false, nil
	}
	var t store.Trade
	err = s.db.WithContext(ctx).Where("client_key = ?", *key).First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, s.internal("find trade by request id", err)
	}
	if !same(&t) {
		return nil, true, domain.FieldError("requestId", "请求编号已用于另一笔交易")
	}
	s.log.Info("platform: request sent again with the same request id; answering the first trade",
		"reqsn", t.ReqSN, "kind", t.Kind, "status", t.Status)
	if out, err = s.tradeDTO(ctx, t.ID); err != nil {
		return nil, true, err
	}
	if t.Status == string(domain.StatusFailed) {
		return out, true, declined(domain.CodePayFailed, t.ErrMsg, "交易失败", t.ID)
	}
	return out, true, nil
}
