package allinpay

import (
	"encoding/base64"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// openssl runs the openssl command in dir and returns its stdout.
func openssl(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("openssl", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("openssl %v: %v %s", args, err, stderr)
	}
	return out
}

func needOpenSSL(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl binary not found on PATH; the cross-check needs it")
	}
}

// crossFields is a request with Chinese text and characters that URL-encoding would change.
func crossFields(signType string) map[string]string {
	return map[string]string{
		"appid": "00000051", "cusid": "990581007426001", "reqsn": "X-1", "trxamt": "1", "signtype": signType,
		"body": "测试 商品&=", "randomstr": "82712208", "terminfo": `{"devicetype":"11","termno":"00000001"}`,
		"remark": "", "version": "11",
	}
}

// TestOpenSSLCrossCheck generates keys with openssl, signs with openssl and verifies here,
// then signs here and verifies with openssl, for RSA, SM2 and MD5.
func TestOpenSSLCrossCheck(t *testing.T) {
	needOpenSSL(t)
	dir := t.TempDir()
	for _, c := range []struct{ st, genAlg, digest, uid string }{
		{SignRSA, "RSA", "-sha1", ""},
		{SignSM2, "SM2", "-sm3", "00000051"},
	} {
		t.Run(c.st, func(t *testing.T) { crossCheck(t, dir, c.st, c.genAlg, c.digest, c.uid) })
	}
	t.Run(SignMD5, func(t *testing.T) {
		fields := crossFields(SignMD5)
		msg, _ := appendCanonical(nil, fields, "allinpay888", true)
		writeFile(t, dir, "md5msg", string(msg))
		out := strings.Fields(string(openssl(t, dir, "dgst", "-md5", "-r", "md5msg")))[0]
		s, _ := NewSigner(SignMD5, nil, "", "allinpay888")
		got, _ := s.Sign(fields)
		if _, err := hex.DecodeString(out); err != nil || strings.ToUpper(out) != got {
			t.Fatalf("openssl md5 %s, ours %s", out, got)
		}
		if !strings.Contains(string(msg), "&key=allinpay888&") {
			t.Fatalf("key is not in sorted position: %s", msg)
		}
	})
}

func readFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// crossCheck has openssl sign what we verify and verify what we sign, with a key openssl made.
func crossCheck(t *testing.T, dir, st, genAlg, digest, uid string) {
	args := []string{"genpkey", "-algorithm", genAlg, "-out", "k.pem"}
	if genAlg == "RSA" {
		args = append(args, "-pkeyopt", "rsa_keygen_bits:2048")
	}
	openssl(t, dir, args...)
	openssl(t, dir, "pkey", "-in", "k.pem", "-pubout", "-out", "p.pem")
	priv, err := ParsePrivateKey(readFile(t, dir, "k.pem"))
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ParsePublicKey(readFile(t, dir, "p.pem"))
	if err != nil {
		t.Fatal(err)
	}
	fields := crossFields(st)
	writeFile(t, dir, "msg", Canonical(fields))
	sigopt := []string{}
	if uid != "" {
		sigopt = []string{"-sigopt", "distid:" + uid}
	}
	// openssl signs, we verify
	osig := openssl(t, dir, append(append([]string{"dgst", digest, "-sign", "k.pem"}, sigopt...), "msg")...)
	if st == SignSM2 {
		if osig, err = derToRaw(osig); err != nil {
			t.Fatal(err)
		}
	}
	fields["sign"] = base64.StdEncoding.EncodeToString(osig)
	v, _ := NewVerifier(st, pub, uid, "")
	if err := v.Verify(fields); err != nil {
		t.Fatalf("openssl signature does not verify here: %v", err)
	}
	// we sign, openssl verifies
	s, _ := NewSigner(st, priv, uid, "")
	sig, err := s.Sign(fields)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.StdEncoding.DecodeString(sig)
	if st == SignSM2 {
		raw = rawToDER(raw)
	}
	writeFile(t, dir, "sig", string(raw))
	out := openssl(t, dir, append(append([]string{"dgst", digest, "-verify", "p.pem", "-signature", "sig"}, sigopt...), "msg")...)
	if !strings.Contains(string(out), "Verified OK") {
		t.Fatalf("openssl: %s", out)
	}
}
