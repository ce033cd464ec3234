package platform

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

// Payment-code rule: a code is locked (store.Trade.CodeLock) from the moment its trade is
// written, and stays locked for good unless the acquirer declined that pay outright, i.e. the
// scanqrpay answer itself was a final 3xxx failure, the client refused to send it, or version
// 12 refused it (PARAMERR/SIGNAUTHERR) and queries after the poll window found no trade. Only
// then may the cashier charge the same code again (e.g. after 余额不足 the customer tops up).
// FAIL is generic and unsigned: it proves nothing, so such a pay is queried like an unknown one.
// A code whose trade succeeded, is still pending, was closed, timed out into 3088, or is unknown
// can never be charged again: a repeat gets CodePayCodeUsed.

// Pay persists a trade, sends it, and returns it as it stands after the first answer. A
// pending trade keeps being queried in the background; poll GetTrade. When the acquirer
// declines, Pay returns the failed trade together with a *domain.Error: CodePayFailed whose
// Message is the acquirer's reason (errmsg), or CodePayRejected with a fixed Chinese message
// when the client refused to send it (configuration); raw retmsg text goes to the log only.
func (s *Service) Pay(ctx context.Context, creds Creds, in PayInput) (*Trade, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	ch, err := checkPayInput(&c.Merchant, &in)
	if err != nil {
		return nil, err
	}
	key := clientKey(c.Terminal.ID, in.RequestID)
	if prev, found, err := s.replayPay(ctx, key, in); found {
		return prev, err
	}
	gw, err := s.providerToSend(&c.Merchant)
	if err != nil {
		return nil, err
	}
	t, err := s.createPayTrade(ctx, c, in, ch, key)
	if err != nil {
		if prev, found, rerr := s.replayPay(ctx, key, in); found { // a concurrent retry won
			return prev, rerr
		}
		return nil, err
	}
	log := s.log.With("reqsn", t.ReqSN, "code", domain.MaskCode(in.AuthCode), "amount", in.Amount)
	if ok, err := s.markSent(ctx, t); err != nil || !ok {
		log.Error("platform: trade not marked sent; pay not sent", "err", err)
		s.settle(t, domain.StatusFailed, bySender, nil, "未发出", true)
		return nil, domain.Errorf(domain.CodeUnavailable, "支付未发出，请重试")
	}
	log.Info("platform: pay sent", "terminal", c.Terminal.ID, "channel", ch)
	res, perr := gw.Pay(s.bg, gateway.PayRequest{ReqSN: t.ReqSN, Amount: t.Amount, AuthCode: in.AuthCode,
		Remark: in.Remark, TermNo: c.Terminal.TermNo})
	if perr != nil {
		log.Warn("platform: pay answer", "err", perr)
	}
	payErr := s.firstAnswer(t, res, perr)
	out, err := s.tradeDTO(s.bg, t.ID)
	if err != nil {
		return nil, err
	}
	return out, payErr
}

// checkPayInput validates a payment and returns the channel of its code.
func checkPayInput(m *store.Merchant, in *PayInput) (domain.Channel, error) {
	limit := m.PayLimit
	if limit <= 0 {
		limit = domain.DefaultPayLimit
	}
	switch {
	case in.Amount <= 0:
		return "", domain.Errorf(domain.CodeAmountZero, "金额必须大于 0")
	case in.Amount > limit:
		return "", domain.Errorf(domain.CodeAmountTooLarge, "金额超过单笔限额 %s 元", domain.FormatFen(limit)).
			With("limit", domain.FormatFen(limit))
	}
	if in.Source == "" {
		in.Source = string(domain.SourceManual)
	}
	if !domain.AmountSource(in.Source).Valid() {
		return "", domain.FieldError("source", "金额来源无效")
	}
	if err := validPayRemark(in.Remark); err != nil {
		return "", err
	}
	if err := checkRequestID(in.RequestID); err != nil {
		return "", err
	}
	return domain.ChannelOfCode(in.AuthCode)
}

