package export

import (
	"fmt"
	"time"

	"xiaotongfu/backend/platform"
)

// day0 is 2018-12-10 13:30:05 in China (05:30:05 UTC), as in the manual's screenshots.
var day0 = time.Date(2018, 12, 10, 5, 30, 5, 0, time.UTC)

// fixture is a small day of trades covering every kind, channel and the odd status.
func fixture() []platform.Trade {
	return []platform.Trade{
		{ReqSN: "201812101330050000000001", Kind: "pay", Status: "success", Amount: 1, Channel: "wechat",
			TrxID: "181210000000000001", ChnlTrxID: "4200000123201812101234567890", CashierAccount: "03", CreatedAt: day0},
		{ReqSN: "201812101330050000000002", Kind: "pay", Status: "cancelled", Amount: 1999, Channel: "alipay",
			TrxID: "181210000000000002", ChnlTrxID: "2018121022001400000000000001", CashierAccount: "02", CreatedAt: day0.Add(time.Minute)},
		{ReqSN: "201812101330050000000003", Kind: "cancel", Status: "success", Amount: 1999, Channel: "alipay",
			OrigReqSN: "201812101330050000000002", CashierAccount: "01", CreatedAt: day0.Add(2 * time.Minute)},
		{ReqSN: "201812101330050000000004", Kind: "pay", Status: "success", Amount: 123456789, RefundedAmount: 50, Channel: "unionpay",
			CashierAccount: "03", CreatedAt: day0.Add(3 * time.Minute)},
		{ReqSN: "201812101330050000000005", Kind: "refund", Status: "success", Amount: 50, Channel: "unionpay",
			OrigReqSN: "201812101330050000000004", CashierAccount: "01", CreatedAt: day0.Add(4 * time.Minute)},
		{ReqSN: "201812101330050000000006", Kind: "pay", Status: "failed", Amount: 700, Channel: "wechat",
			ErrMsg: "余额不足", CashierAccount: "03", CreatedAt: day0.Add(5 * time.Minute)},
		{ReqSN: "201812101330050000000007", Kind: "pay", Status: "unknown", Amount: 800, Channel: "unknown",
			CashierAccount: "03", CreatedAt: day0.Add(6 * time.Minute)},
		{ReqSN: "201812101330050000000008", Kind: "refund", Status: "failed", Amount: 10, Channel: "wechat",
			OrigReqSN: "201812101330050000000001", ErrMsg: "超过可退金额", CashierAccount: "01", CreatedAt: day0.Add(7 * time.Minute)},
	}
}

// manyTrades makes n varied trades for progress, cancellation and benchmarks.
func manyTrades(n int) []platform.Trade {
	kinds := []string{"pay", "pay", "pay", "refund", "cancel"}
	channels := []string{"wechat", "alipay", "unionpay"}
	statuses := []string{"success", "success", "success", "failed", "unknown"}
	out := make([]platform.Trade, n)
	for i := range out {
		out[i] = platform.Trade{
			ReqSN: fmt.Sprintf("20181210%06d%010d", i%240000, i), Kind: kinds[i%len(kinds)],
			Status: statuses[i%len(statuses)], Amount: int64(i%100000 + 1), Channel: channels[i%len(channels)],
			TrxID: fmt.Sprintf("181210%012d", i), ChnlTrxID: fmt.Sprintf("4200%024d", i),
			CashierAccount: fmt.Sprintf("%02d", i%7+1), CreatedAt: day0.Add(time.Duration(i) * time.Second),
		}
	}
	return out
}
