// Package export writes trades to CSV and XLSX files (manual §5.2) and renders a day's
// statistics as a PNG picture (manual §5.3). Every Chinese label it prints comes from this
// file, so the files and the picture say the same thing as the screens.
package export

import (
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// channelLabels name the wallets (same wording as the UI's channel.* strings).
var channelLabels = map[string]string{
	string(domain.ChannelWeChat):   "微信",
	string(domain.ChannelAlipay):   "支付宝",
	string(domain.ChannelUnionPay): "云闪付",
	string(domain.ChannelUnknown):  "未知",
}

// payTypeLabels are the 交易类型 of a payment per channel (UI tradeType.pay.*).
var payTypeLabels = map[string]string{
	string(domain.ChannelWeChat):   "微信支付",
	string(domain.ChannelAlipay):   "支付宝支付",
	string(domain.ChannelUnionPay): "云闪付支付",
}

// kindLabels name the kinds of trade (UI kind.*).
var kindLabels = map[string]string{
	string(domain.KindPay):    "支付",
	string(domain.KindCancel): "撤销",
	string(domain.KindRefund): "退货",
}

// statusLabels name the trade states (UI status.*).
var statusLabels = map[string]string{
	string(domain.StatusCreated):   "已创建",
	string(domain.StatusSent):      "已发送",
	string(domain.StatusPending):   "支付中",
	string(domain.StatusClosing):   "关单中",
	string(domain.StatusSuccess):   "成功",
	string(domain.StatusFailed):    "失败",
	string(domain.StatusClosed):    "已关闭",
	string(domain.StatusCancelled): "已撤销",
	string(domain.StatusUnknown):   "待确认",
}

// TradeStatusLabel is the 交易状态 column of a trade: 部分退货 or 已全额退货 for a payment
// with refunds (UI standing.*), else StatusLabel of its status.
func TradeStatusLabel(t platform.Trade) string {
	if t.Kind == string(domain.KindPay) && t.Status == string(domain.StatusSuccess) && t.RefundedAmount > 0 {
		if t.RefundedAmount >= t.Amount {
			return "已全额退货"
		}
		return "部分退货"
	}
	return StatusLabel(t.Status)
}

// ChannelLabel names a channel (wechat → 微信); an unknown value is returned as it is.
func ChannelLabel(channel string) string {
	return labelOr(channelLabels, channel)
}

// KindLabel names a trade kind (cancel → 撤销); an unknown value is returned as it is.
func KindLabel(kind string) string {
	return labelOr(kindLabels, kind)
}

// StatusLabel names a trade status (unknown → 待确认); an unknown value is returned as it is.
func StatusLabel(status string) string {
	return labelOr(statusLabels, status)
}

// TradeTypeLabel is the 交易类型 column: 微信支付, 支付宝支付, 云闪付支付 or 扫码支付 for a
// payment, 扫码撤销 for a void and 扫码退货 for a refund, as in the manual's list.
func TradeTypeLabel(kind, channel string) string {
	switch domain.TradeKind(kind) {
	case domain.KindCancel:
		return "扫码撤销"
	case domain.KindRefund:
		return "扫码退货"
	case domain.KindPay:
		if l, ok := payTypeLabels[channel]; ok {
			return l
		}
		return "扫码支付"
	}
	return kind
}

func labelOr(m map[string]string, key string) string {
	if l, ok := m[key]; ok {
		return l
	}
	return key
}
