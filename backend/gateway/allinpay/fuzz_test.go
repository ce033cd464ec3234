package allinpay

import (
	"errors"
	"maps"
	"strings"
	"testing"
)

// FuzzCanonical checks the canonical string and the sign/verify path on arbitrary fields:
// the string parses back to exactly the signed fields in byte order, a signature always
// verifies, and changing any signed value breaks it.
func FuzzCanonical(f *testing.F) {
	f.Add("trxamt", "1", "body", "测试 商品", "MD5")
	f.Add("sign", "x", "empty", "", "MD5")
	f.Add("a", "b&c=d", "a=", "1", "RSA")
	f.Add("key", "v", "signtype", "MD5", "MD5")
	md5s := md5Scheme("allinpay888")
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2, st string) {
		fields := map[string]string{k1: v1, k2: v2, "appid": "00000051", "signtype": st}
		c := Canonical(fields)
		if !strings.ContainsAny(k1+k2, "=&") && !strings.ContainsAny(v1+v2+st, "&") {
			checkParsesBack(t, c, fields)
		}
		sig, err := md5s.Sign(fields)
		if _, has := fields["key"]; has {
			if !errors.Is(err, errReservedKey) {
				t.Fatalf("a field named key was signed: %v", err)
			}
			return
		}
		signed := maps.Clone(fields)
		signed["sign"] = sig
		if err := md5s.Verify(signed); err != nil {
			t.Fatalf("round trip failed: %v (canonical %q)", err, c)
		}
		for k, v := range signed {
			if k == "sign" || v == "" {
				continue
			}
			tampered := maps.Clone(signed)
			tampered[k] = v + "x"
			if md5s.Verify(tampered) == nil {
				t.Fatalf("changing %q still verifies", k)
			}
		}
	})
}

// checkParsesBack splits a canonical string and compares it with the fields it came from.
func checkParsesBack(t *testing.T, c string, fields map[string]string) {
	t.Helper()
	want := map[string]string{}
	for k, v := range fields {
		if k != "sign" && v != "" {
			want[k] = v
		}
	}
	got := map[string]string{}
	prev := ""
	for i, pair := range strings.Split(c, "&") {
		k, v, ok := strings.Cut(pair, "=")
		if !ok || (i > 0 && k <= prev) {
			t.Fatalf("canonical %q: pair %q out of order or without =", c, pair)
		}
		prev, got[k] = k, v
	}
	if !maps.Equal(got, want) {
		t.Fatalf("canonical %q parses to %v, want %v", c, got, want)
	}
}

// FuzzAcceptResponse feeds arbitrary bodies to the response path (decode, retcode, verify,
// result). It must never panic, and anything accepted must carry a valid signature.
func FuzzAcceptResponse(f *testing.F) {
	c, err := New(Config{BaseURL: "http://127.0.0.1/apiweb", CusID: "990000000000001", AppID: "00000099", SignType: SignMD5, MD5Key: "k"})
	if err != nil {
		f.Fatal(err)
	}
	ok := map[string]string{"retcode": "SUCCESS", "trxstatus": "0000", "trxamt": "100", "reqsn": "R1", "appid": "00000099"}
	ok["sign"], _ = md5Scheme("k").Sign(ok)
	f.Add([]byte(`{"retcode":"SUCCESS","trxstatus":"0000","trxamt":"100","reqsn":"R1","appid":"00000099","sign":"` + ok["sign"] + `"}`))
	f.Add([]byte(`{"retcode":"FAIL","retmsg":"x"}`))
	f.Add([]byte(`{"retcode":"SUCCESS","trxamt":100}`))
	f.Add([]byte(`{"a":"\u00e9\ud800"`))
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := c.accept(body)
		if err != nil {
			return
		}
		if md5Scheme("k").Verify(got) != nil {
			t.Fatalf("accepted an unverified body %q", body)
		}
		_, _ = toResult("pay", got, map[string]string{"reqsn": "R1"})
	})
}
