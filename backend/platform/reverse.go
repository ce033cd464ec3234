package platform

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

// Cancel voids a same-day payment for its full amount (撤销). It needs the merchant's admin
// password, gets its own new reqsn, and is resolved like a pay (query while processing or
// unknown). It returns the cancel trade; a declined cancel also returns a *domain.Error.
func (s *Service) Cancel(ctx context.Context, creds Creds, in ReverseInput) (*Trade, error) {
	return s.reverse(ctx, creds, in, domain.KindCancel)
}

// Refund returns part or all of a payment (退货), never more than paid minus what was already
// refunded or is being refunded. Otherwise it works like Cancel.
func (s *Service) Refund(ctx context.Context, creds Creds, in ReverseInput) (*Trade, error) {
	return s.reverse(ctx, creds, in, domain.KindRefund)
}

// reverse checks, persists, sends and records a cancel or refund.
func (s *Service) reverse(ctx context.Context, creds Creds, in ReverseInput, kind domain.TradeKind) (*Trade, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	gw, err := s.providerToSend(&c.Merchant)
	if err != nil {
		return nil, err
	}
	if err := s.checkAdminPassword(ctx, c, kind, in); err != nil {
		return nil, err
	}
	if err := checkRequestID(in.RequestID); err != nil {
		return nil, err
	}
	key := clientKey(c.Terminal.ID, in.RequestID)
	if prev, found, err := s.replayReverse(ctx, key, kind, in); found {
		return prev, err
	}
	orig, err := s.reversibleTrade(ctx, c, in.TradeNo, kind)
	if err != nil {
		s.auditReverse(c, kind, fmt.Sprintf("交易单号 %s：%v", clip(in.TradeNo, 40), err), false)
		return nil, err
	}
	amount := in.Amount
	if kind == domain.KindCancel {
		amount = orig.Amount
	}
	rev, err := s.createReversal(ctx, c, orig, kind, amount, key)
	if err != nil {
		if prev, found, rerr := s.replayReverse(ctx, key, kind, in); found { // a concurrent retry won
			return prev, rerr
		}
		s.auditReverse(c, kind, fmt.Sprintf("原交易 %s 金额 %s：%v", orig.ReqSN, domain.FormatFen(amount), err), false)
		return nil, err
	}
	s.auditReverse(c, kind, fmt.Sprintf("原交易 %s 金额 %s 单号 %s", orig.ReqSN, domain.FormatFen(amount), rev.ReqSN), true)
	if ok, err := s.markSent(ctx, rev); err != nil || !ok {
		s.settle(rev, domain.StatusFailed, bySender, nil, "未发出", false)
		return nil, domain.Errorf(domain.CodeUnavailable, "请求未发出，请重试")
	}
	req := gateway.ReverseRequest{ReqSN: rev.ReqSN, Amount: amount, OldReqSN: orig.ReqSN, OldTrxID: orig.TrxID}
	var res *gateway.Result
	if kind == domain.KindCancel {
		res, err = gw.Cancel(s.bg, req)
	} else {
		res, err = gw.Refund(s.bg, req)
	}
	s.log.Info("platform: reversal answered", "reqsn", rev.ReqSN, "kind", kind, "orig", orig.ReqSN, "err", err)
	revErr := s.firstAnswer(rev, res, err)
	out, err := s.tradeDTO(s.bg, rev.ID)
	if err != nil {
		return nil, err
	}
	return out, revErr
}

