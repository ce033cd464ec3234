package sybsim

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// channel is a wallet and its pay, cancel and refund trxcodes.
type channel struct {
	name                string
	pay, cancel, refund string
}

var (
	wechat   = channel{"wechat", "VSP501", "VSP502", "VSP503"}
	alipay   = channel{"alipay", "VSP511", "VSP512", "VSP513"}
	unionpay = channel{"unionpay", "VSP551", "VSP552", "VSP553"}
)

// channelOf recognises a payment code: 18 digits starting 10–15 is WeChat, 16–24 digits
// starting 25–30 is Alipay, 19 digits starting 62 is UnionPay QR.
func channelOf(code string) (channel, bool) {
	n := len(code)
	if n < 16 || strings.Trim(code, "0123456789") != "" {
		return channel{}, false
	}
	prefix, _ := strconv.Atoi(code[:2])
	switch {
	case n == 18 && prefix >= 10 && prefix <= 15:
		return wechat, true
	case n >= 16 && n <= 24 && prefix >= 25 && prefix <= 30:
		return alipay, true
	case n == 19 && prefix == 62:
		return unionpay, true
	}
	return channel{}, false
}

// parseFen reads a positive amount of at most 15 digits.
func parseFen(s string) (int64, bool) {
	if s == "" || len(s) > 15 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}

// pay handles unitorder/scanqrpay with the scripted outcomes of the code's last two digits.
func (s *Server) pay(req map[string]string) reply {
	reqsn, code := req["reqsn"], req["authcode"]
	amt, ok := parseFen(req["trxamt"])
	switch {
	case reqsn == "" || len(reqsn) > 32:
		return notAccepted("PARAMERR", "reqsn为空或超长")
	case !ok:
		return notAccepted("PARAMERR", "trxamt必须是正整数(分)")
	case code == "" || len(code) > 32:
		return notAccepted("PARAMERR", "authcode为空或超长")
	case req["terminfo"] != "" && !json.Valid([]byte(req["terminfo"])):
		return notAccepted("PARAMERR", "terminfo不是JSON")
	}
	l := s.ledger
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.byReqSN[reqsn] != nil {
		return duplicate(reqsn)
	}
	now := s.now()
	t := &trade{Trade: Trade{Kind: "pay", ReqSN: reqsn, Amount: amt, Code4: last4(code)}, outcome: -1, created: now}
	ch, ok := channelOf(code)
	if !ok {
		t.Status, t.ErrMsg = "3999", "无效的付款码"
		l.add(t, now)
		return reply{retcode: "SUCCESS", fields: tradeFields(t)}
	}
	t.ch, t.TrxCode = ch, ch.pay
	t.outcome, _ = strconv.Atoi(code[len(code)-2:])
	how := s.script(t, now)
	l.add(t, now)
	return reply{retcode: "SUCCESS", fields: tradeFields(t), how: how, note: " outcome " + code[len(code)-2:]}
}

// script sets a new pay's state from its outcome and says how the response travels.
func (s *Server) script(t *trade, now time.Time) behaviour {
	switch t.outcome {
	case 90, 91, 97:
		t.Status = "2008"
		return normal
	case 92:
		t.Status, t.ErrMsg = "3999", "余额不足"
		return normal
	}
	t.Status, t.FinTime = "0000", now.Format(finLayout)
	return map[int]behaviour{93: slow, 94: http500, 95: badSign, 96: drop}[t.outcome]
}

// advance moves a processing pay on when it is queried: outcomes 90 and 97 resolve on
// the third query, 91 waits for a close.
func (s *Server) advance(t *trade) {
	if t.Kind != "pay" || t.Status != "2008" {
		return
	}
	t.queries++
	if t.queries <= 2 {
		return
	}
	switch t.outcome {
	case 90:
		t.Status, t.FinTime = "0000", s.now().Format(finLayout)
	case 97:
		t.Status, t.ErrMsg = "3088", "交易未支付,已关闭"
	}
}

// tradeFields is the response body for a trade (pay, query, cancel, refund).
func tradeFields(t *trade) map[string]string {
	f := map[string]string{
		"trxid": t.TrxID, "reqsn": t.ReqSN, "trxstatus": t.Status, "errmsg": t.ErrMsg,
		"trxcode": t.TrxCode, "trxamt": strconv.FormatInt(t.Amount, 10), "fintime": t.FinTime,
		"srctrxid": t.OrigTrxID,
	}
	if t.Kind == "pay" {
		f["initamt"] = f["trxamt"]
		f["acct"] = "000000"
		f["accttype"] = "99"
	}
	if t.Status == "0000" {
		f["fee"] = "0"
		f["chnltrxid"] = "42" + t.TrxID
	}
	return f
}

// duplicate is the answer to a reqsn that was already used.
func duplicate(reqsn string) reply {
	return reply{retcode: "SUCCESS", fields: map[string]string{"reqsn": reqsn, "trxstatus": "3888", "errmsg": "重复的交易流水号"}}
}

func last4(code string) string {
	if len(code) <= 4 {
		return code
	}
	return code[len(code)-4:]
}

// finLayout is the fintime format.
const finLayout = "20060102150405"
