package main

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xiaotongfu/backend/gateway/sybsim"
)

// rig is a simulator on loopback plus the flags that reach it.
type rig struct {
	flags []string
	dir   string
}

func newRig(t *testing.T, signType string) rig {
	t.Helper()
	sc, cc, err := sybsim.PairConfig(signType)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := sybsim.New(sc)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	write(t, dir, "key.pem", cc.PrivateKey)
	write(t, dir, "pub.pem", cc.PlatformPublicKey)
	return rig{dir: dir, flags: []string{"-base", srv.URL + "/apiweb", "-cusid", cc.CusID, "-appid", cc.AppID,
		"-signtype", signType, "-key", filepath.Join(dir, "key.pem"), "-platform-pubkey", filepath.Join(dir, "pub.pem"),
		"-md5key", cc.MD5Key, "-timeout", "2s"}}
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// sybctl runs the command and returns its exit status, stdout and stderr.
func sybctl(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestActionsAndExitCodes(t *testing.T) {
	for _, st := range []string{"RSA", "SM2", "MD5"} {
		r := newRig(t, st)
		with := func(args ...string) []string { return append(append([]string{}, r.flags...), args...) }
		code, out, errOut := sybctl("", with("pay", "reqsn=P1", "trxamt=150", "authcode=134567890123456700")...)
		var fields map[string]string
		if code != exitOK || json.Unmarshal([]byte(out), &fields) != nil || fields["trxstatus"] != "0000" {
			t.Fatalf("%s pay: %d %s %s", st, code, out, errOut)
		}
		steps := []struct {
			args []string
			want int
		}{
			{[]string{"query", "trxid=" + fields["trxid"]}, exitOK},
			{[]string{"refund", "trxamt=50", "oldreqsn=P1"}, exitOK},
			{[]string{"cancel", "trxamt=150", "oldreqsn=P1"}, exitFailed},
			{[]string{"query", "reqsn=nothing"}, exitFailed},
			{[]string{"pay", "trxamt=1", "authcode=134567890123456790"}, exitOK}, // processing
			{[]string{"pay", "trxamt=1", "authcode=134567890123456792"}, exitFailed},
			{[]string{"pay", "trxamt=1", "authcode=134567890123456795"}, exitBadAnswer},
			{[]string{"pay", "trxamt=1", "authcode=134567890123456794"}, exitUnknown},
			{[]string{"pay", "reqsn=P1", "trxamt=150", "authcode=134567890123456700"}, exitUnknown}, // 3888
			{[]string{"close", "oldreqsn=P1"}, exitFailed},
			{[]string{"pay", "trxamt=1.50", "authcode=134567890123456700"}, exitUsage},
			{[]string{"pay", "trxamt=abc", "authcode=134567890123456700"}, exitUsage},
			{[]string{"pay", "amount=1"}, exitUsage},
			{[]string{"pay", "trxamt"}, exitUsage},
			{[]string{"charge"}, exitUsage},
		}
		for _, s := range steps {
			code, out, errOut := sybctl("", with(s.args...)...)
			if code != s.want {
				t.Fatalf("%s %v: exit %d, want %d\n%s%s", st, s.args, code, s.want, out, errOut)
			}
			if code != exitOK && strings.Count(strings.TrimSpace(errOut), "\n") > 1 {
				t.Fatalf("%s %v: error is not short: %q", st, s.args, errOut)
			}
		}
	}
}

func TestConfigErrors(t *testing.T) {
	r := newRig(t, "RSA")
	notKey := write(t, r.dir, "bad.pem", "this is not a key")
	cases := [][]string{
		{"-cusid", "", "pay", "trxamt=1", "authcode=1"},
		{"-key", notKey, "pay", "trxamt=1", "authcode=1"},
		{"-key", filepath.Join(r.dir, "missing.pem"), "query", "reqsn=1"},
		{"-signtype", "DES", "query", "reqsn=1"},
		{"-version", "13", "query", "reqsn=1"},
		{"-nosuchflag"},
		{},
	}
	for _, c := range cases {
		code, _, errOut := sybctl("", append(append([]string{}, r.flags...), c...)...)
		if code != exitUsage || strings.Count(errOut, "\n") != 1 {
			t.Fatalf("%v: exit %d, stderr %q", c, code, errOut)
		}
		if strings.Contains(errOut, "PRIVATE KEY") || strings.Contains(errOut, "MII") {
			t.Fatalf("%v: key material in the error: %q", c, errOut)
		}
	}
	// a wrong merchant key is refused by the simulator: not accepted
	other := newRig(t, "RSA")
	args := append(append([]string{}, r.flags...), "-key", filepath.Join(other.dir, "key.pem"), "query", "reqsn=1")
	if code, _, errOut := sybctl("", args...); code != exitFailed {
		t.Fatalf("wrong key: exit %d %s", code, errOut)
	}
}

// The production RSA callback from docs/allinpay-syb.md §4.3, as a form body.
const prodKey = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCm9OV6zH5DYH/ZnAVYHscEELdCNfNTHGuBv1nYYEY9FrOzE0/4kLl9f7Y9dkWHlc2ocDwbrFSm0Vqz0q2rJPxXUYBCQl5yW3jzuKSXif7q1yOwkFVtJXvuhf5WRy+1X5FOFoMvS7538No0RpnLzmNi3ktmiqmhpcY/1pmt20FHQQIDAQAB"

var prodCallback = map[string]string{"acct": "opn0buDfEKnBBp4v76J4IEa0K8mE", "accttype": "99", "appid": "00231935", "chnlid": "205299480",
	"chnltrxid": "4200001323202204073672239670", "cmid": "495019700", "cusid": "650586057220HNX", "cusorderid": "20220407094954506826",
	"fee": "0", "initamt": "1", "outtrxid": "20220407094954506826", "paytime": "20220407120029",
	"sign":     "RAIbm3m52pWEceMrfRioGkdBXmlzduhmmZsexOFmyVDJydcFcNWhGj1Ag3HlFPqVxVDYj7ClYKIgG8j4C2ljlgfYEkACVbQPlofO0eD45vlJibS+P69hFd6HE9sHNBlkStVyVFmrWsbrkWygWgx6WgCxkQDPSGd5/7m/mxfRMLo=",
	"signtype": "RSA", "termauthno": "OTHERS", "termrefnum": "4200001323202204073672239670", "termtraceno": "0", "trxamt": "1",
	"trxcode": "VSP501", "trxdate": "20220407", "trxid": "220407114419741385", "trxstatus": "0000"}

func TestVerify(t *testing.T) {
	dir := t.TempDir()
	pub := write(t, dir, "prod.pub", prodKey)
	form := url.Values{}
	for k, v := range prodCallback {
		form.Set(k, v)
	}
	code, out, errOut := sybctl(form.Encode(), "-signtype", "RSA", "-platform-pubkey", pub, "verify")
	if code != exitOK || !strings.Contains(out, "220407114419741385") {
		t.Fatalf("production callback: %d %s %s", code, out, errOut)
	}
	form.Set("trxamt", "100")
	if code, _, _ := sybctl(form.Encode(), "-signtype", "RSA", "-platform-pubkey", pub, "verify"); code != exitBadAnswer {
		t.Fatalf("tampered callback: exit %d", code)
	}
	md5 := "acct=ogxuI5L1VTPPIElEb7KfxB28P1VI&appid=00000003&chnlid=205299480&chnltrxid=4200000412201910184984146780&cmid=310851053&cusid=990440148166000&cusorderid=1234567&fee=0&outtrxid=1234567&paytime=20191018102616&sign=807CF5144928FF80BCEEA90F2BD2850C&signtype=MD5&termauthno=CFT&termrefnum=4200000412201910184984146780&termtraceno=0&trxamt=1&trxcode=VSP501&trxdate=20191018&trxid=111994120000975981&trxreserved=%E6%9D%8E%E7%BA%A2%E6%A2%85%E6%B5%8BDd%E8%AF%95%E6%94%AF%E4%BB%98&trxstatus=0000\n"
	if code, _, errOut := sybctl(md5, "-signtype", "MD5", "-md5key", "a0ea3fa20dbd7bb4d5abf1d59d63bae8", "verify"); code != exitOK {
		t.Fatalf("MD5 callback: %d %s", code, errOut)
	}
	if code, _, _ := sybctl(md5, "-signtype", "MD5", "-md5key", "wrong", "verify"); code != exitBadAnswer {
		t.Fatal("MD5 callback verified with a wrong key")
	}
	if code, _, _ := sybctl("", "-signtype", "SM2", "verify"); code != exitUsage {
		t.Fatal("verify without a key file")
	}
	if code, _, _ := sybctl("%zz", "-signtype", "RSA", "-platform-pubkey", pub, "verify"); code != exitBadAnswer {
		t.Fatal("garbage body")
	}
}
