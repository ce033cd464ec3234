package allinpay_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
)

// fakePlatform answers every request with body(); it signs with the key the client trusts.
type fakePlatform struct {
	signer allinpay.Signer
	client *allinpay.Client
	body   func(signed map[string]string) string
}

func newFake(t *testing.T) *fakePlatform {
	t.Helper()
	sc, cc, err := sybsim.PairConfig(allinpay.SignRSA)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakePlatform{}
	f.signer, err = allinpay.NewSigner(allinpay.SignRSA, sc.PlatformKey, allinpay.PlatformUID, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(f.body(f.sign(t, good()))))
	}))
	t.Cleanup(srv.Close)
	cc.BaseURL = srv.URL + "/apiweb"
	if f.client, err = allinpay.New(cc); err != nil {
		t.Fatal(err)
	}
	return f
}

// good is a valid pay response before signing.
func good() map[string]string {
	return map[string]string{
		"retcode": "SUCCESS", "cusid": sybsim.DemoCusID, "appid": sybsim.DemoAppID, "trxid": "260301000000000001",
		"reqsn": "R1", "trxstatus": "0000", "trxamt": "100", "initamt": "100", "fee": "0", "trxcode": "VSP501",
		"randomstr": "abc", "errmsg": "",
	}
}

func (f *fakePlatform) sign(t *testing.T, m map[string]string) map[string]string {
	t.Helper()
	sig, err := f.signer.Sign(m)
	if err != nil {
		t.Fatal(err)
	}
	m["sign"] = sig
	return m
}

func jsonOf(m map[string]string) string {
	b, _ := json.Marshal(m)
	return string(b)
}

func (f *fakePlatform) pay() (*gateway.Result, error) {
	return f.client.Pay(context.Background(), gateway.PayRequest{ReqSN: "R1", Amount: 100, AuthCode: "134567890123456700"})
}

func TestMalformedResponsesAreUnknown(t *testing.T) {
	f := newFake(t)
	cases := map[string]func(map[string]string) string{
		"not JSON":         func(map[string]string) string { return "<html>bad gateway</html>" },
		"empty":            func(map[string]string) string { return "" },
		"array":            func(map[string]string) string { return `["SUCCESS"]` },
		"missing sign":     func(m map[string]string) string { delete(m, "sign"); return jsonOf(m) },
		"empty sign":       func(m map[string]string) string { m["sign"] = ""; return jsonOf(m) },
		"sign not base64":  func(m map[string]string) string { m["sign"] = "!!"; return jsonOf(m) },
		"injected field":   func(m map[string]string) string { m["bonus"] = "1"; return jsonOf(m) },
		"changed status":   func(m map[string]string) string { m["trxstatus"] = "3999"; return jsonOf(m) },
		"truncated":        func(m map[string]string) string { s := jsonOf(m); return s[:len(s)/2] },
		"trailing garbage": func(m map[string]string) string { return jsonOf(m) + "{}" },
		"duplicate key":    func(m map[string]string) string { return strings.Replace(jsonOf(m), "{", `{"trxstatus":"0000",`, 1) },
		"number amount": func(m map[string]string) string {
			return strings.Replace(jsonOf(m), `"trxamt":"100"`, `"trxamt":100`, 1)
		},
		"number status": func(m map[string]string) string {
			return strings.Replace(jsonOf(m), `"trxstatus":"0000"`, `"trxstatus":0`, 1)
		},
		"null value":        func(m map[string]string) string { return strings.Replace(jsonOf(m), `"errmsg":""`, `"errmsg":null`, 1) },
		"nested object":     func(m map[string]string) string { return strings.Replace(jsonOf(m), `"errmsg":""`, `"errmsg":{}`, 1) },
		"SYSTEMERR":         func(map[string]string) string { return `{"retcode":"SYSTEMERR","retmsg":"系统错误"}` },
		"odd retcode":       func(map[string]string) string { return `{"retcode":"MAYBE"}` },
		"no retcode":        func(m map[string]string) string { delete(m, "retcode"); return jsonOf(m) },
		"other merchant":    func(m map[string]string) string { return jsonOf(f.resign(t, m, "cusid", "990000000000002")) },
		"other reqsn":       func(m map[string]string) string { return jsonOf(f.resign(t, m, "reqsn", "R2")) },
		"no trxstatus":      func(m map[string]string) string { return jsonOf(f.resign(t, m, "trxstatus", "")) },
		"amount not digits": func(m map[string]string) string { return jsonOf(f.resign(t, m, "trxamt", "1.00")) },
		// Longer than the ledger's columns (PostgreSQL would refuse the row for ever).
		"long trxid":     func(m map[string]string) string { return jsonOf(f.resign(t, m, "trxid", strings.Repeat("1", 33))) },
		"long trxstatus": func(m map[string]string) string { return jsonOf(f.resign(t, m, "trxstatus", "00000")) },
		"long trxcode":   func(m map[string]string) string { return jsonOf(f.resign(t, m, "trxcode", "VSP5010001")) },
		"long chnltrxid": func(m map[string]string) string { return jsonOf(f.resign(t, m, "chnltrxid", strings.Repeat("4", 65))) },
		"long fintime":   func(m map[string]string) string { return jsonOf(f.resign(t, m, "fintime", "202603011200000")) },
		"fintime letters": func(m map[string]string) string {
			return jsonOf(f.resign(t, m, "fintime", "2026030112000x"))
		},
	}
	for name, body := range cases {
		f.body = body
		r, err := f.pay()
		if r != nil || !gateway.IsUnknown(err) {
			t.Errorf("%s: want unknown, got result %v, error %v", name, r, err)
		}
	}
}

