package platform

import (
	"context"
	"errors"
	"fmt"

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

// clientKey is the store.Trade.ClientKey of a pay from terminalID with requestID, or nil.
func clientKey(terminalID uint, requestID string) *string {
	if requestID == "" {
		return nil
	}
	k := fmt.Sprintf("%d:%s", terminalID, requestID)
	return &k
}

// replayPay finds the trade an earlier Pay with the same request id wrote and answers it as
// that Pay would now (declined trades with their reason); found is false when there is none.
// A request id reused for another amount or payment code is refused: it is a client bug, and
// charging either would be a guess.
func (s *Service) replayPay(ctx context.Context, key *string, in PayInput) (out *Trade, found bool, err error) {
	if key == nil {
		return nil, false, nil
	}
	var t store.Trade
	err = s.db.WithContext(ctx).Where("client_key = ?", *key).First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, s.internal("find pay by request id", err)
	}
	if t.Amount != in.Amount || t.CodeHash != hashToken(in.AuthCode) {
		return nil, true, domain.FieldError("requestId", "请求编号已用于另一笔收款")
	}
	s.log.Info("platform: pay sent again with the same request id; answering the first trade",
		"reqsn", t.ReqSN, "status", t.Status)
	if out, err = s.tradeDTO(ctx, t.ID); err != nil {
		return nil, true, err
	}
	if t.Status == string(domain.StatusFailed) {
		return out, true, declined(domain.CodePayFailed, t.ErrMsg, "交易失败", t.ID)
	}
	return out, true, nil
}
