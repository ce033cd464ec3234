package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/platform/httpapi"
)

// selfSigned writes a certificate for 127.0.0.1 and its key (mode 0600) into dir and
// returns their paths and a pool trusting the certificate.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "xtfd test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile = writeFile(t, dir, "cert.pem", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})))
	keyFile = writeFile(t, dir, "key.pem", string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kb})))
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

// TestServeRefusesPlainHTTPOffLoopback: plain HTTP on a non-loopback address needs
// -insecure-http; with a certificate it is HTTPS.
func TestServeRefusesPlainHTTPOffLoopback(t *testing.T) {
	for _, listen := range []string{"0.0.0.0:8080", ":8080", "192.0.2.1:8080", "[::]:8080"} {
		if _, err := parseServe([]string{"-listen", listen}, io.Discard); err == nil || !strings.Contains(err.Error(), "-insecure-http") {
			t.Errorf("-listen %s: %v; want a refusal naming -insecure-http", listen, err)
		}
		if _, err := parseServe([]string{"-listen", listen, "-insecure-http"}, io.Discard); err != nil {
			t.Errorf("-listen %s -insecure-http: %v", listen, err)
		}
		if _, err := parseServe([]string{"-listen", listen, "-tls-cert", "c", "-tls-key", "k"}, io.Discard); err != nil {
			t.Errorf("-listen %s with TLS: %v", listen, err)
		}
	}
	for _, listen := range []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080"} {
		if _, err := parseServe([]string{"-listen", listen}, io.Discard); err != nil {
			t.Errorf("-listen %s: %v", listen, err)
		}
	}
}

// TestServeTLS: with -tls-cert and -tls-key xtfd answers HTTPS (TLS 1.2 or later) and not
// plain HTTP; a key file others can read is refused.
func TestServeTLS(t *testing.T) {
	dir := t.TempDir()
	cert, key, pool := selfSigned(t, dir)
	addr, _, _ := startServe(t, "-db", filepath.Join(dir, "xtfd.db"), "-tls-cert", cert, "-tls-key", key)
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MaxVersion: tls.VersionTLS11}}}
	if _, err := hc.Get("https://" + addr + "/healthz"); err == nil {
		t.Fatal("TLS 1.1 was accepted")
	}
	hc = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := hc.Get("https://" + addr + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("https healthz: %v", err)
	}
	resp.Body.Close()
	if resp, err := http.Get("http://" + addr + "/healthz"); err == nil && resp.StatusCode == http.StatusOK {
		t.Fatal("plain HTTP answered on the TLS port")
	}
	if runtime.GOOS != "windows" {
		os.Chmod(key, 0o644)
		code, _, errs := runCmd(t, "serve", "-db", filepath.Join(dir, "xtfd.db"), "-listen", "127.0.0.1:0", "-tls-cert", cert, "-tls-key", key)
		if code != 1 || !strings.Contains(errs, "readable by others") {
			t.Fatalf("world-readable TLS key: exit %d, %q", code, errs)
		}
	}
}

// TestServeFilesArePrivate: the database, the server secret and the SMS outbox are 0600
// (an outbox created 0644 earlier is tightened); a world-readable MD5 key file is refused.
func TestServeFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix file modes; on Windows the user's profile ACL protects the data dir")
	}
	dir := t.TempDir()
	db, smsLog := filepath.Join(dir, "xtfd.db"), filepath.Join(dir, "sms.log")
	if err := os.WriteFile(smsLog, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stop := startServe(t, "-db", db, "-sms", "console", "-sms-log", smsLog)
	stop()
	for _, p := range []string{db, db + ".secret", smsLog} {
		st, err := os.Stat(p)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v; want mode 0600", p, st.Mode().Perm(), err)
		}
	}
	md5 := writeFile(t, dir, "md5.key", "0123456789abcdef0123456789abcdef")
	os.Chmod(md5, 0o640)
	code, _, errs := runCmd(t, "serve", "-db", db, "-listen", "127.0.0.1:0", "-gateway", "allinpay",
		"-allinpay-sign", allinpay.SignMD5, "-allinpay-md5key", md5)
	if code != 1 || !strings.Contains(errs, "readable by others") {
		t.Fatalf("group-readable MD5 key: exit %d, %q", code, errs)
	}
	os.Chmod(db+".secret", 0o644)
	code, _, errs = runCmd(t, "serve", "-db", db, "-listen", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errs, "readable by others") {
		t.Fatalf("world-readable secret: exit %d, %q", code, errs)
	}
}

