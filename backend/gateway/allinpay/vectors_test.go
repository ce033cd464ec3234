package allinpay

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/emmansun/gmsm/sm2"
)

// Real vectors from docs/allinpay-syb.md §4 ([V] items). The public keys and samples are public
// data: Allinpay's production RSA platform key (gopay allinpay/cert/cert.go), the official demo's
// SM2 test keys and sample (SmUtil.java), and the public demo merchant's MD5 key.
const (
	prodRSAPlatformKey = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCm9OV6zH5DYH/ZnAVYHscEELdCNfNTHGuBv1nYYEY9FrOzE0/4kLl9f7Y9dkWHlc2ocDwbrFSm0Vqz0q2rJPxXUYBCQl5yW3jzuKSXif7q1yOwkFVtJXvuhf5WRy+1X5FOFoMvS7538No0RpnLzmNi3ktmiqmhpcY/1pmt20FHQQIDAQAB"
	testRSAPlatformKey = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDYXfu4b7xgDSmEGQpQ8Sn3RzFgl5CE4gL4TbYrND4FtCYOrvbgLijkdFgIrVVWi2hUW4K0PwBsmlYhXcbR+JSmqv9zviVXZiym0lK3glJGVCN86r9EPvNTusZZPm40TOEKMVENSYaUjCxZ7JzeZDfQ4WCeQQr2xirqn6LdJjpZ5wIDAQAB"
	// prodRSACallback is a real 2022 production callback (JSON as logged by a PHP notify handler).
	prodRSACallback = `{"acct":"opn0buDfEKnBBp4v76J4IEa0K8mE","accttype":"99","appid":"00231935","chnlid":"205299480","chnltrxid":"4200001323202204073672239670","cmid":"495019700","cusid":"650586057220HNX","cusorderid":"20220407094954506826","fee":"0","initamt":"1","outtrxid":"20220407094954506826","paytime":"20220407120029","sign":"RAIbm3m52pWEceMrfRioGkdBXmlzduhmmZsexOFmyVDJydcFcNWhGj1Ag3HlFPqVxVDYj7ClYKIgG8j4C2ljlgfYEkACVbQPlofO0eD45vlJibS+P69hFd6HE9sHNBlkStVyVFmrWsbrkWygWgx6WgCxkQDPSGd5\/7m\/mxfRMLo=","signtype":"RSA","termauthno":"OTHERS","termrefnum":"4200001323202204073672239670","termtraceno":"0","trxamt":"1","trxcode":"VSP501","trxdate":"20220407","trxid":"220407114419741385","trxstatus":"0000"}`

	demoMD5Key = "a0ea3fa20dbd7bb4d5abf1d59d63bae8"
	// demoMD5Callback is a real MD5 callback body (form-encoded, Chinese trxreserved).
	demoMD5Callback = "acct=ogxuI5L1VTPPIElEb7KfxB28P1VI&appid=00000003&chnlid=205299480&chnltrxid=4200000412201910184984146780&cmid=310851053&cusid=990440148166000&cusorderid=1234567&fee=0&outtrxid=1234567&paytime=20191018102616&sign=807CF5144928FF80BCEEA90F2BD2850C&signtype=MD5&termauthno=CFT&termrefnum=4200000412201910184984146780&termtraceno=0&trxamt=1&trxcode=VSP501&trxdate=20191018&trxid=111994120000975981&trxreserved=%E6%9D%8E%E7%BA%A2%E6%A2%85%E6%B5%8BDd%E8%AF%95%E6%94%AF%E4%BB%98&trxstatus=0000"

	demoSM2PlatformKey = "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE/BnA8BawehBtH0ksPyayo4pmzL/u1FQ2sZcqwOp6bjVqQX4tjo930QAvHZPJ2eez8sCz/RYghcqv4LvMq+kloQ=="
	demoSM2Sample      = "返回待验签数据"
	demoSM2SampleSig   = "AovBKQGUe0xuJ0ox7FgIIX+yB3DzbudgUsnNvJmDV0IdHZtU2Y8vdeUY1pd2vmPUf08hNgdkoz+4WP/D/ktOcA=="
	demoSM2MerchantKey = "MIGTAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBHkwdwIBAQQgjj4Rk+b0YjwO+UwXofnHf4bK+kaaY5Btkd8nMP2VimmgCgYIKoEcz1UBgi2hRANCAAQqlALW4qGC3bP1x3wo5QsKxaCMEZJ2ODTTwOQ+d8UGU7GoK/y/WMBQWf5upMnFU06p5FxGooXYYoBtldgm03hq"
	demoSM2MerchantPub = "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEKpQC1uKhgt2z9cd8KOULCsWgjBGSdjg008DkPnfFBlOxqCv8v1jAUFn+bqTJxVNOqeRcRqKF2GKAbZXYJtN4ag=="
)

