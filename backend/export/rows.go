package export

import (
	"context"
	"strconv"
	"strings"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// Columns are the header of every export, in order: the manual's list (§5.2) plus the
// acquirer's and the wallet's order numbers.
var Columns = []string{"交易单号", "交易金额", "交易类型", "交易时间", "交易状态", "收银员", "备注", "通联单号", "渠道单号"}

// Column positions in Columns.
const (
	colTradeNo = iota
	colAmount
	colType
	colTime
	colStatus
	colCashier
	colRemark
	colTrxID
	colChnlTrxID
	numColumns
)

// TimeLayout is how trade times are written (yyyy-MM-dd HH:mm:ss, shop time).
const TimeLayout = "2006-01-02 15:04:05"

// checkEvery is how many rows pass between two looks at the context and the clock.
const checkEvery = 128

// Options tune an export. The zero value writes UTF-8 CSV with a BOM, in China time.
type Options struct {
	// Location is the shop's time zone for 交易时间; nil means platform.ChinaTime.
	Location *time.Location
	// Encoding is the CSV text encoding; ignored by WriteXLSX.
	Encoding Encoding
	// Progress, when set, is told how many of the trades are written: at most ten times a
	// second, and always once at the end (done == total) when the export succeeds.
	Progress func(done, total int)
	// PlainIDs leaves long all-digit cells of a CSV as they are, for programs rather than
	// Excel; by default they get a trailing tab so Excel keeps every digit.
	PlainIDs bool
	// SheetName names the XLSX sheet; empty means 交易数据.
	SheetName string
	// Period names the exported period on the XLSX totals sheet (e.g. 2026-03-01_2026-03-31).
	Period string
}

func (o Options) location() *time.Location {
	if o.Location == nil {
		return platform.ChinaTime
	}
	return o.Location
}

// SignedAmount is a trade's amount in fen as the ledger shows it: voids and refunds negative.
func SignedAmount(t platform.Trade) int64 {
	a := t.Amount
	if a < 0 {
		a = -a
	}
	switch domain.TradeKind(t.Kind) {
	case domain.KindCancel, domain.KindRefund:
		return -a
	}
	return a
}

// counted reports whether a trade moved money, so it belongs in the totals: a success, or a
// payment voided later (its void is a separate, negative success).
func counted(t platform.Trade) bool {
	return t.Status == string(domain.StatusSuccess) || t.Status == string(domain.StatusCancelled)
}

// Remark is the 备注 column: the original order of a void or refund, what was refunded of a
// payment, and why a trade failed.
func Remark(t platform.Trade) string {
	var parts []string
	if t.OrigReqSN != "" {
		parts = append(parts, "原交易 "+t.OrigReqSN)
	}
	if t.Kind == string(domain.KindPay) && t.RefundedAmount > 0 {
		parts = append(parts, "已退货 "+domain.FormatFen(t.RefundedAmount)+" 元")
	}
	if t.ErrMsg != "" && t.Status != string(domain.StatusSuccess) {
		parts = append(parts, t.ErrMsg)
	}
	return strings.Join(parts, "；")
}

// fillRow writes the text of one trade into rec (len numColumns), amount and time included.
func fillRow(rec []string, t platform.Trade, loc *time.Location) {
	rec[colTradeNo] = t.ReqSN
	rec[colAmount] = domain.FormatFen(SignedAmount(t))
	rec[colType] = TradeTypeLabel(t.Kind, t.Channel)
	rec[colTime] = t.CreatedAt.In(loc).Format(TimeLayout)
	rec[colStatus] = TradeStatusLabel(t)
	rec[colCashier] = t.CashierAccount
	rec[colRemark] = Remark(t)
	rec[colTrxID] = t.TrxID
	rec[colChnlTrxID] = t.ChnlTrxID
}

// Totals sums the trades that moved money (status success or cancelled), in fen.
type Totals struct {
	Count       int   // trades counted
	PayCount    int   // payments among them
	CancelCount int   // voids among them
	RefundCount int   // refunds among them
	Pay         int64 // payments, positive
	Cancel      int64 // voids, negative
	Refund      int64 // refunds, negative
	Net         int64 // Pay + Cancel + Refund
}

func (s *Totals) add(t platform.Trade) {
	if !counted(t) {
		return
	}
	a := SignedAmount(t)
	s.Count++
	s.Net += a
	switch domain.TradeKind(t.Kind) {
	case domain.KindCancel:
		s.Cancel += a
		s.CancelCount++
	case domain.KindRefund:
		s.Refund += a
		s.RefundCount++
	default:
		s.Pay += a
		s.PayCount++
	}
}

// walk calls row for each trade in order, watching ctx and reporting progress to p.
func walk(ctx context.Context, trades []platform.Trade, p *progress, row func(i int) error) error {
	for i := range trades {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			p.report(i)
		}
		if err := row(i); err != nil {
			return err
		}
	}
	return ctx.Err()
}

func itoa(n int) string {
	return strconv.Itoa(n)
}
