package domain

import "time"

// Channel is the wallet behind a payment code.
type Channel string

// Channels.
const (
	ChannelWeChat   Channel = "wechat"
	ChannelAlipay   Channel = "alipay"
	ChannelUnionPay Channel = "unionpay"
	ChannelUnknown  Channel = "unknown"
)

// OrderNoLen is the length of an order number (reqsn): the China time yyyyMMddHHmmss of the
// trade and 10 random digits.
const OrderNoLen = 24

// IsOrderNo reports whether a scanned code is one of our order numbers, as a receipt's QR
// code carries it: 24 digits that start with a real time yyyyMMddHHmmss of the years
// 2000–2099. A payment code never is one: they start 10–15, 25–30 or 62, an order number 20.
func IsOrderNo(code string) bool {
	if len(code) != OrderNoLen || !allASCIIDigits(code) || code[:2] != "20" {
		return false
	}
	_, err := time.Parse("20060102150405", code[:14])
	return err == nil
}

// ChannelOfCode validates a customer's payment code and names its channel:
// 18 digits starting 10–15 → WeChat; 16–24 digits starting 25–30 → Alipay;
// 19 digits starting 62 → UnionPay QR. A receipt's order number is CodePayCodeIsOrder
// (never charged); anything else is CodePayCodeInvalid.
func ChannelOfCode(code string) (Channel, error) {
	if IsOrderNo(code) {
		return ChannelUnknown, &Error{Code: CodePayCodeIsOrder, Field: "authCode", Message: "这是小票上的订单号，不是付款码，请扫描顾客的付款码"}
	}
	if !allASCIIDigits(code) {
		if code == "" {
			return ChannelUnknown, Errorf(CodePayCodeInvalid, "请扫描或输入付款码")
		}
		return ChannelUnknown, Errorf(CodePayCodeInvalid, "付款码只能是数字")
	}
	n := len(code)
	if n < 16 {
		return ChannelUnknown, Errorf(CodePayCodeInvalid, "付款码位数不对，请重新扫描")
	}
	prefix := int(code[0]-'0')*10 + int(code[1]-'0')
	switch {
	case n == 18 && prefix >= 10 && prefix <= 15:
		return ChannelWeChat, nil
	case n >= 16 && n <= 24 && prefix >= 25 && prefix <= 30:
		return ChannelAlipay, nil
	case n == 19 && prefix == 62:
		return ChannelUnionPay, nil
	}
	return ChannelUnknown, Errorf(CodePayCodeInvalid, "无效的付款码，请让顾客刷新后重新出示")
}

// ChannelOfTrxCode maps an acquirer trxcode (VSP501…) to a channel.
func ChannelOfTrxCode(trxcode string) Channel {
	switch trxcode {
	case "VSP501", "VSP502", "VSP503":
		return ChannelWeChat
	case "VSP511", "VSP512", "VSP513":
		return ChannelAlipay
	case "VSP551", "VSP552", "VSP553":
		return ChannelUnionPay
	}
	return ChannelUnknown
}

// MaskCode keeps only the last four characters of a payment code, for logs and screens.
func MaskCode(code string) string {
	if len(code) <= 4 {
		return "****"
	}
	return "****" + code[len(code)-4:]
}
