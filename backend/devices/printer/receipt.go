// Package printer prints payment receipts (manual §8.1 打印配置): a pure layout function that
// turns a Receipt into ESC/POS bytes with GB18030 text for 58 mm or 80 mm paper, and transports
// that deliver the bytes to a TCP 9100 printer, a system queue (Windows spooler RAW, CUPS
// `lp -o raw`) or a file.
package printer

import (
	"fmt"
	"strings"
	"time"

	"xiaotongfu/backend/domain"
)

// Paper is the roll width in millimetres.
type Paper int

// Supported papers and their columns of half-width characters (12×24 font).
const (
	Paper58 Paper = 58 // 32 columns
	Paper80 Paper = 80 // 48 columns
)

// Columns returns the characters per line, or 0 for an unsupported paper.
func (p Paper) Columns() int {
	switch p {
	case Paper58:
		return 32
	case Paper80:
		return 48
	}
	return 0
}

// Copy limits of the 打印次数 setting.
const (
	MinCopies = 1
	MaxCopies = 5
)

// Receipt is what one receipt shows. Text fields are printed as given (control characters
// are blanked); empty optional fields are left out.
type Receipt struct {
	Merchant  string           // 商户名称 (heading)
	Store     string           // 门店
	Terminal  string           // 终端号
	Cashier   string           // 收银员
	Kind      domain.TradeKind // 交易类型: pay / cancel / refund
	Channel   domain.Channel   // 支付方式
	AmountFen int64            // 金额 in fen, > 0; a void or refund prints it negative
	OrderNo   string           // 订单号 (our reqsn)
	OrigNo    string           // 原订单号: the payment a void or refund reverses
	TrxID     string           // 交易单号 (the acquirer's trxid)
	Time      time.Time        // 交易时间, printed in its own location
	Note      string           // 备注, optional
	SignLine  bool             // print a 签名 line to sign on
	// ReprintedAt is when a 补打 reprint was asked for; the slip is then marked 重打印. Zero
	// for the receipt printed with the trade.
	ReprintedAt time.Time
}

// Validate checks what a receipt must carry.
func (r Receipt) Validate() error {
	switch {
	case clean(r.Merchant) == "":
		return domain.FieldError("merchant", "小票缺少商户名称")
	case r.AmountFen <= 0:
		return domain.FieldError("amount", "小票金额必须大于 0")
	case clean(r.OrderNo) == "":
		return domain.FieldError("orderNo", "小票缺少订单号")
	case r.Time.IsZero():
		return domain.FieldError("time", "小票缺少交易时间")
	case kindNames[r.Kind] == "":
		return domain.FieldError("kind", "未知的交易类型 %q", r.Kind)
	}
	return nil
}

// ValidateCopies checks the 打印次数 setting (1–5).
func ValidateCopies(n int) error {
	if n < MinCopies || n > MaxCopies {
		return domain.FieldError("copies", "打印次数只能是 %d 到 %d", MinCopies, MaxCopies)
	}
	return nil
}

var kindNames = map[domain.TradeKind]string{domain.KindPay: "消费", domain.KindCancel: "撤销", domain.KindRefund: "退货"}

var channelNames = map[domain.Channel]string{
	domain.ChannelWeChat: "微信支付", domain.ChannelAlipay: "支付宝", domain.ChannelUnionPay: "银联云闪付",
}

// Render lays out copies of the receipt for the paper and returns ESC/POS bytes, the order
// number's QR code printed the qr way; each copy ends with a feed and a partial cut. It is a
// pure function of its arguments.
func Render(r Receipt, paper Paper, copies int, qr QRMode) ([]byte, error) {
	var out []byte
	for i := 1; i <= max(copies, 1); i++ {
		lines, err := Layout(r, paper, i, copies)
		if err != nil {
			return nil, err
		}
		out = append(out, Encode(lines, qr)...)
	}
	return out, nil
}

