package allinpay

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"xiaotongfu/backend/gateway"
)

// columns are the positions of the known columns in a header line; -1 when absent.
type columns struct {
	reqsn, trxid, yuan, fen, fee, status, typ, time, date int
}

// findColumns returns the columns of a header line, or nil when rec is not one (it must name
// an order number and an amount).
func findColumns(rec []string) *columns {
	at := func(names []string) int {
		for i, c := range rec {
			if slices.Contains(names, strings.ToLower(c)) || slices.Contains(names, c) {
				return i
			}
		}
		return -1
	}
	c := &columns{reqsn: at(colReqSN), trxid: at(colTrxID), yuan: at(colYuan), fen: at(colFen),
		fee: at(colFeeYuan), status: at(colStatus), typ: at(colType), time: at(colTime), date: at(colDate)}
	if c.reqsn < 0 || (c.yuan < 0 && c.fen < 0) {
		return nil
	}
	return c
}

// row parses one trade line.
func (c *columns) row(rec []string) (gateway.StatementRow, error) {
	get := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return rec[i]
	}
	need := max(c.reqsn, c.trxid, c.yuan, c.fen, c.status)
	if len(rec) <= need {
		return gateway.StatementRow{}, fmt.Errorf("%d columns, the header needs %d", len(rec), need+1)
	}
	r := gateway.StatementRow{ReqSN: get(c.reqsn), TrxID: get(c.trxid), TrxCode: get(c.typ)}
	if r.ReqSN == "" && r.TrxID == "" {
		return r, fmt.Errorf("neither 订单号 nor 交易流水号")
	}
	if len(r.ReqSN) > 32 || len(r.TrxID) > 32 {
		return r, fmt.Errorf("订单号 or 交易流水号 longer than 32 characters")
	}
	amount, neg, err := c.amount(get)
	if err != nil {
		return r, err
	}
	r.Amount = amount
	if v := get(c.fee); v != "" {
		if r.Fee, _, err = parseYuan(v); err != nil {
			return r, fmt.Errorf("手续费 %.20q: %v", v, err)
		}
	}
	if r.Status, err = statusOf(c.status, get(c.status)); err != nil {
		return r, err
	}
	r.Kind = kindOf(r.TrxCode, neg)
	r.Time = timeOf(get(c.date), get(c.time))
	return r, nil
}

// amount reads the fen column when there is one, else the yuan column.
func (c *columns) amount(get func(int) string) (int64, bool, error) {
	if c.fen >= 0 {
		v := get(c.fen)
		neg := strings.HasPrefix(v, "-")
		n, ok := parseFen(strings.TrimPrefix(v, "-"))
		if !ok || v == "" || v == "-" {
			return 0, false, fmt.Errorf("交易金额(分) %.20q is not an amount", v)
		}
		return n, neg, nil
	}
	v := get(c.yuan)
	n, neg, err := parseYuan(v)
	if err != nil {
		return 0, false, fmt.Errorf("交易金额 %.20q: %v", v, err)
	}
	return n, neg, nil
}

// parseYuan reads "12", "12.3", "12.34", "-12.34" or "1,234.50" yuan as fen (its absolute
// value) and whether it was negative.
func parseYuan(v string) (int64, bool, error) {
	s := strings.ReplaceAll(strings.TrimSuffix(v, "元"), ",", "")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || len(whole) > 13 || strings.Trim(whole+frac, "0123456789") != "" {
		return 0, false, fmt.Errorf("not an amount in yuan")
	}
	frac += strings.Repeat("0", 2-len(frac))
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("not an amount in yuan")
	}
	return n, neg, nil
}

// statusOf maps a status cell to a trxstatus; a file without the column lists settled trades.
func statusOf(col int, v string) (string, error) {
	switch {
	case col < 0:
		return "0000", nil
	case v == "":
		return "", fmt.Errorf("交易状态 is empty")
	case v == "0000" || v == "成功" || v == "交易成功" || v == "支付成功":
		return "0000", nil
	case len(v) > 12:
		return "", fmt.Errorf("交易状态 %.20q is not a status", v)
	}
	return v, nil
}

// kindOf tells a payment from a reversal by the trade type: a VSP code ending in 2 is a
// cancel and in 3 a refund (docs/allinpay-syb.md §7.1); a text type with 撤销 or 退 says the
// same; failing both, a negative amount is a refund.
func kindOf(typ string, negative bool) string {
	if len(typ) == 6 && strings.HasPrefix(strings.ToUpper(typ), "VSP") {
		switch typ[5] {
		case '1':
			return "pay"
		case '2':
			return "cancel"
		case '3':
			return "refund"
		}
		return "other"
	}
	switch {
	case strings.Contains(typ, "撤销"):
		return "cancel"
	case strings.Contains(typ, "退"):
		return "refund"
	case negative:
		return "refund"
	}
	return "pay"
}

// timeOf joins the date and time cells into yyyyMMddHHmmss, or "" when they do not make one.
func timeOf(date, clock string) string {
	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	t := digits(clock)
	if len(t) == 14 {
		return t
	}
	if d := digits(date); len(d) == 8 && len(t) == 6 {
		return d + t
	}
	return ""
}
