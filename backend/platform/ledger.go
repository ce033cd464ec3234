package platform

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

// newReqSN returns a fresh order number: the shop-local time (14 digits) and 10 random digits,
// 24 ASCII digits in all (≤32, easy to type into 交易单号). The database's unique index on
// (merchant, reqsn) is the final guard; the caller retries on a collision.
func (s *Service) newReqSN() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1e10))
	if err != nil {
		return "", err
	}
	digits := n.String()
	for len(digits) < 10 {
		digits = "0" + digits
	}
	return s.now().In(s.loc).Format("20060102150405") + digits, nil
}

// gormIncr counts one more query in an update.
var gormIncr = gorm.Expr("queries + 1")

// verdict is what one gateway answer means for a trade.
type verdict int

const (
	verdictUnknown     verdict = iota // transport error, timeout, bad signature, SYSTEMERR, 3888, odd status: query
	verdictSuccess                    // 0000
	verdictFailed                     // 3xxx: final business failure
	verdictProcessing                 // 2000 / 2008
	verdictNotFound                   // 1001
	verdictNotAccepted                // FAIL / PARAMERR / SIGNAUTHERR
	verdictMismatch                   // a verified answer about another trade or amount: a person decides
)

// classify turns a gateway answer into a verdict, the verified result (if any) and a message.
func classify(res *gateway.Result, err error) (verdict, *gateway.Result, string) {
	if err != nil {
		if f, ok := gateway.AsFailed(err); ok && f.Result != nil {
			return verdictFailed, f.Result, f.Result.ErrMsg
		}
		var na *gateway.ErrNotAccepted
		if errors.As(err, &na) {
			return verdictNotAccepted, nil, na.RetMsg
		}
		return verdictUnknown, nil, ""
	}
	if res == nil {
		return verdictUnknown, nil, ""
	}
	switch res.State {
	case gateway.StateSuccess:
		return verdictSuccess, res, ""
	case gateway.StateProcessing:
		return verdictProcessing, res, ""
	case gateway.StateNotFound:
		return verdictNotFound, res, ""
	case gateway.StateFailed:
		return verdictFailed, res, res.ErrMsg
	}
	return verdictUnknown, res, res.ErrMsg // 3888, 3089, an odd code: query by reqsn
}

// resultFields are the acquirer's identifiers of a result worth keeping (only those present).
func resultFields(res *gateway.Result, u map[string]any) map[string]any {
	if res == nil {
		return u
	}
	for col, v := range map[string]string{"trx_id": res.TrxID, "chnl_trx_id": res.ChnlTrxID,
		"trx_code": res.TrxCode, "trx_status": res.TrxStatus, "fin_time": res.FinTime} {
		if v != "" {
			u[col] = v
		}
	}
	return amountFields(res, u)
}

// settle moves a trade to a final status exactly once (compare-and-set on the status it was
// read in, along an edge of actor by), releases its terminal lock, and, when releaseCode, its
// payment-code lock. For a reversal it also updates the original payment in the same
// transaction: a successful cancel marks it cancelled; a failed or closed reversal gives its
// reserved amount back.
func (s *Service) settle(t *store.Trade, st domain.TradeStatus, by actor, res *gateway.Result, msg string, releaseCode bool) (bool, error) {
	u := resultFields(res, map[string]any{"err_msg": clip(msg, 200), "in_flight_terminal": nil, "next_check_at": nil})
	if releaseCode {
		u["code_lock"] = nil
	}
	var moved bool
	err := s.writes.Do(s.bg, func(tx *gorm.DB) error {
		ctx := tx.Statement.Context
		ok, err := s.move(ctx, tx, t, st, by, u)
		if err != nil || !ok || t.Kind == string(domain.KindPay) || t.OrigTradeID == nil {
			moved = ok
			return err
		}
		moved = true
		if st != domain.StatusSuccess {
			return store.ReleaseRefund(ctx, tx, *t.OrigTradeID, t.Amount)
		}
		if t.Kind == string(domain.KindCancel) {
			orig := &store.Trade{ID: *t.OrigTradeID, ReqSN: t.ReqSN, Status: string(domain.StatusSuccess)}
			_, err := s.move(ctx, tx, orig, domain.StatusCancelled, byReversal, map[string]any{})
			return err
		}
		return nil
	})
	if err != nil {
		s.log.Error("platform: settle trade", "reqsn", t.ReqSN, "status", st, "err", err)
		return false, err
	}
	if moved {
		s.log.Info("platform: trade settled", "reqsn", t.ReqSN, "kind", t.Kind, "status", st, "errmsg", msg)
	}
	return moved, nil
}

// markPending records that a trade is being queried: status pending, one more query when
// countQuery, the acquirer's identifiers when known, a message for the cashier when there is
// one (e.g. 3089), and the lease (next check, on the database clock) for other sweeps.
func (s *Service) markPending(t *store.Trade, by actor, res *gateway.Result, msg string, next time.Time, countQuery bool) error {
	u := resultFields(res, map[string]any{"next_check_at": next.Add(s.poll.Lease).UTC()})
	if msg != "" {
		u["err_msg"] = clip(msg, 200)
	}
	if countQuery {
		u["queries"] = gormIncr
	}
	if t.RetCode != "" {
		u["ret_code"] = t.RetCode
	}
	_, err := s.moveNow(s.bg, t, domain.StatusPending, by, u)
	return err
}

