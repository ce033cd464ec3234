package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xiaotongfu/backend/platform"
)

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse back: %v", err)
	}
	return recs
}

func TestWriteCSVParsesBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(context.Background(), &buf, fixture(), Options{}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("no UTF-8 BOM: % x", data[:3])
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Error("lines should end in CRLF for Windows")
	}
	recs := readCSV(t, data[3:])
	if len(recs) != 1+len(fixture()) {
		t.Fatalf("rows = %d", len(recs))
	}
	if got := strings.Join(recs[0], ","); got != "交易单号,交易金额,交易类型,交易时间,交易状态,收银员,备注,通联单号,渠道单号" {
		t.Errorf("header = %s", got)
	}
	want := [][]string{
		{"201812101330050000000001\t", "0.01", "微信支付", "2018-12-10 13:30:05", "成功", "03", "", "181210000000000001\t", "4200000123201812101234567890\t"},
		{"201812101330050000000002\t", "19.99", "支付宝支付", "2018-12-10 13:31:05", "已撤销", "02", "", "181210000000000002\t", "2018121022001400000000000001\t"},
		{"201812101330050000000003\t", "-19.99", "扫码撤销", "2018-12-10 13:32:05", "成功", "01", "原交易 201812101330050000000002", "", ""},
		{"201812101330050000000004\t", "1234567.89", "云闪付支付", "2018-12-10 13:33:05", "部分退货", "03", "已退货 0.50 元", "", ""},
		{"201812101330050000000005\t", "-0.50", "扫码退货", "2018-12-10 13:34:05", "成功", "01", "原交易 201812101330050000000004", "", ""},
		{"201812101330050000000006\t", "7.00", "微信支付", "2018-12-10 13:35:05", "失败", "03", "余额不足", "", ""},
		{"201812101330050000000007\t", "8.00", "扫码支付", "2018-12-10 13:36:05", "待确认", "03", "", "", ""},
		{"201812101330050000000008\t", "-0.10", "扫码退货", "2018-12-10 13:37:05", "失败", "01", "原交易 201812101330050000000001；超过可退金额", "", ""},
	}
	for i, w := range want {
		if got := recs[i+1]; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d\n got %q\nwant %q", i+1, got, w)
		}
	}
}

func TestWriteCSVPlainIDsAndLocation(t *testing.T) {
	var buf bytes.Buffer
	opts := Options{PlainIDs: true, Location: time.UTC}
	if err := WriteCSV(context.Background(), &buf, fixture()[:1], opts); err != nil {
		t.Fatal(err)
	}
	rec := readCSV(t, buf.Bytes()[3:])[1]
	if rec[colTradeNo] != "201812101330050000000001" || rec[colTime] != "2018-12-10 05:30:05" {
		t.Errorf("got %q", rec)
	}
}

func TestWriteCSVFormulaInjection(t *testing.T) {
	evil := []string{"=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "＝1+1"}
	var trades []platform.Trade
	for _, s := range evil {
		trades = append(trades, platform.Trade{ReqSN: s, Kind: "refund", Status: "failed", Amount: 1,
			ErrMsg: s, CashierAccount: s, TrxID: s, CreatedAt: day0})
	}
	var buf bytes.Buffer
	if err := WriteCSV(context.Background(), &buf, trades, Options{}); err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, buf.Bytes()[3:])
	for i, s := range evil {
		rec := recs[i+1]
		for _, c := range []int{colTradeNo, colCashier, colRemark, colTrxID} {
			// with UseCRLF, encoding/csv drops a lone CR inside a field; the apostrophe stays first
			if rec[c] != "'"+strings.ReplaceAll(s, "\r", "") {
				t.Errorf("%q column %s = %q, want a leading apostrophe", s, Columns[c], rec[c])
			}
		}
		if rec[colAmount] != "-0.01" {
			t.Errorf("negative amount must stay a plain number, got %q", rec[colAmount])
		}
	}
}