func mustPub(t *testing.T, s string) any {
	t.Helper()
	k, err := ParsePublicKey([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestProductionRSACallback(t *testing.T) {
	fields, err := DecodeResponse([]byte(prodRSACallback))
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(SignRSA, mustPub(t, prodRSAPlatformKey), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Verify(fields); err != nil {
		t.Fatalf("production callback does not verify: %v", err)
	}
	noType := map[string]string{}
	for k, val := range fields {
		noType[k] = val
	}
	delete(noType, "signtype")
	if err := v.Verify(noType); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("verified without signtype: %v", err)
	}
	other, _ := NewVerifier(SignRSA, mustPub(t, testRSAPlatformKey), "", "")
	if err := other.Verify(fields); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("verified with the test key: %v", err)
	}
	fields["trxamt"] = "2"
	if err := v.Verify(fields); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("verified a changed amount: %v", err)
	}
}

func TestMD5Vectors(t *testing.T) {
	h5 := map[string]string{
		"appid": "00000003", "body": "谭光", "charset": "utf-8", "cusid": "990440148166000",
		"notify_url": "www.baidu.com", "randomstr": "1556029318959", "reqsn": "shlh110222",
		"returl": "www.baidu.com", "trxamt": "1", "version": "12",
	}
	s, err := NewSigner(SignMD5, nil, "", demoMD5Key)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Sign(h5)
	if err != nil || got != "CD4312D1829019EC41B59A0A354272C6" {
		t.Fatalf("H5 sample: got %q, %v", got, err)
	}
	v, _ := NewVerifier(SignMD5, nil, "", demoMD5Key)
	fields, err := VerifyNotify(v, SignMD5, []byte(demoMD5Callback))
	if err != nil {
		t.Fatalf("MD5 callback: %v", err)
	}
	if fields["trxreserved"] != "李红梅测Dd试支付" {
		t.Fatalf("trxreserved not URL-decoded: %q", fields["trxreserved"])
	}
	fields["sign"] = strings.ToLower(fields["sign"])
	if err := v.Verify(fields); err != nil {
		t.Fatalf("lowercase hex must verify: %v", err)
	}
	tampered := strings.Replace(demoMD5Callback, "trxamt=1", "trxamt=100", 1)
	if _, err := VerifyNotify(v, SignMD5, []byte(tampered)); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("tampered callback verified: %v", err)
	}
}

func TestSM2DemoSample(t *testing.T) {
	pub := mustPub(t, demoSM2PlatformKey).(*ecdsa.PublicKey)
	sig, _ := base64.StdEncoding.DecodeString(demoSM2SampleSig)
	if !verifySM2(pub, []byte(PlatformUID), []byte(demoSM2Sample), sig) {
		t.Fatal("demo SM2 sample does not verify with uid Allinpay")
	}
	for _, uid := range []string{"1234567812345678", "00000156"} {
		if verifySM2(pub, []byte(uid), []byte(demoSM2Sample), sig) {
			t.Fatalf("demo SM2 sample verified with uid %q", uid)
		}
	}
}

func TestSM2DemoMerchantKey(t *testing.T) {
	priv, err := ParsePrivateKey([]byte(demoSM2MerchantKey))
	if err != nil {
		t.Fatal(err)
	}
	pub := mustPub(t, demoSM2MerchantPub).(*ecdsa.PublicKey)
	if !priv.(*sm2.PrivateKey).PublicKey.Equal(pub) {
		t.Fatal("derived public key differs from the demo's published merchant key")
	}
	s, _ := NewSigner(SignSM2, priv, "00000156", "")
	fields := map[string]string{"appid": "00000156", "cusid": "990581007426001", "trxid": "1", "signtype": "SM2", "randomstr": "82712208"}
	sig, err := s.Sign(fields)
	if err != nil {
		t.Fatal(err)
	}
	if raw, _ := base64.StdEncoding.DecodeString(sig); len(raw) != 64 {
		t.Fatalf("SM2 signature is %d bytes, want raw 64", len(raw))
	}
	fields["sign"] = sig
	good, _ := NewVerifier(SignSM2, pub, "00000156", "")
	if err := good.Verify(fields); err != nil {
		t.Fatal(err)
	}
	wrongID, _ := NewVerifier(SignSM2, pub, PlatformUID, "")
	if err := wrongID.Verify(fields); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("verified with the wrong signer ID: %v", err)
	}
}

func TestCanonicalDocExample(t *testing.T) {
	fields := map[string]string{
		"version": "11", "trxid": "112094120001088317", "signtype": "RSA", "randomstr": "82712208",
		"cusid": "990581007426001", "appid": "00000051", "sign": "x", "orgid": "",
	}
	want := "appid=00000051&cusid=990581007426001&randomstr=82712208&signtype=RSA&trxid=112094120001088317&version=11"
	if got := Canonical(fields); got != want {
		t.Fatalf("canonical\n got %s\nwant %s", got, want)
	}
}

func TestKeyErrors(t *testing.T) {
	cases := map[string]string{
		"empty":       "",
		"garbage":     "not a key at all!",
		"base64 junk": "aGVsbG8gd29ybGQ=",
		"public":      prodRSAPlatformKey,
		"pkcs1 pem":   "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n",
		"broken pem":  "-----BEGIN PRIVATE KEY-----\nMIIB",
	}
	for name, in := range cases {
		_, err := ParsePrivateKey([]byte(in))
		if err == nil {
			t.Fatalf("%s: accepted as a private key", name)
		}
		if in != "" && strings.Contains(err.Error(), in) {
			t.Fatalf("%s: error echoes the input", name)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("%s: error is not one line: %q", name, err)
		}
	}
	if _, err := ParsePublicKey([]byte(demoSM2MerchantKey)); err == nil {
		t.Fatal("a private key was accepted as a public key")
	}
	if k, err := ParsePublicKey([]byte(prodRSAPlatformKey)); err != nil || k.(*rsa.PublicKey).N.BitLen() != 1024 {
		t.Fatalf("production key: %v", err)
	}
}