// Layout lays out copy copyNo (1-based) of copies of the receipt as the lines the printer
// prints; the 打印配置 preview shows the same lines. It is a pure function of its arguments.
func Layout(r Receipt, paper Paper, copyNo, copies int) ([]Line, error) {
	if paper.Columns() == 0 {
		return nil, domain.FieldError("paper", "纸张宽度只能是 58mm 或 80mm")
	}
	if err := ValidateCopies(copies); err != nil {
		return nil, err
	}
	if copyNo < 1 || copyNo > copies {
		return nil, domain.FieldError("copies", "第 %d 联超出打印次数 %d", copyNo, copies)
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	p := &page{cols: paper.Columns()}
	for _, l := range wrap(clean(r.Merchant), p.cols) {
		p.add(Line{Text: l, Center: true, Bold: true, Tall: true})
	}
	p.add(Line{Text: title(r), Center: true, Bold: true})
	p.rule('=')
	p.pair("门店", r.Store)
	p.pair("终端号", r.Terminal)
	p.pair("收银员", r.Cashier)
	p.pair("交易类型", kindNames[r.Kind])
	p.pair("支付方式", channelName(r.Channel))
	p.pair("订单号", r.OrderNo)
	p.pair("原订单号", r.OrigNo)
	p.pair("交易单号", r.TrxID)
	p.pair("交易时间", r.Time.Format("2006-01-02 15:04:05"))
	if !r.ReprintedAt.IsZero() {
		p.pair("重打印时间", r.ReprintedAt.Format("2006-01-02 15:04:05"))
	}
	p.rule('-')
	p.emphasis = true
	p.pair("金额", amountText(r))
	p.emphasis = false
	p.rule('-')
	p.pair("备注", r.Note)
	if r.SignLine {
		p.add(Line{})
		p.add(Line{Text: "签名：" + strings.Repeat("_", p.cols-width("签名："))})
	}
	p.add(Line{})
	p.lines = append(p.lines, OrderQR(r.OrderNo)...)
	if copies > 1 {
		p.add(Line{Text: fmt.Sprintf("第 %d 联 / 共 %d 联", copyNo, copies), Center: true})
	}
	return p.lines, nil
}

// title is the slip's heading: 消费凭条, 撤销凭条 or 退货凭条, marked （重打印） on a reprint.
func title(r Receipt) string {
	if r.ReprintedAt.IsZero() {
		return kindNames[r.Kind] + "凭条"
	}
	return kindNames[r.Kind] + "凭条（重打印）"
}

// page collects the lines of one receipt copy for a paper of cols columns.
type page struct {
	cols     int
	emphasis bool // the next pairs print bold and tall (the 金额 line)
	lines    []Line
}

func (p *page) add(l Line) { p.lines = append(p.lines, l) }

// rule adds a full-width line of c.
func (p *page) rule(c byte) { p.add(Line{Text: strings.Repeat(string(c), p.cols)}) }

// pair adds "label：value" with the value right-aligned on the same line when it fits, or
// on the following lines, wrapped, when it does not. An empty value adds nothing.
func (p *page) pair(label, value string) {
	value = clean(value)
	if value == "" {
		return
	}
	head := label + "："
	if width(head)+1+width(value) <= p.cols {
		p.add(Line{Text: head + strings.Repeat(" ", p.cols-width(head)-width(value)) + value, Bold: p.emphasis, Tall: p.emphasis})
		return
	}
	p.add(Line{Text: head, Bold: p.emphasis, Tall: p.emphasis})
	for _, l := range wrap(value, p.cols) {
		p.add(Line{Text: l, Bold: p.emphasis, Tall: p.emphasis})
	}
}

// amountText is the 金额 line's value: money paid in, or money going back (撤销, 退货) as a
// negative amount.
func amountText(r Receipt) string {
	if r.Kind == domain.KindPay {
		return "￥" + domain.FormatFen(r.AmountFen)
	}
	return "-￥" + domain.FormatFen(r.AmountFen)
}

func channelName(c domain.Channel) string {
	if n := channelNames[c]; n != "" {
		return n
	}
	if c == "" {
		return ""
	}
	return "其他"
}
