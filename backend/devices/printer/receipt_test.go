package printer

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xiaotongfu/backend/domain"
)

var update = flag.Bool("update", false, "rewrite testdata/*.bin golden files")

func sampleReceipt() Receipt {
	return Receipt{
		Merchant:  "通联便利店（测试商户）",
		Store:     "朝阳门店",
		Terminal:  "T0001",
		Cashier:   "张三",
		Kind:      domain.KindPay,
		Channel:   domain.ChannelWeChat,
		AmountFen: 123456,
		OrderNo:   "202611251753280001234567",
		TrxID:     "231125100000123456",
		Time:      time.Date(2026, 11, 25, 17, 53, 28, 0, time.FixedZone("CST", 8*3600)),
		Note:      "会员卡 8888",
		SignLine:  true,
	}
}

func TestRenderGolden(t *testing.T) {
	long := sampleReceipt()
	long.Merchant = "北京市朝阳区某某某某某某连锁超市有限公司第一百二十三分店"
	long.OrderNo = "XTF20261125175328000100020003000"
	long.TrxID = "2311251000001234567890123456"
	long.Note = "顾客要求开具发票，请于三日内到前台领取（含 ASCII text 混排）"
	refund := sampleReceipt()
	refund.Kind, refund.Channel, refund.AmountFen, refund.SignLine, refund.Note = domain.KindRefund, domain.ChannelAlipay, 1, false, ""
	reprint := sampleReceipt()
	reprint.ReprintedAt = time.Date(2026, 11, 26, 9, 0, 1, 0, time.FixedZone("CST", 8*3600))
	cases := []struct {
		name   string
		r      Receipt
		paper  Paper
		copies int
		qr     QRMode
	}{
		{"pay_58", sampleReceipt(), Paper58, 1, QRCommand},
		{"pay_80", sampleReceipt(), Paper80, 1, QRCommand},
		{"long_58", long, Paper58, 1, QRCommand},
		{"long_80", long, Paper80, 1, QRCommand},
		{"refund_58_2copies", refund, Paper58, 2, QRCommand},
		{"pay_58_qrimage", sampleReceipt(), Paper58, 1, QRImage},
		{"reprint_80_qrimage", reprint, Paper80, 1, QRImage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Render(c.r, c.paper, c.copies, c.qr)
			if err != nil {
				t.Fatal(err)
			}
			checkLayout(t, got, c.paper.Columns(), c.copies)
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

// checkLayout parses the ESC/POS stream: it must use only known commands, every text line
// must fit the paper, and each copy must start with a reset and end with a cut.
func checkLayout(t *testing.T, b []byte, cols, copies int) {
	t.Helper()
	lines := textLines(t, b)
	for _, l := range lines {
		if w := width(l); w > cols {
			t.Errorf("line %q is %d columns, paper has %d", l, w, cols)
		}
	}
	if n := bytes.Count(b, cmdInit); n != copies {
		t.Errorf("%d resets, want %d", n, copies)
	}
	if n := bytes.Count(b, cmdFeedCut); n != copies {
		t.Errorf("%d cuts, want %d", n, copies)
	}
	if !bytes.HasSuffix(b, append(append([]byte{}, cmdFeedCut...), 0)) {
		t.Error("does not end with a cut")
	}
}

// commandLen gives the length of each ESC/POS command the layout may use.
var commandLen = map[string]int{
	"\x1b\x40": 2, "\x1c\x26": 2, "\x1b\x61": 3, "\x1b\x45": 3, "\x1d\x21": 3, "\x1c\x21": 3,
	"\x1b\x64": 3, "\x1d\x56": 4,
}

// commandSize is the length of the ESC/POS command at the start of b, 0 if unknown: fixed
// lengths from commandLen, and the QR command (GS ( k) and bit image (GS v 0) with their data.
func commandSize(b []byte) int {
	if len(b) < 2 {
		return 0
	}
	switch {
	case len(b) >= 5 && string(b[:3]) == "\x1d\x28\x6b":
		return 5 + int(b[3]) + int(b[4])<<8
	case len(b) >= 8 && string(b[:3]) == "\x1d\x76\x30":
		return 8 + (int(b[4])+int(b[5])<<8)*(int(b[6])+int(b[7])<<8)
	}
	return commandLen[string(b[:2])]
}

// textLines strips the commands and decodes the GB18030 text into lines.
func textLines(t *testing.T, b []byte) []string {
	t.Helper()
	var text []byte
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\n' || c >= 0x20:
			text = append(text, c)
			i++
		case commandSize(b[i:]) > 0:
			i += commandSize(b[i:])
		default:
			t.Fatalf("unknown control byte %#x at %d", c, i)
		}
	}
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(text)
	if err != nil {
		t.Fatalf("GB18030 decode: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(dec), "\n"), "\n")
}

func TestRenderContent(t *testing.T) {
	b, err := Render(sampleReceipt(), Paper58, 1, QRCommand)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(textLines(t, b), "\n")
	for _, want := range []string{
		"通联便利店（测试商户）", "消费凭条", "门店：", "朝阳门店", "终端号：", "T0001", "收银员：", "张三",
		"交易类型：", "支付方式：", "微信支付", "202611251753280001234567", "231125100000123456",
		"2026-11-25 17:53:28", "￥1234.56", "备注：", "会员卡 8888", "签名：____",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("receipt lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "联 / 共") {
		t.Error("a single copy must not carry a copy label")
	}
}

// TestRenderReversal: a void or refund receipt names its kind, prints the amount negative and
// the order number of the payment it reverses.
func TestRenderReversal(t *testing.T) {
	for kind, title := range map[domain.TradeKind]string{domain.KindCancel: "撤销凭条", domain.KindRefund: "退货凭条"} {
		r := sampleReceipt()
		r.Kind, r.AmountFen, r.OrderNo, r.OrigNo = kind, 350, "XTF202611260900000002", "XTF202611251753280001"
		b, err := Render(r, Paper58, 1, QRCommand)
		if err != nil {
			t.Fatal(err)
		}
		all := strings.Join(textLines(t, b), "\n")
		for _, want := range []string{title, "-￥3.50", "原订单号：", "XTF202611251753280001", "XTF202611260900000002"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s receipt lacks %q:\n%s", kind, want, all)
			}
		}
	}
}

func TestRenderBlanksControlCharacters(t *testing.T) {
	r := sampleReceipt()
	r.Merchant = "坏\x1b\x40商户\x1dV"
	r.Note = "x\x00\x1c&y"
	b, err := Render(r, Paper80, 1, QRCommand)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, cmdInit); n != 1 {
		t.Fatalf("user text injected %d resets", n)
	}
	checkLayout(t, b, 48, 1)
}

func TestRenderRejects(t *testing.T) {
	bad := map[string]func(*Receipt, *Paper, *int){
		"no merchant": func(r *Receipt, _ *Paper, _ *int) { r.Merchant = " \x00 " },
		"zero amount": func(r *Receipt, _ *Paper, _ *int) { r.AmountFen = 0 },
		"no order":    func(r *Receipt, _ *Paper, _ *int) { r.OrderNo = "" },
		"no time":     func(r *Receipt, _ *Paper, _ *int) { r.Time = time.Time{} },
		"bad kind":    func(r *Receipt, _ *Paper, _ *int) { r.Kind = "gift" },
		"76mm paper":  func(_ *Receipt, p *Paper, _ *int) { *p = 76 },
		"0 copies":    func(_ *Receipt, _ *Paper, c *int) { *c = 0 },
		"6 copies":    func(_ *Receipt, _ *Paper, c *int) { *c = 6 },
	}
	for name, mutate := range bad {
		r, p, c := sampleReceipt(), Paper58, 1
		mutate(&r, &p, &c)
		if _, err := Render(r, p, c, QRCommand); domain.CodeOf(err) != domain.CodeInvalidInput {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestWrapKeepsCharactersWhole(t *testing.T) {
	got := wrap("ab中文字c", 3)
	want := []string{"ab", "中", "文", "字c"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("wrap = %q, want %q", got, want)
	}
	if w := width("￥12.30中"); w != 2+5+2 {
		t.Fatalf("width = %d", w)
	}
}

func BenchmarkRender80(b *testing.B) {
	r := sampleReceipt()
	for b.Loop() {
		if _, err := Render(r, Paper80, 2, QRCommand); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLayoutIsWhatPrints: the lines Layout gives the 打印配置 preview are exactly what Render
// sends for that copy, and only the copy label differs between copies.
func TestLayoutIsWhatPrints(t *testing.T) {
	r := sampleReceipt()
	all, err := Render(r, Paper58, 3, QRCommand)
	if err != nil {
		t.Fatal(err)
	}
	var want []byte
	for i := 1; i <= 3; i++ {
		lines, err := Layout(r, Paper58, i, 3)
		if err != nil {
			t.Fatal(err)
		}
		if last := lines[len(lines)-1]; last.Text != fmt.Sprintf("第 %d 联 / 共 3 联", i) || !last.Center {
			t.Fatalf("copy %d ends with %+v", i, last)
		}
		want = append(want, Encode(lines, QRCommand)...)
	}
	if !bytes.Equal(all, want) {
		t.Fatal("Render differs from Encode(Layout) of each copy")
	}
	if _, err := Layout(r, Paper58, 4, 3); domain.CodeOf(err) != domain.CodeInvalidInput {
		t.Fatalf("copy 4 of 3: %v", err)
	}
}
