package allinpay_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xiaotongfu/backend/gateway/allinpay"
)

// zipOf packs files (name → raw bytes) into a ZIP.
func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// phpLayout is the column order of the public PHP parser (docs/reconciliation.md), with
// 交易流水号 in its unused column and no status column.
const phpHeader = "商户号,门店名称,终端号,交易时间,交易类型,交易批次号,凭证号,参考号,卡号,卡类别,发卡行机构代码,发卡行名称,交易金额,手续费,交易日期,交易流水号,订单号,商户备注,对接应用号\r\n"

// TestParseStatementGBK reads a GBK CSV in a ZIP: yuan amounts, a reversal with a negative
// amount, spreadsheet quoting, a title line before the header and a summary line after.
func TestParseStatementGBK(t *testing.T) {
	csv := "收银宝交易明细,20261203\r\n" + phpHeader +
		"990000000000001,测试门店,00000001,2026-12-03 10:11:12,VSP501,,,,,,,,12.34,0.07,2026-12-03,`261203000000000001,=\"XTF0001\",备注,00000099\r\n" +
		"990000000000001,测试门店,00000001,10:20:00,支付宝退货,,,,,,,,-1.5,0,2026-12-03,261203000000000002,XTF0002,,00000099\r\n" +
		"\r\n合计,2笔,,,,,,,,,,,10.84\r\n"
	rows, err := allinpay.ParseStatement(zipOf(t, map[string][]byte{"a.csv": gbk(t, csv)}))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("want 2 rows, got %+v", rows)
	}
	r := rows[0]
	if r.ReqSN != "XTF0001" || r.TrxID != "261203000000000001" || r.Amount != 1234 || r.Fee != 7 ||
		r.Status != "0000" || r.Kind != "pay" || r.TrxCode != "VSP501" || r.Time != "20261203101112" || r.Line != 3 {
		t.Fatalf("row 1: %+v", r)
	}
	r = rows[1]
	if r.Amount != 150 || r.Kind != "refund" || r.Time != "20261203102000" {
		t.Fatalf("row 2: %+v", r)
	}
}

// TestParseStatementFenAndStatus reads a UTF-8 (BOM) file with a fen column and a status column.
func TestParseStatementFenAndStatus(t *testing.T) {
	csv := "\xef\xbb\xbftrxid,reqsn,trxamt,trxstatus,trxcode,fintime\n1,A,100,0000,VSP502,20261203010203\n2,B,5,3999,VSP511,\n"
	rows, err := allinpay.ParseStatement(zipOf(t, map[string][]byte{"x.csv": []byte(csv)}))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Kind != "cancel" || !rows[0].Settled() || rows[1].Settled() || rows[1].Amount != 5 {
		t.Fatalf("got %+v", rows)
	}
}

// TestParseStatementMalformed refuses every file it cannot read in full, naming the reason.
func TestParseStatementMalformed(t *testing.T) {
	good := "990,店,1,2026-12-03 10:11:12,VSP501,,,,,,,,1.00,0,2026-12-03,1,A,,9\r\n"
	cases := map[string]struct {
		zip  []byte
		want string
	}{
		"not a zip":       {[]byte("PK garbage"), "not a ZIP"},
		"empty zip":       {zipOf(t, nil), "no file"},
		"no header":       {zipOf(t, map[string][]byte{"a.csv": gbk(t, "a,b,c\r\n1,2,3\r\n")}), "no header"},
		"bad amount":      {zipOf(t, map[string][]byte{"a.csv": gbk(t, phpHeader+good+strings.Replace(good, "1.00", "1.2.3", 1))}), "line 3"},
		"three decimals":  {zipOf(t, map[string][]byte{"a.csv": gbk(t, phpHeader+strings.Replace(good, "1.00", "1.001", 1))}), "交易金额"},
		"short line":      {zipOf(t, map[string][]byte{"a.csv": gbk(t, phpHeader+good+"990,店,1\r\n")}), "line 3"},
		"no order number": {zipOf(t, map[string][]byte{"a.csv": gbk(t, phpHeader+strings.Replace(good, ",1,A,", ",,,", 1))}), "neither"},
		"bad utf8 bom":    {zipOf(t, map[string][]byte{"a.csv": []byte("\xef\xbb\xbf订单号,交易金额\n\xff,1\n")}), "not UTF-8"},
		"bad second file": {zipOf(t, map[string][]byte{"a.csv": gbk(t, phpHeader+good), "b.csv": gbk(t, "nothing")}), "no header"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			rows, err := allinpay.ParseStatement(c.zip)
			if !errors.Is(err, allinpay.ErrStatement) || !strings.Contains(err.Error(), c.want) || rows != nil {
				t.Fatalf("want ErrStatement with %q, got rows %v err %v", c.want, rows, err)
			}
		})
	}
}