// reversibleTrade finds the paid trade (by reqsn or trxid) in the terminal's store and checks
// the rules that do not depend on concurrent reversals.
func (s *Service) reversibleTrade(ctx context.Context, c *Caller, no string, kind domain.TradeKind) (*store.Trade, error) {
	no = strings.TrimSpace(no)
	if no == "" || len(no) > 32 {
		return nil, domain.FieldError("tradeNo", "请输入交易单号")
	}
	var t store.Trade
	err := s.db.WithContext(ctx).Where("merchant_id = ? AND store_id = ? AND kind = ? AND (req_sn = ? OR trx_id = ?)",
		c.Merchant.ID, c.Terminal.StoreID, domain.KindPay, no, no).First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, errTradeNotFound
	}
	if err != nil {
		return nil, s.internal("load trade to reverse", err)
	}
	if t.Status != string(domain.StatusSuccess) {
		return nil, domain.Errorf(domain.CodeReverseNotAllowed, "只能撤销或退货成功的交易")
	}
	if kind == domain.KindCancel && !sameDay(acquirerTime(&t), s.now().In(ChinaTime)) {
		return nil, domain.Errorf(domain.CodeReverseNotAllowed, "只能撤销当天的交易，请使用退货")
	}
	return &t, nil
}

// createReversal reserves the amount on the original payment and writes the reversal trade
// (status created, with its request id's key) in one transaction.
func (s *Service) createReversal(ctx context.Context, c *Caller, orig *store.Trade, kind domain.TradeKind, amount int64, key *string) (*store.Trade, error) {
	if amount <= 0 {
		return nil, domain.Errorf(domain.CodeAmountZero, "退货金额必须大于 0")
	}
	reqsn, err := s.newReqSN()
	if err != nil {
		return nil, s.internal("new reqsn", err)
	}
	now, err := s.dbNow(ctx)
	if err != nil {
		return nil, s.internal("read the database clock", err)
	}
	origID := orig.ID
	rev := &store.Trade{MerchantID: c.Merchant.ID, ReqSN: reqsn, StoreID: c.Terminal.StoreID,
		TerminalID: c.Terminal.ID, CashierID: c.Cashier.ID, CashierAccount: c.Cashier.Account, Kind: string(kind),
		Status: string(domain.StatusCreated),
		Amount: amount, OrigTradeID: &origID, Channel: orig.Channel, Source: orig.Source,
		CodeLast4: orig.CodeLast4, ClientKey: key, CreatedAt: now}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		ok, err := store.ReserveRefund(ctx, tx, orig.ID, amount, kind == domain.KindCancel)
		if err != nil {
			return err
		}
		if !ok {
			return reverseLimitError(orig, kind)
		}
		return tx.Create(rev).Error
	})
	var de *domain.Error
	if errors.As(err, &de) {
		return nil, de
	}
	if err != nil {
		return nil, s.internal("create reversal", err)
	}
	return rev, nil
}

// reverseLimitError explains why the amount could not be reserved.
func reverseLimitError(orig *store.Trade, kind domain.TradeKind) error {
	if kind == domain.KindCancel {
		return domain.Errorf(domain.CodeReverseNotAllowed, "该交易已有退货或撤销，不能再撤销")
	}
	left := orig.Amount - orig.RefundedAmount
	return domain.Errorf(domain.CodeReverseNotAllowed, "退货金额超过可退金额 %s 元", domain.FormatFen(max(left, 0))).
		With("refundable", max(left, 0))
}

// auditReverse records a cancel or refund attempt. A failure to write it is logged only.
func (s *Service) auditReverse(c *Caller, kind domain.TradeKind, detail string, ok bool) {
	a := store.Audit{At: s.now().UTC(), MerchantID: c.Merchant.ID, TerminalID: c.Terminal.ID,
		CashierID: c.Cashier.ID, Actor: c.Cashier.Account, Action: string(kind), Detail: clip(detail, 500), OK: ok}
	if err := s.db.WithContext(s.bg).Create(&a).Error; err != nil {
		s.log.Error("platform: write audit", "action", kind, "err", err)
	}
}

// acquirerTime is when the acquirer completed trade t (its fintime, China time), or when we
// created it if the acquirer did not say; in ChinaTime, the acquirer's business day.
func acquirerTime(t *store.Trade) time.Time {
	if ft, err := time.ParseInLocation("20060102150405", t.FinTime, ChinaTime); err == nil {
		return ft
	}
	return t.CreatedAt.In(ChinaTime)
}

// sameDay reports whether a and b fall on the same calendar day (both in the same zone).
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