func TestEscapeCell(t *testing.T) {
	cases := map[string]string{
		"": "", "03": "03", "收银员": "收银员", "a=b": "a=b", " =1": " =1", "'x": "'x",
		"=1": "'=1", "+1": "'+1", "-1": "'-1", "@a": "'@a", "\tx": "'\tx", "\rx": "'\rx", "－1": "'－1",
	}
	for in, want := range cases {
		if got := EscapeCell(in); got != want {
			t.Errorf("EscapeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteCSVGB18030RoundTrip(t *testing.T) {
	trades := fixture()
	trades[0].CashierAccount = "张三𠀀€" // a four-byte GB18030 character and a euro sign
	var utf, gb bytes.Buffer
	if err := WriteCSV(context.Background(), &utf, trades, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(context.Background(), &gb, trades, Options{Encoding: GB18030}); err != nil {
		t.Fatal(err)
	}
	raw := gb.Bytes()
	if !bytes.HasPrefix(raw, []byte{0xBD, 0xBB, 0xD2, 0xD7, 0xB5, 0xA5, 0xBA, 0xC5}) { // 交易单号
		t.Fatalf("not GB18030: % x", raw[:8])
	}
	if utf8.Valid(raw) {
		t.Error("GB18030 output should not be valid UTF-8")
	}
	decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(decoded, utf.Bytes()[3:]) {
		t.Errorf("round trip differs:\n%s\n---\n%s", decoded, utf.Bytes()[3:])
	}
	if !bytes.Contains(decoded, []byte("张三𠀀€")) {
		t.Error("cashier name lost in round trip")
	}
}

func TestWriteCSVRejectsUnknownEncoding(t *testing.T) {
	err := WriteCSV(context.Background(), &bytes.Buffer{}, fixture(), Options{Encoding: Encoding(9)})
	if err == nil || !strings.Contains(err.Error(), "encoding") {
		t.Errorf("err = %v", err)
	}
}

func TestExportsStopWhenCancelled(t *testing.T) {
	trades := manyTrades(5000)
	writers := map[string]func(context.Context, *bytes.Buffer, Options) error{
		"csv":  func(ctx context.Context, b *bytes.Buffer, o Options) error { return WriteCSV(ctx, b, trades, o) },
		"xlsx": func(ctx context.Context, b *bytes.Buffer, o Options) error { return WriteXLSX(ctx, b, trades, o) },
	}
	for name, write := range writers {
		ctx, cancel := context.WithCancel(context.Background())
		calls, last := 0, 0
		opts := Options{Progress: func(done, total int) { calls++; last = done; cancel() }}
		err := write(ctx, &bytes.Buffer{}, opts)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v, want context.Canceled", name, err)
		}
		if calls != 1 || last != 0 {
			t.Errorf("%s: progress calls = %d, last = %d; want one report at 0 and no final one", name, calls, last)
		}
	}
}

func TestProgressEndsAtTotal(t *testing.T) {
	trades := manyTrades(3000)
	var got [][2]int
	opts := Options{Progress: func(done, total int) { got = append(got, [2]int{done, total}) }}
	if err := WriteCSV(context.Background(), &bytes.Buffer{}, trades, opts); err != nil {
		t.Fatal(err)
	}
	if len(got) < 2 || got[0] != [2]int{0, 3000} || got[len(got)-1] != [2]int{3000, 3000} {
		t.Errorf("progress = %v", got)
	}
}

func TestProgressThrottle(t *testing.T) {
	clock := time.Unix(0, 0)
	var reports []int
	p := newProgress(func(done, _ int) { reports = append(reports, done) }, 100, func() time.Time { return clock })
	for i := 0; i < 100; i++ {
		p.report(i)
		clock = clock.Add(7 * time.Millisecond) // 700 ms in all: at most 7 reports at 10/s
	}
	p.finish()
	want := []int{0, 15, 30, 45, 60, 75, 90, 100}
	if fmt.Sprint(reports) != fmt.Sprint(want) {
		t.Errorf("reports = %v, want %v", reports, want)
	}
	newProgress(nil, 1, time.Now).finish() // a nil callback is fine
}
