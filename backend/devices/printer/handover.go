package printer

import (
	"fmt"
	"strings"
	"time"

	"xiaotongfu/backend/domain"
)

// HandoverSlip is what a 交接班 slip shows: one closed shift of a cashier on a terminal.
// Money is fen; text fields are printed as given (control characters blanked).
type HandoverSlip struct {
	Merchant     string // 商户名称 (heading)
	Store        string // 门店
	Terminal     string // 终端号
	Cashier      string // 收银员
	No           string // 交接班单号, also printed as a QR code
	From, To     time.Time
	PayCount     int64
	PayAmount    int64
	CancelCount  int64
	CancelAmount int64
	RefundCount  int64
	RefundAmount int64
	FailedCount  int64
	NetAmount    int64
	Channels     []HandoverChannel
	Open         []HandoverTrade // 待确认 at To: named, not counted
	Late         []HandoverTrade // open at the previous handover, counted on this one
	// ReprintedAt is when a reprint was asked for; the slip is then marked 重打印.
	ReprintedAt time.Time
}

// HandoverChannel is one channel's line of a handover slip.
type HandoverChannel struct {
	Channel       domain.Channel
	PayCount      int64
	PayAmount     int64
	ReverseCount  int64 // voids and refunds
	ReverseAmount int64
	NetAmount     int64
}

// HandoverTrade is one trade a handover slip names.
type HandoverTrade struct {
	OrderNo   string
	Kind      domain.TradeKind
	AmountFen int64
}

// RenderHandover lays out the handover slip for the paper and returns its ESC/POS bytes,
// the handover number's QR code printed the qr way. It is a pure function of its arguments.
func RenderHandover(h HandoverSlip, paper Paper, qr QRMode) ([]byte, error) {
	lines, err := LayoutHandover(h, paper)
	if err != nil {
		return nil, err
	}
	return Encode(lines, qr), nil
}

// LayoutHandover lays out the handover slip as the lines the printer prints.
func LayoutHandover(h HandoverSlip, paper Paper) ([]Line, error) {
	if paper.Columns() == 0 {
		return nil, domain.FieldError("paper", "纸张宽度只能是 58mm 或 80mm")
	}
	switch {
	case clean(h.Merchant) == "":
		return nil, domain.FieldError("merchant", "交接班单缺少商户名称")
	case clean(h.No) == "":
		return nil, domain.FieldError("no", "交接班单缺少单号")
	case h.To.IsZero() || h.From.After(h.To):
		return nil, domain.FieldError("time", "交接班单的起止时间不正确")
	}
	p := &page{cols: paper.Columns()}
	for _, l := range wrap(clean(h.Merchant), p.cols) {
		p.add(Line{Text: l, Center: true, Bold: true, Tall: true})
	}
	heading := "交接班凭条"
	if !h.ReprintedAt.IsZero() {
		heading += "（重打印）"
	}
	p.add(Line{Text: heading, Center: true, Bold: true})
	p.rule('=')
	p.pair("门店", h.Store)
	p.pair("终端号", h.Terminal)
	p.pair("收银员", h.Cashier)
	p.pair("交接班单号", h.No)
	p.pair("开始时间", h.From.Format("2006-01-02 15:04:05"))
	p.pair("结束时间", h.To.Format("2006-01-02 15:04:05"))
	if !h.ReprintedAt.IsZero() {
		p.pair("重打印时间", h.ReprintedAt.Format("2006-01-02 15:04:05"))
	}
	p.rule('-')
	p.pair("收款", countAmount(h.PayCount, h.PayAmount, ""))
	p.pair("撤销", countAmount(h.CancelCount, h.CancelAmount, "-"))
	p.pair("退货", countAmount(h.RefundCount, h.RefundAmount, "-"))
	p.pair("失败", fmt.Sprintf("%d 笔", h.FailedCount))
	for _, c := range h.Channels {
		p.rule('-')
		p.pair(channelName(c.Channel), countAmount(c.PayCount, c.PayAmount, ""))
		p.pair("  撤销/退货", countAmount(c.ReverseCount, c.ReverseAmount, "-"))
		p.pair("  小计", signedFen(c.NetAmount))
	}
	p.rule('-')
	p.emphasis = true
	p.pair("净收款", signedFen(h.NetAmount))
	p.emphasis = false
	p.tradeList(fmt.Sprintf("待确认（未计入）：%d 笔", len(h.Open)), h.Open)
	if len(h.Late) > 0 {
		p.tradeList(fmt.Sprintf("上班待确认，本班已计入：%d 笔", len(h.Late)), h.Late)
	}
	p.rule('-')
	for _, who := range []string{"交班人签名：", "接班人签名："} {
		p.add(Line{})
		p.add(Line{Text: who + strings.Repeat("_", p.cols-width(who))})
	}
	p.add(Line{})
	p.lines = append(p.lines, OrderQR(h.No)...)
	return p.lines, nil
}

// tradeList adds a heading and each trade's order number with its kind and amount.
func (p *page) tradeList(heading string, ts []HandoverTrade) {
	p.rule('-')
	p.add(Line{Text: heading, Bold: true})
	for _, t := range ts {
		for _, l := range wrap(clean(t.OrderNo), p.cols) {
			p.add(Line{Text: l})
		}
		sign := ""
		if t.Kind != domain.KindPay {
			sign = "-"
		}
		p.pair("  "+kindNames[t.Kind], sign+"￥"+domain.FormatFen(t.AmountFen))
	}
}

// countAmount is "3 笔 ￥22.00" (sign before ￥ when the amount is money going back).
func countAmount(n, fen int64, sign string) string {
	if fen == 0 {
		sign = ""
	}
	return fmt.Sprintf("%d 笔 %s￥%s", n, sign, domain.FormatFen(fen))
}

// signedFen is ￥12.30, or -￥12.30 for a negative amount.
func signedFen(fen int64) string {
	if fen < 0 {
		return "-￥" + domain.FormatFen(-fen)
	}
	return "￥" + domain.FormatFen(fen)
}
