package allinpay

import (
	"context"
	"maps"
	"strconv"
	"strings"

	"xiaotongfu/backend/gateway"
)

// maxFen is the largest amount the 15-character trxamt field can carry.
const maxFen = 999_999_999_999_999

// remarkForbidden are the characters Allinpay refuses in remark.
const remarkForbidden = "+ /?%#&="

// Pay charges a payment code (unitorder/scanqrpay).
func (c *Client) Pay(ctx context.Context, req gateway.PayRequest) (*gateway.Result, error) {
	if msg := checkPay(req); msg != "" {
		return nil, refused(msg)
	}
	ti := c.terminfo
	if req.TermNo != "" {
		ti.TermNo = req.TermNo
	}
	fields := map[string]string{
		"reqsn":    req.ReqSN,
		"trxamt":   strconv.FormatInt(req.Amount, 10),
		"authcode": req.AuthCode,
		"body":     req.Body,
		"remark":   req.Remark,
		"terminfo": ti.terminfo(),
	}
	got, err := c.call(ctx, "pay", PathPay, fields)
	if err != nil {
		return nil, err
	}
	return toResult("pay", got, map[string]string{"reqsn": req.ReqSN})
}

// Query asks for the state of a pay, cancel or refund trade (tranx/query).
// TrxID wins when both are set.
func (c *Client) Query(ctx context.Context, req gateway.QueryRequest) (*gateway.Result, error) {
	var key, val string
	switch {
	case req.TrxID != "":
		key, val = "trxid", req.TrxID
	case req.ReqSN != "":
		key, val = "reqsn", req.ReqSN
	default:
		return nil, refused("查询需要 reqsn 或 trxid")
	}
	got, err := c.call(ctx, "query", PathQuery, map[string]string{key: val})
	if err != nil {
		return nil, err
	}
	return toResult("query", got, map[string]string{key: val})
}

// Cancel voids a same-day trade for its full amount (tranx/cancel).
func (c *Client) Cancel(ctx context.Context, req gateway.ReverseRequest) (*gateway.Result, error) {
	return c.reverse(ctx, "cancel", PathCancel, req)
}

// Refund returns part or all of a paid trade (tranx/refund).
func (c *Client) Refund(ctx context.Context, req gateway.ReverseRequest) (*gateway.Result, error) {
	return c.reverse(ctx, "refund", PathRefund, req)
}

func (c *Client) reverse(ctx context.Context, op, path string, req gateway.ReverseRequest) (*gateway.Result, error) {
	if msg := checkReverse(req); msg != "" {
		return nil, refused(msg)
	}
	fields := map[string]string{
		"reqsn":  req.ReqSN,
		"trxamt": strconv.FormatInt(req.Amount, 10),
		"remark": req.Remark,
	}
	addOld(fields, req.OldReqSN, req.OldTrxID)
	got, err := c.call(ctx, op, path, fields)
	if err != nil {
		return nil, err
	}
	return toResult(op, got, map[string]string{"reqsn": req.ReqSN})
}

// Close closes an unpaid processing trade (tranx/close). A Result in StateSuccess means
// the trade is now closed.
func (c *Client) Close(ctx context.Context, req gateway.CloseRequest) (*gateway.Result, error) {
	if req.OldReqSN == "" && req.OldTrxID == "" {
		return nil, refused("关单需要原交易的 reqsn 或 trxid")
	}
	fields := map[string]string{}
	addOld(fields, req.OldReqSN, req.OldTrxID)
	got, err := c.call(ctx, "close", PathClose, fields)
	if err != nil {
		return nil, err
	}
	return toResult("close", got, nil)
}

// addOld names the original trade, preferring its trxid.
func addOld(fields map[string]string, oldReqSN, oldTrxID string) {
	if oldTrxID != "" {
		fields["oldtrxid"] = oldTrxID
	} else {
		fields["oldreqsn"] = oldReqSN
	}
}