// resign sets k=v and signs again, so only the content (not the signature) is wrong.
func (f *fakePlatform) resign(t *testing.T, m map[string]string, k, v string) map[string]string {
	delete(m, "sign")
	m[k] = v
	return f.sign(t, m)
}

func TestSignedExtraFieldsAreVerified(t *testing.T) {
	f := newFake(t)
	f.body = func(m map[string]string) string {
		delete(m, "sign")
		m["tlopenid"], m["chnldata"], m["trxreserve"] = "o123", `{"a":"b"}`, "备注 & = 100%"
		return jsonOf(f.sign(t, m))
	}
	r, err := f.pay()
	if err != nil || r.State != gateway.StateSuccess || r.Fields["trxreserve"] != "备注 & = 100%" {
		t.Fatalf("signed unknown fields: %v %+v", err, r)
	}
}

func TestNotAcceptedAndHTTPErrors(t *testing.T) {
	f := newFake(t)
	f.body = func(map[string]string) string { return `{"retcode":"FAIL","retmsg":"商户不存在"}` }
	_, err := f.pay()
	var na *gateway.ErrNotAccepted
	if !errors.As(err, &na) || na.RetCode != "FAIL" || na.RetMsg != "商户不存在" {
		t.Fatalf("FAIL: %v", err)
	}
	c, err := allinpay.New(allinpay.Config{BaseURL: "http://127.0.0.1:1/apiweb", CusID: "1", AppID: "1", SignType: "MD5", MD5Key: "k"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Query(context.Background(), gateway.QueryRequest{ReqSN: "x"}); !gateway.IsUnknown(err) {
		t.Fatalf("connection refused: %v", err)
	}
	for _, bad := range []gateway.PayRequest{{}, {ReqSN: "a", Amount: 0, AuthCode: "1"}, {ReqSN: "a", Amount: 1}, {ReqSN: "a", Amount: 1, AuthCode: "1", Remark: "a b"}} {
		_, err := c.Pay(context.Background(), bad)
		if !errors.As(err, &na) || !na.Local {
			t.Fatalf("bad request %+v: %v", bad, err)
		}
	}
}

func TestConfigNeverPrintsKeys(t *testing.T) {
	_, cc, err := sybsim.PairConfig(allinpay.SignSM2)
	if err != nil {
		t.Fatal(err)
	}
	cc.MD5Key = "secret-md5"
	for _, s := range []string{fmt.Sprint(cc), fmt.Sprintf("%+v", cc), fmt.Sprintf("%#v", cc)} {
		if strings.Contains(s, "PRIVATE") || strings.Contains(s, "PUBLIC") || strings.Contains(s, "secret-md5") {
			t.Fatalf("key material printed: %s", s)
		}
	}
	cc.BaseURL = "ftp://x"
	if _, err := allinpay.New(cc); err == nil {
		t.Fatal("ftp base URL accepted")
	}
}

// TestOddStatusIsNotAFailure: a signed 3888 (duplicate reqsn) or an unknown status such as 4000
// comes back as a Result in StateUnknown, never as an *ErrFailed that would free the code.
func TestOddStatusIsNotAFailure(t *testing.T) {
	f := newFake(t)
	for _, status := range []string{"3888", "4000", "3089"} {
		f.body = func(m map[string]string) string { return jsonOf(f.resign(t, m, "trxstatus", status)) }
		r, err := f.pay()
		if _, failed := gateway.AsFailed(err); failed || err != nil || r == nil || r.State != gateway.StateUnknown {
			t.Errorf("trxstatus %s: result %+v, error %v; want StateUnknown and no error", status, r, err)
		}
	}
}
