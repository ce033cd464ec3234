package printer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

func sampleHandover() HandoverSlip {
	cst := time.FixedZone("CST", 8*3600)
	return HandoverSlip{
		Merchant: "通联便利店（测试商户）", Store: "朝阳门店", Terminal: "00000001", Cashier: "02",
		No:   "JB00000001-02-3",
		From: time.Date(2026, 11, 25, 8, 0, 0, 0, cst), To: time.Date(2026, 11, 25, 17, 30, 5, 0, cst),
		PayCount: 3, PayAmount: 2200, CancelCount: 1, CancelAmount: 700, RefundCount: 1, RefundAmount: 200,
		FailedCount: 1, NetAmount: 1300,
		Channels: []HandoverChannel{
			{Channel: domain.ChannelAlipay, PayCount: 1, PayAmount: 500, ReverseCount: 1, ReverseAmount: 200, NetAmount: 300},
			{Channel: domain.ChannelWeChat, PayCount: 2, PayAmount: 1700, ReverseCount: 1, ReverseAmount: 700, NetAmount: 1000},
		},
		Open: []HandoverTrade{{OrderNo: "XTF20261125172959000100020003000", Kind: domain.KindPay, AmountFen: 888}},
		Late: []HandoverTrade{{OrderNo: "XTF202611250759000001", Kind: domain.KindRefund, AmountFen: 100}},
	}
}

func TestRenderHandoverGolden(t *testing.T) {
	reprint := sampleHandover()
	reprint.ReprintedAt = time.Date(2026, 11, 26, 9, 0, 1, 0, time.FixedZone("CST", 8*3600))
	cases := []struct {
		name  string
		h     HandoverSlip
		paper Paper
		qr    QRMode
	}{
		{"handover_58", sampleHandover(), Paper58, QRCommand},
		{"handover_80", sampleHandover(), Paper80, QRCommand},
		{"handover_58_reprint_qrimage", reprint, Paper58, QRImage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := RenderHandover(c.h, c.paper, c.qr)
			if err != nil {
				t.Fatal(err)
			}
			checkLayout(t, got, c.paper.Columns(), 1)
			golden := filepath.Join("testdata", c.name+".bin")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("bytes differ from %s (run go test -update if the change is intended)\n%s", golden, strings.Join(textLines(t, got), "\n"))
			}
		})
	}
}

// TestRenderHandoverContent: the slip carries the shift's sums, each channel, the trades left
// 待确认 by number, the late ones, two signature lines, and the handover number as QR and text.
func TestRenderHandoverContent(t *testing.T) {
	b, err := RenderHandover(sampleHandover(), Paper58, QRCommand)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(textLines(t, b), "\n")
	for _, want := range []string{
		"交接班凭条", "收银员：", "交接班单号：", "2026-11-25 08:00:00", "2026-11-25 17:30:05",
		"3 笔 ￥22.00", "1 笔 -￥7.00", "1 笔 -￥2.00", "支付宝", "微信支付", "小计：", "￥10.00", "净收款：", "￥13.00",
		"待确认（未计入）：1 笔", "XTF20261125172959000100020003000", "￥8.88",
		"上班待确认，本班已计入：1 笔", "XTF202611250759000001", "-￥1.00", "交班人签名：", "接班人签名：",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("handover slip lacks %q:\n%s", want, all)
		}
	}
	if !bytes.Contains(b, []byte("JB00000001-02-3")) || !bytes.Contains(b, []byte{0x1d, 0x28, 0x6b}) {
		t.Error("the handover number is not printed as a QR code")
	}
}

func TestRenderHandoverRejects(t *testing.T) {
	bad := map[string]func(*HandoverSlip, *Paper){
		"no merchant": func(h *HandoverSlip, _ *Paper) { h.Merchant = "" },
		"no number":   func(h *HandoverSlip, _ *Paper) { h.No = " " },
		"no end":      func(h *HandoverSlip, _ *Paper) { h.To = time.Time{} },
		"ends early":  func(h *HandoverSlip, _ *Paper) { h.From = h.To.Add(time.Second) },
		"76mm paper":  func(_ *HandoverSlip, p *Paper) { *p = 76 },
	}
	for name, mutate := range bad {
		h, p := sampleHandover(), Paper58
		mutate(&h, &p)
		if _, err := RenderHandover(h, p, QRCommand); domain.CodeOf(err) != domain.CodeInvalidInput {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