func checkPay(req gateway.PayRequest) string {
	switch {
	case req.ReqSN == "" || len(req.ReqSN) > 32:
		return "reqsn 为空或超过 32 位"
	case req.Amount <= 0 || req.Amount > maxFen:
		return "金额必须大于 0 分且不超过 15 位"
	case req.AuthCode == "" || len(req.AuthCode) > 32:
		return "付款码为空或超过 32 位"
	case len(req.Body) > 100:
		return "订单标题超过 100 字节"
	case len(req.Remark) > 160 || strings.ContainsAny(req.Remark, remarkForbidden):
		return "备注超过 160 字节或含有 + 空格 / ? % # & = 等字符"
	}
	return ""
}

func checkReverse(req gateway.ReverseRequest) string {
	switch {
	case req.ReqSN == "" || len(req.ReqSN) > 32:
		return "reqsn 为空或超过 32 位"
	case req.Amount <= 0 || req.Amount > maxFen:
		return "金额必须大于 0 分且不超过 15 位"
	case req.OldReqSN == "" && req.OldTrxID == "":
		return "需要原交易的 reqsn 或 trxid"
	case len(req.Remark) > 160 || strings.ContainsAny(req.Remark, remarkForbidden):
		return "备注超过 160 字节或含有 + 空格 / ? % # & = 等字符"
	}
	return ""
}

// toResult turns verified response fields into a Result. Fields named in want must, when
// present, echo the request. A business failure comes back with an *ErrFailed.
func toResult(op string, got, want map[string]string) (*gateway.Result, error) {
	unknown := func(err error) error { return &gateway.ErrUnknown{Op: op, Err: err} }
	for k, v := range want {
		if g, ok := got[k]; ok && g != "" && g != v {
			return nil, unknown(malformed("response %s does not match the request", k))
		}
	}
	status := got["trxstatus"]
	if status == "" {
		return nil, unknown(malformed("accepted response without trxstatus"))
	}
	if err := checkLengths(got); err != nil {
		return nil, unknown(err)
	}
	amounts := [3]int64{}
	for i, k := range []string{"trxamt", "initamt", "fee"} {
		n, ok := parseFen(got[k])
		if !ok {
			return nil, unknown(malformed("%s is not an amount in fen", k))
		}
		amounts[i] = n
	}
	r := &gateway.Result{
		TrxStatus: status,
		State:     gateway.StateOf(status),
		TrxID:     got["trxid"],
		ChnlTrxID: got["chnltrxid"],
		ReqSN:     got["reqsn"],
		TrxCode:   firstOf(got, "trxcode", "trxCode"),
		Amount:    amounts[0],
		InitAmt:   amounts[1],
		Fee:       amounts[2],
		FinTime:   got["fintime"],
		Acct:      got["acct"],
		ErrMsg:    got["errmsg"],
		Fields:    maps.Clone(got),
	}
	if r.State == gateway.StateFailed {
		return r, &gateway.ErrFailed{Result: r}
	}
	return r, nil
}

// maxLen is the longest text the ledger keeps of each acquirer field (docs/allinpay-syb.md
// §8.1 lengths, rounded up to the store's columns). A longer value is malformed: storing it
// would fail on PostgreSQL for ever.
var maxLen = map[string]int{"trxstatus": 4, "trxcode": 8, "trxCode": 8, "trxid": 32, "reqsn": 32,
	"chnltrxid": 64, "fintime": 14}

// checkLengths refuses fields longer than maxLen and a fintime that is not 14 digits.
func checkLengths(got map[string]string) error {
	for k, n := range maxLen {
		if len(got[k]) > n {
			return malformed("%s longer than %d characters", k, n)
		}
	}
	if ft := got["fintime"]; ft != "" && (len(ft) != 14 || strings.Trim(ft, "0123456789") != "") {
		return malformed("fintime %.20q is not yyyyMMddHHmmss", ft)
	}
	return nil
}

// parseFen reads an optional amount in fen ("" is 0).
func parseFen(s string) (int64, bool) {
	if s == "" {
		return 0, true
	}
	if len(s) > 15 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

func firstOf(m map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := m[k]; v != "" {
			return v
		}
	}
	return ""
}