// markUnknown leaves a trade for a person (待确认) and the background sweep: the terminal is
// free again, the payment code stays locked, the next check is one sweep period away.
func (s *Service) markUnknown(t *store.Trade, res *gateway.Result, msg string) error {
	now, err := s.dbNow(s.bg)
	if err != nil {
		return err
	}
	u := resultFields(res, map[string]any{"in_flight_terminal": nil, "next_check_at": now.Add(s.poll.Sweep)})
	if msg != "" {
		u["err_msg"] = clip(msg, 200)
	}
	ok, err := s.moveNow(s.bg, t, domain.StatusUnknown, byDriver, u)
	if ok {
		s.log.Warn("platform: trade unresolved, left to the sweep (待确认)", "reqsn", t.ReqSN, "kind", t.Kind)
	}
	return err
}

// reload reads a trade again.
func (s *Service) reload(ctx context.Context, id uint) (*store.Trade, error) {
	var t store.Trade
	if err := s.db.WithContext(ctx).First(&t, id).Error; err != nil {
		return nil, err
	}
	return &t, nil
}

// clip shortens s to at most n bytes without splitting a UTF-8 character.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// judge is classify for an answer about trade t: a verified answer that names another trade
// (reqsn, trxid) or another amount (trxamt, or initamt when a discount applies) is
// verdictMismatch, with the reason as message.
//
// Two cancel answers have a meaning of their own: 3050 (already cancelled) is the outcome the
// cancel wanted, so it counts as success and the original becomes cancelled; 3089 (cancel
// abnormal, the bank refunds within 24 h if funds were hit) stays unknown, flagged.
func judge(t *store.Trade, res *gateway.Result, err error) (verdict, *gateway.Result, string) {
	v, r, msg := classify(res, err)
	if r == nil {
		return v, r, msg
	}
	if why := resultMismatch(t, r); why != "" {
		return verdictMismatch, r, why
	}
	switch {
	case t.Kind == string(domain.KindCancel) && r.TrxStatus == "3050":
		return verdictSuccess, r, msgAlreadyCancelled
	case r.TrxStatus == "3089":
		return verdictUnknown, r, msgCancelAbnormal
	}
	return v, r, msg
}

// Messages recorded on a cancel that the bank answered 3050 or 3089.
const (
	msgAlreadyCancelled = "通联：原交易已撤销"
	msgCancelAbnormal   = "撤销异常（通联 3089），待确认：如已扣款，通联将在 24 小时内退回"
)

// resultMismatch says (in Chinese, for the 待确认 list) how r contradicts t, or "".
func resultMismatch(t *store.Trade, r *gateway.Result) string {
	switch {
	case r.ReqSN != "" && r.ReqSN != t.ReqSN:
		return fmt.Sprintf("通联返回的订单号 %.32s 与本单不符", r.ReqSN)
	case r.TrxID != "" && t.TrxID != "" && r.TrxID != t.TrxID:
		return fmt.Sprintf("通联返回的交易流水号 %.32s 与本单 %s 不符", r.TrxID, t.TrxID)
	case r.Amount == 0 && r.InitAmt == 0:
		return "" // no amounts in this answer (not found, close, some reversals)
	}
	asked := r.Amount
	if r.InitAmt > 0 {
		asked = r.InitAmt
	}
	if asked != t.Amount || r.Amount > asked {
		return fmt.Sprintf("通联返回金额 %s 元（原金额 %s 元）与订单金额 %s 元不符",
			domain.FormatFen(r.Amount), domain.FormatFen(r.InitAmt), domain.FormatFen(t.Amount))
	}
	return ""
}

// flagMismatch leaves a trade whose answer contradicts it for a person (待确认): unknown,
// terminal free, code and any reservation kept, the acquirer's amounts and the reason
// recorded. The sweep keeps checking it.
func (s *Service) flagMismatch(t *store.Trade, by actor, r *gateway.Result, why string) {
	s.log.Error("platform: acquirer answer does not match the trade; needs a person", "reqsn", t.ReqSN,
		"kind", t.Kind, "amount", t.Amount, "trxamt", r.Amount, "initamt", r.InitAmt, "answer_reqsn", r.ReqSN,
		"answer_trxid", r.TrxID, "trxstatus", r.TrxStatus)
	now, err := s.dbNow(s.bg)
	if err != nil {
		return // the lease runs out and the trade is driven again
	}
	u := amountFields(r, map[string]any{"in_flight_terminal": nil,
		"err_msg": clip("待确认："+why, 200), "next_check_at": s.nextCheck(t, now)})
	if _, err := s.moveNow(s.bg, t, domain.StatusUnknown, by, u); err != nil {
		s.log.Error("platform: flag trade", "reqsn", t.ReqSN, "err", err)
	}
}

// amountFields adds the acquirer's trxamt, initamt and fee when the answer carried them.
func amountFields(r *gateway.Result, u map[string]any) map[string]any {
	for col, f := range map[string]struct {
		key string
		v   int64
	}{"trx_amt": {"trxamt", r.Amount}, "init_amt": {"initamt", r.InitAmt}, "fee": {"fee", r.Fee}} {
		if r.Fields[f.key] != "" {
			u[col] = f.v
		}
	}
	return u
}