// TestConsoleSMSLogMasked: without -demo the server log has the phone masked and no code;
// with -demo both show. The outbox file is closed at shutdown (removable on Windows too).
func TestConsoleSMSLogMasked(t *testing.T) {
	reCode := regexp.MustCompile(`[0-9]{6}`)
	for _, demo := range []bool{false, true} {
		dir := t.TempDir()
		db, smsLog := filepath.Join(dir, "xtfd.db"), filepath.Join(dir, "sms.log")
		seedMerchant(t, db)
		args := []string{"-db", db, "-sms", "console", "-sms-log", smsLog}
		if demo {
			args = append(args, "-demo")
		}
		addr, logs, stop := startServe(t, args...)
		api := httpapi.NewClient("http://"+addr, nil)
		if _, err := api.RequestInitCode(context.Background(), testMerchant); err != nil {
			t.Fatal(err)
		}
		code := smsLogCode(t, smsLog)()
		stop()
		line := smsLine(logs.String())
		hasPhone, hasCode := strings.Contains(line, testPhone), strings.Contains(line, code) || reCode.MatchString(line)
		if hasPhone != demo || hasCode != demo {
			t.Errorf("-demo=%v: log line %q", demo, line)
		}
		if err := os.Remove(smsLog); err != nil {
			t.Errorf("outbox still open after shutdown: %v", err)
		}
		if runtime.GOOS == "linux" && openHere(smsLog) {
			t.Errorf("outbox %s is still open after shutdown", smsLog)
		}
	}
}

const testMerchant, testPhone = "123456789012345", "13800138000"

// seedMerchant registers testMerchant and one store in db with the operator commands.
func seedMerchant(t *testing.T, db string) {
	t.Helper()
	if code, _, errs := runCmd(t, "merchant", "add", "-db", db, "-no", testMerchant, "-name", "小店", "-phone", testPhone); code != 0 {
		t.Fatalf("merchant add: %d %s", code, errs)
	}
	if code, _, errs := runCmd(t, "store", "add", "-db", db, "-merchant", testMerchant, "-name", "一号店"); code != 0 {
		t.Fatalf("store add: %d %s", code, errs)
	}
}

// smsLine is the console SMS line of a server log.
func smsLine(logs string) string {
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, "sms (console)") {
			return l
		}
	}
	return ""
}

// openHere reports whether this process holds a file descriptor on path (Linux /proc).
func openHere(path string) bool {
	fds, _ := os.ReadDir("/proc/self/fd")
	for _, fd := range fds {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.HasPrefix(target, path) {
			return true
		}
	}
	return false
}

// TestTerminalRevokeCommand: `xtfd terminal revoke` stops a terminal: after it its token is
// refused; an unknown terminal is a one-line error and exit 1.
func TestTerminalRevokeCommand(t *testing.T) {
	dir := t.TempDir()
	db, smsLog := filepath.Join(dir, "xtfd.db"), filepath.Join(dir, "sms.log")
	seedMerchant(t, db)
	addr, _, stop := startServe(t, "-db", db, "-sms", "console", "-sms-log", smsLog)
	api := httpapi.NewClient("http://"+addr, nil)
	creds := initAndLogin(t, api, testMerchant, smsLogCode(t, smsLog))
	info, err := api.Terminal(context.Background(), creds)
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if code, out, errs := runCmd(t, "terminal", "revoke", "-db", db, "-merchant", testMerchant, "-term", info.TermNo); code != 0 || !strings.Contains(out, "revoked") {
		t.Fatalf("revoke: %d %q %q", code, out, errs)
	}
	if code, _, errs := runCmd(t, "terminal", "revoke", "-db", db, "-merchant", testMerchant, "-term", info.TermNo); code != 1 || !strings.Contains(errs, "not_found") {
		t.Fatalf("revoke again: %d %q", code, errs)
	}
	addr, _, _ = startServe(t, "-db", db)
	_, err = httpapi.NewClient("http://"+addr, nil).Terminal(context.Background(), creds)
	if err == nil || !strings.Contains(err.Error(), "unauthenticated") {
		t.Fatalf("revoked terminal: %v", err)
	}
}

// TestServeTrustedProxy: with -trusted-proxy 127.0.0.1 the audit records the client named
// by the proxy's X-Forwarded-For; a bad address is refused at start.
func TestServeTrustedProxy(t *testing.T) {
	if _, err := parseServe([]string{"-trusted-proxy", "proxy.example"}, io.Discard); err == nil {
		t.Fatal("-trusted-proxy accepted a host name")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "xtfd.db")
	addr, logs, stop := startServe(t, "-db", db, "-trusted-proxy", "127.0.0.1")
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/api/v1/login", strings.NewReader(`{"account":"01","password":"x"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(httpapi.HeaderTerminal, "forged")
	req.Header.Set("X-Forwarded-For", "203.0.113.7")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	stop()
	if !strings.Contains(logs.String(), "client=203.0.113.7") {
		t.Fatalf("the access log does not name the proxied client:\n%s", logs.String())
	}
}
