package services

import (
	"context"
	"math"
	"strings"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// Cancel voids a payment of today in full (交易撤销, manual §6.1). Like Pay it returns when the
// void is final or the wait is over, emitting pay:progress while it waits.
func (s *TradeService) Cancel(tradeNo string, adminPassword string) (*platform.Trade, error) {
	in := platform.ReverseInput{TradeNo: strings.TrimSpace(tradeNo), AdminPassword: adminPassword}
	return s.reverse(in, func(ctx context.Context, api platform.API, cr platform.Creds, in platform.ReverseInput) (*platform.Trade, error) {
		return api.Cancel(ctx, cr, in)
	})
}

// Refund returns amount (yuan as typed) of a payment (交易退货, manual §6.2); the platform
// refuses more than was paid minus what was already refunded. It waits like Cancel.
func (s *TradeService) Refund(tradeNo string, amount string, adminPassword string) (*platform.Trade, error) {
	fen, err := domain.ParseAmount(amount, math.MaxInt64) // the platform checks it against the payment
	if err != nil {
		return nil, err
	}
	return s.refund(platform.ReverseInput{TradeNo: strings.TrimSpace(tradeNo), Amount: fen, AdminPassword: adminPassword})
}

// refund sends the refund in (fen; a new request id unless it has one) and waits like Cancel.
func (s *TradeService) refund(in platform.ReverseInput) (*platform.Trade, error) {
	return s.reverse(in, func(ctx context.Context, api platform.API, cr platform.Creds, in platform.ReverseInput) (*platform.Trade, error) {
		return api.Refund(ctx, cr, in)
	})
}

// Recheck asks the acquirer about an unresolved trade (待确认) now (admins only).
func (s *TradeService) Recheck(id uint) (*platform.Trade, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error) {
		return api.RecheckTrade(ctx, cr, id)
	})
}

type reverseFunc func(ctx context.Context, api platform.API, cr platform.Creds, in platform.ReverseInput) (*platform.Trade, error)

// reverse sends a void or refund (idempotent, see sendIdempotent) and waits for its outcome
// with PayService's wait. It holds the terminal's payment slot, so a reversal and a payment
// never run at once and shutdown (Drain) waits for the request as for a payment's.
func (s *TradeService) reverse(in platform.ReverseInput, send reverseFunc) (*platform.Trade, error) {
	c := s.c
	if in.TradeNo == "" {
		return nil, domain.FieldError("tradeNo", "请输入交易单号")
	}
	if in.AdminPassword == "" {
		return nil, domain.FieldError("adminPassword", "请输入管理员密码")
	}
	if !c.slot.busy.TryLock() {
		return nil, errPayBusy
	}
	defer c.slot.busy.Unlock()
	start := time.Now()
	if in.RequestID == "" {
		in.RequestID = newRequestID()
	}
	t, err := sendIdempotent(c, in.RequestID, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error) {
		return send(ctx, api, cr, in)
	})
	if err == nil && t != nil {
		t = NewPayService(c).await(t, start)
	}
	if t != nil {
		c.after.Report(*t)
		c.log.Info("reverse done", "trade", t.ID, "reqsn", t.ReqSN, "kind", t.Kind, "amount", t.Amount,
			"status", t.Status, "ms", time.Since(start).Milliseconds())
	} else {
		c.log.Info("reverse refused", "tradeNo", in.TradeNo, "err", err)
	}
	if err != nil {
		return nil, err
	}
	return t, nil
}