// providerFor returns the merchant's gateway, or CodeUnavailable.
func (s *Service) providerFor(m *store.Merchant) (gateway.Provider, error) {
	gw, err := s.gateway(m)
	if err != nil || gw == nil {
		s.log.Error("platform: no gateway for merchant", "merchant", m.MerchantNo, "err", err)
		return nil, domain.Errorf(domain.CodeUnavailable, "支付通道不可用，请检查商户配置")
	}
	return gw, nil
}

// providerToSend is the merchant's gateway for a new pay or reversal, or errStopping once
// the service is shutting down and would not see the answer through.
func (s *Service) providerToSend(m *store.Merchant) (gateway.Provider, error) {
	gw, err := s.providerFor(m)
	if err != nil {
		return nil, err
	}
	if s.bg.Err() != nil {
		return nil, errStopping
	}
	return gw, nil
}

var (
	errStopping = domain.Errorf(domain.CodeUnavailable, "服务正在关闭，请稍后重试")
	errInFlight = domain.Errorf(domain.CodePayInFlight, "上一笔收款还在处理中，请稍候")
	errCodeUsed = domain.Errorf(domain.CodePayCodeUsed, "此付款码已使用，请让顾客刷新付款码")
)

// createPayTrade writes the trade (status created) holding the terminal and code locks and
// the request id's key. The unique indexes on those make the checks race-free across
// goroutines and servers.
func (s *Service) createPayTrade(ctx context.Context, c *Caller, in PayInput, ch domain.Channel, key *string) (*store.Trade, error) {
	codeHash := hashToken(in.AuthCode)
	if err := s.payLocksFree(ctx, c.Terminal.ID, codeHash); err != nil {
		return nil, err
	}
	termID := c.Terminal.ID
	now, err := s.dbNow(ctx)
	if err != nil {
		return nil, s.internal("read the database clock", err)
	}
	for attempt := 0; attempt < 3; attempt++ {
		reqsn, err := s.newReqSN()
		if err != nil {
			return nil, s.internal("new reqsn", err)
		}
		t := &store.Trade{MerchantID: c.Merchant.ID, ReqSN: reqsn, StoreID: c.Terminal.StoreID,
			TerminalID: termID, CashierID: c.Cashier.ID, CashierAccount: c.Cashier.Account, Kind: string(domain.KindPay),
			Status: string(domain.StatusCreated), Amount: in.Amount, Channel: string(ch), Source: in.Source,
			CodeHash: codeHash, CodeLast4: last4(in.AuthCode), Remark: in.Remark,
			InFlightTerminal: &termID, CodeLock: &codeHash, ClientKey: key, CreatedAt: now}
		err = s.writes.Do(ctx, func(tx *gorm.DB) error { return tx.Create(t).Error })
		if err == nil {
			return t, nil
		}
		if !errors.Is(err, gorm.ErrDuplicatedKey) {
			return nil, s.internal("create trade", err)
		}
		if err := s.payLocksFree(ctx, termID, codeHash); err != nil {
			return nil, err
		}
	}
	return nil, s.internal("create trade", errors.New("reqsn collided three times"))
}

// payLocksFree reports CodePayInFlight or CodePayCodeUsed when a lock is taken.
func (s *Service) payLocksFree(ctx context.Context, terminalID uint, codeHash string) error {
	var n int64
	if err := s.db.WithContext(ctx).Model(&store.Trade{}).Where("in_flight_terminal = ?", terminalID).
		Count(&n).Error; err != nil {
		return s.internal("check in-flight", err)
	}
	if n > 0 {
		return errInFlight
	}
	if err := s.db.WithContext(ctx).Model(&store.Trade{}).Where("code_lock = ?", codeHash).
		Count(&n).Error; err != nil {
		return s.internal("check code", err)
	}
	if n > 0 {
		return errCodeUsed
	}
	return nil
}

