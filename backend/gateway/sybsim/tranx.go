package sybsim

import (
	"strconv"
	"time"
)

// query handles tranx/query by trxid (preferred) or reqsn, for pays, cancels and refunds.
func (s *Server) query(req map[string]string) reply {
	if req["trxid"] == "" && req["reqsn"] == "" {
		return notAccepted("PARAMERR", "reqsn和trxid不能同时为空")
	}
	l := s.ledger
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.find(req["trxid"], req["reqsn"])
	if t == nil {
		return reply{retcode: "SUCCESS", fields: map[string]string{
			"reqsn": req["reqsn"], "trxid": req["trxid"], "trxstatus": "1001", "errmsg": "交易不存在"}}
	}
	s.advance(t)
	return reply{retcode: "SUCCESS", fields: tradeFields(t)}
}

// reversal is the common part of cancel and refund: checks, then the original pay.
// A nil trade with a reply means the answer is already decided.
func (s *Server) reversal(req map[string]string) (*trade, int64, reply) {
	reqsn := req["reqsn"]
	amt, ok := parseFen(req["trxamt"])
	switch {
	case reqsn == "" || len(reqsn) > 32:
		return nil, 0, notAccepted("PARAMERR", "reqsn为空或超长")
	case !ok:
		return nil, 0, notAccepted("PARAMERR", "trxamt必须是正整数(分)")
	case req["oldtrxid"] == "" && req["oldreqsn"] == "":
		return nil, 0, notAccepted("PARAMERR", "oldreqsn和oldtrxid不能同时为空")
	}
	l := s.ledger
	if l.byReqSN[reqsn] != nil {
		return nil, 0, duplicate(reqsn)
	}
	orig := l.find(req["oldtrxid"], req["oldreqsn"])
	if orig == nil || orig.Kind != "pay" {
		return nil, 0, notAccepted("FAIL", "原交易不存在")
	}
	return orig, amt, reply{}
}

// cancel handles tranx/cancel: same business day, full amount, nothing refunded before.
func (s *Server) cancel(req map[string]string) reply {
	s.ledger.mu.Lock()
	defer s.ledger.mu.Unlock()
	orig, amt, rep := s.reversal(req)
	if orig == nil {
		return rep
	}
	now := s.now()
	status, msg := "0000", ""
	switch {
	case orig.Cancelled:
		status, msg = "3050", "交易已撤销"
	case orig.Status != "0000":
		status, msg = "3999", "原交易未成功,不能撤销"
	case orig.created.Format("20060102") != now.Format("20060102"):
		status, msg = "3999", "只能撤销当天的交易"
	case orig.Reversed > 0:
		status, msg = "3999", "原交易已退货,不能撤销"
	case amt != orig.Amount:
		status, msg = "3999", "撤销金额必须等于原交易金额"
	}
	t := s.record("cancel", req["reqsn"], amt, orig, orig.ch.cancel, status, msg, now)
	if status == "0000" {
		orig.Cancelled, orig.Reversed = true, amt
	}
	return reply{retcode: "SUCCESS", fields: tradeFields(t)}
}

// refund handles tranx/refund: partial allowed, never more than what is left.
func (s *Server) refund(req map[string]string) reply {
	s.ledger.mu.Lock()
	defer s.ledger.mu.Unlock()
	orig, amt, rep := s.reversal(req)
	if orig == nil {
		return rep
	}
	status, msg := "0000", ""
	switch {
	case orig.Cancelled:
		status, msg = "3050", "交易已撤销"
	case orig.Status != "0000":
		status, msg = "3999", "原交易未成功,不能退货"
	case amt > orig.Amount-orig.Reversed:
		status, msg = "3999", "退货金额超过可退金额"+strconv.FormatInt(orig.Amount-orig.Reversed, 10)+"分"
	}
	t := s.record("refund", req["reqsn"], amt, orig, orig.ch.refund, status, msg, s.now())
	if status == "0000" {
		orig.Reversed += amt
	}
	return reply{retcode: "SUCCESS", fields: tradeFields(t)}
}

// record adds a cancel or refund row to the ledger.
func (s *Server) record(kind, reqsn string, amt int64, orig *trade, trxcode, status, msg string, now time.Time) *trade {
	t := &trade{Trade: Trade{Kind: kind, ReqSN: reqsn, Amount: amt, TrxCode: trxcode, Status: status,
		ErrMsg: msg, OrigTrxID: orig.TrxID}, outcome: -1, created: now, ch: orig.ch}
	if status == "0000" {
		t.FinTime = now.Format(finLayout)
	}
	s.ledger.add(t, now)
	return t
}

// close handles tranx/close: an unpaid processing pay becomes closed (later queries say 3088).
// Any other pay cannot be closed: a paid one fails 3999, one already closed 3088 订单已关闭,
// one that failed otherwise 3999.
func (s *Server) close(req map[string]string) reply {
	if req["oldtrxid"] == "" && req["oldreqsn"] == "" {
		return notAccepted("PARAMERR", "oldreqsn和oldtrxid不能同时为空")
	}
	l := s.ledger
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.find(req["oldtrxid"], req["oldreqsn"])
	if t == nil || t.Kind != "pay" {
		return notAccepted("FAIL", "原交易不存在")
	}
	f := map[string]string{"trxstatus": "0000"}
	switch t.Status {
	case "0000":
		f["trxstatus"], f["errmsg"] = "3999", "交易已支付,不能关闭"
	case "2000", "2008":
		t.Status, t.ErrMsg = "3088", "订单已关闭"
	case "3088":
		f["trxstatus"], f["errmsg"] = "3088", "订单已关闭"
	default:
		f["trxstatus"], f["errmsg"] = "3999", "交易已失败,不能关闭"
	}
	return reply{retcode: "SUCCESS", fields: f}
}
