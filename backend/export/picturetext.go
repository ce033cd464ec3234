package export

import "strconv"

// pictureText is every word the statistics picture prints, in one language. The 统计 dialog
// shows this picture, so the dialog and the saved file say the same thing.
type pictureText struct {
	anyStore, title, onlyStore                  string
	pay, cancel, refund, net                    string
	count                                       func(n int64) string
	allCount                                    func(n int64) string
	byChannel, byChannelSub, byHour, byHourUnit string
	byDay, byDayUnit, periodTo, nonePeriod      string
	none, note, generated                       string
	hour                                        func(h int) string
	channel                                     func(ch string) string
}

var pictureZh = pictureText{
	anyStore: "当前门店", title: "交易统计", onlyStore: "仅统计当前门店",
	pay: "收款", cancel: "撤销", refund: "退货", net: "净收款",
	count:     func(n int64) string { return itoa64(n) + " 笔" },
	allCount:  func(n int64) string { return "共 " + itoa64(n) + " 笔交易" },
	byChannel: "渠道分布", byChannelSub: "按支付渠道统计收款", byHour: "分时段收款", byHourUnit: "（金额）",
	byDay: "收款", byDayUnit: "（按日，金额）", periodTo: " 至 ", nonePeriod: "所选期间暂无收款",
	none: "当天暂无收款", note: "柱上数字为笔数 · 撤销与退货不计入分渠道、分时段（按日）收款", generated: "生成于 ",
	hour:    func(h int) string { return strconv.Itoa(h) + "时" },
	channel: ChannelLabel,
}

var pictureEn = pictureText{
	anyStore: "This store", title: "Statistics", onlyStore: "this store only",
	pay: "Payments", cancel: "Voids", refund: "Refunds", net: "Net",
	count:     tradesEn,
	allCount:  func(n int64) string { return itoa64(n) + " trades in all" },
	byChannel: "By method", byChannelSub: "payments per wallet", byHour: "By hour", byHourUnit: " (amount)",
	byDay: "By day", byDayUnit: " (amount)", periodTo: " to ", nonePeriod: "No payments in this period",
	none: "No payments this day", note: "Numbers on the bars are trade counts · voids and refunds are not in the charts",
	generated: "Generated ",
	hour:      strconv.Itoa,
	channel: func(ch string) string {
		return labelOr(map[string]string{"wechat": "WeChat", "alipay": "Alipay", "unionpay": "UnionPay", "unknown": "Unknown"}, ch)
	},
}

// tradesEn is "1 trade", "2 trades".
func tradesEn(n int64) string {
	if n == 1 {
		return "1 trade"
	}
	return itoa64(n) + " trades"
}

// pictureTextFor picks the words of lang: English for "en…", Chinese otherwise.
func pictureTextFor(lang string) *pictureText {
	if len(lang) >= 2 && lang[:2] == "en" {
		return &pictureEn
	}
	return &pictureZh
}