// firstAnswer records the first answer to a pay, cancel or refund and returns the error the
// cashier sees (nil for success or pending). A refusal (FAIL, PARAMERR, SIGNAUTHERR) is no
// proof that nothing happened: only a local refusal (nothing sent) fails at once; anything
// else is queried like an unknown outcome. Pending trades get a background driver.
func (s *Service) firstAnswer(t *store.Trade, res *gateway.Result, perr error) error {
	v, r, msg := judge(t, res, perr)
	if v == verdictNotAccepted {
		var na *gateway.ErrNotAccepted
		errors.As(perr, &na)
		if na.Local {
			s.settle(t, domain.StatusFailed, bySender, nil, msgRefused["local"], t.Kind == string(domain.KindPay))
			return declined(domain.CodePayRejected, msgRefused["local"], "", t.ID)
		}
		if na.RetCode == "PARAMERR" || na.RetCode == "SIGNAUTHERR" {
			t.RetCode = na.RetCode // v12: failed once the bank confirms it has no trade
		}
		v = verdictUnknown
	}
	switch v {
	case verdictSuccess:
		s.settle(t, domain.StatusSuccess, bySender, r, msg, false)
	case verdictMismatch:
		s.flagMismatch(t, bySender, r, msg)
	case verdictFailed:
		releaseCode := t.Kind == string(domain.KindPay)
		s.settle(t, domain.StatusFailed, bySender, r, msg, releaseCode)
		return declined(domain.CodePayFailed, msg, "交易失败", t.ID)
	default:
		now, err := s.dbNow(s.bg)
		if err != nil {
			return nil // the trade stays sent with its lease; the sweep takes it over
		}
		next := now.Add(s.poll.First)
		if v != verdictUnknown {
			msg = "" // only an acquirer's business message (3888, 3089) is for the cashier
		}
		if msg == msgCancelAbnormal {
			s.log.Error("platform: cancel abnormal (3089): reservation kept, needs a person", "reqsn", t.ReqSN)
		}
		if err := s.markPending(t, bySender, r, msg, next, false); err != nil {
			s.log.Error("platform: mark pending", "reqsn", t.ReqSN, "err", err)
		}
		s.spawnDriver(t.ID, next)
	}
	return nil
}

// noTrade settles a trade the acquirer has no trace of, once no late request can land any
// more: a request it refused outright (v12 PARAMERR/SIGNAUTHERR) failed, and a pay's code is
// free again; otherwise (after Poll.MaxCheck) the trade is closed (§6 1001), a pay keeping its
// code locked. Either way a reversal gives its reservation back.
func (s *Service) noTrade(t *store.Trade, r *gateway.Result) {
	if t.RetCode != "" && msgRefused[t.RetCode] != "" {
		s.settle(t, domain.StatusFailed, byDriver, r, msgRefused[t.RetCode], t.Kind == string(domain.KindPay))
		return
	}
	s.settle(t, domain.StatusClosed, byDriver, r, msgNoTrade, false)
}

// declined is the cashier-facing error of a declined trade: the acquirer's own words.
func declined(code domain.Code, msg, fallback string, tradeID uint) error {
	if msg == "" {
		msg = fallback
	}
	return (&domain.Error{Code: code, Message: msg}).With("tradeId", tradeID)
}

// last4 returns the last four characters of a payment code.
func last4(code string) string {
	if len(code) <= 4 {
		return code
	}
	return code[len(code)-4:]
}

// markSent records, before the request leaves, that it is about to: created → sent, with a
// lease (on the database clock) so that another server's sweep takes the trade over only if
// this one dies. The request may leave only when this reports true: the sweep fails a trade
// only while it is still created, so the two never both win.
func (s *Service) markSent(ctx context.Context, t *store.Trade) (bool, error) {
	now, err := s.dbNow(ctx)
	if err != nil {
		return false, err
	}
	return s.moveNow(ctx, t, domain.StatusSent, bySender, map[string]any{"next_check_at": now.Add(s.poll.Lease)})
}

// msgRefused is what the cashier sees when a request was refused for its parameters or
// signature (a configuration problem); the acquirer's raw retmsg goes to the log only.
var msgRefused = map[string]string{
	"local":       "请求未发出：参数或商户密钥配置有误，请联系管理员",
	"PARAMERR":    "通联未受理：请求参数错误，请联系管理员检查配置",
	"SIGNAUTHERR": "通联未受理：签名或接口权限错误，请联系管理员检查商户密钥",
}
