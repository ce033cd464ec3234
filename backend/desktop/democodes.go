package desktop

import (
	"math/rand/v2"

	"xiaotongfu/backend/services"
)

// demoOutcomes are the simulator's scripted outcomes by the payment code's last two digits
// (backend/gateway/sybsim/doc.go), as the demo banner explains them.
var demoOutcomes = []struct{ suffix, text string }{
	{"00", "立即成功"},
	{"90", "先显示支付中，查询两次后成功"},
	{"91", "一直支付中，超时后关单（未扣款）"},
	{"92", "失败：余额不足"},
	{"93", "成功，但应答超时（查询后确认成功）"},
	{"94", "成功，但应答 HTTP 500（查询后确认成功）"},
	{"95", "成功，但应答签名错误（查询后确认成功）"},
	{"96", "成功，但连接中断（查询后确认成功）"},
	{"97", "先显示支付中，之后失败（已关闭）"},
}

// demoTestCodes returns one WeChat payment code per scripted outcome. The middle digits are
// random each time: the platform never charges a code twice, so the banner needs fresh ones.
func demoTestCodes() []services.TestCode {
	out := make([]services.TestCode, 0, len(demoOutcomes))
	for _, o := range demoOutcomes {
		out = append(out, services.TestCode{Code: "13" + randomDigits(14) + o.suffix, Outcome: o.text})
	}
	return out
}

// randomDigits returns n random decimal digits (not secret: they only make codes unique).
func randomDigits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + rand.IntN(10))
	}
	return string(b)
}
