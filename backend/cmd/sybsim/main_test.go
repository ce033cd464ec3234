package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
)

func TestSetupBadInput(t *testing.T) {
	dir := t.TempDir()
	notKey := filepath.Join(dir, "notkey.pem")
	os.WriteFile(notKey, []byte("hello"), 0o600)
	cases := map[string][]string{
		"sign type":     {"-signtype", "DES"},
		"unknown flag":  {"-port", "1"},
		"missing file":  {"-platform-key", filepath.Join(dir, "nope.pem")},
		"not a key":     {"-platform-key", notKey},
		"pub not a key": {"-signtype", "SM2", "-merchant-pubkey", notKey, "-keydir", dir},
		"stray arg":     {"extra"},
		"MD5 not a key": {"-signtype", "MD5", "-platform-key", notKey, "-keydir", dir},
		"MD5 pub":       {"-signtype", "MD5", "-merchant-pubkey", notKey, "-keydir", dir},
		"MD5 missing":   {"-signtype", "MD5", "-platform-key", filepath.Join(dir, "nope.pem"), "-keydir", dir},
	}
	for name, args := range cases {
		_, _, err := setup(args, &bytes.Buffer{})
		if err == nil || strings.Contains(err.Error(), "\n") {
			t.Fatalf("%s: want a one-line error, got %v", name, err)
		}
	}
	var help bytes.Buffer
	if _, _, err := setup([]string{"-h"}, &help); !errors.Is(err, flag.ErrHelp) || !strings.Contains(help.String(), "-signtype") {
		t.Fatalf("-h: %v %q", err, help.String())
	}
	if cfg, _, err := setup([]string{"-signtype", "MD5", "-state", "bank.json"}, &bytes.Buffer{}); err != nil || cfg.StateFile != "bank.json" {
		t.Fatalf("-state: %+v, %v", cfg.StateFile, err)
	}
}

// TestGeneratedKeysDriveAClient starts the simulator from setup with generated keys and pays
// through a client built from the written PEM files, as a technician would.
func TestGeneratedKeysDriveAClient(t *testing.T) {
	for _, st := range []string{"RSA", "SM2", "MD5"} {
		dir := t.TempDir()
		var out bytes.Buffer
		cfg, addr, err := setup([]string{"-signtype", st, "-keydir", dir, "-addr", "127.0.0.1:0"}, &out)
		if err != nil || addr != "127.0.0.1:0" {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), dir) {
			t.Fatalf("%s: does not say where keys went: %q", st, out.String())
		}
		sim, err := sybsim.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(sim)
		defer srv.Close()
		cc := allinpay.Config{BaseURL: srv.URL + "/apiweb", CusID: cfg.CusID, AppID: cfg.AppID, SignType: st}
		if st == "MD5" {
			b, _ := os.ReadFile(filepath.Join(dir, "md5key.txt"))
			cc.MD5Key = strings.TrimSpace(string(b))
		} else {
			priv, _ := os.ReadFile(filepath.Join(dir, "merchant-private.pem"))
			pub, _ := os.ReadFile(filepath.Join(dir, "platform-public.pem"))
			cc.PrivateKey, cc.PlatformPublicKey = string(priv), string(pub)
		}
		c, err := allinpay.New(cc)
		if err != nil {
			t.Fatal(err)
		}
		r, err := c.Pay(context.Background(), gateway.PayRequest{ReqSN: "S1", Amount: 5, AuthCode: "134567890123456700"})
		if err != nil || r.State != gateway.StateSuccess {
			t.Fatalf("%s: %v", st, err)
		}
		// the same files given back as flags load again
		if st != "MD5" {
			_, _, err := setup([]string{"-signtype", st, "-platform-key", filepath.Join(dir, "platform-private.pem"),
				"-merchant-pubkey", filepath.Join(dir, "merchant-public.pem")}, &out)
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestStartPrintsAddressOnlyWhenListening: the "… on http://" line comes once the listener is
// up, with the port it got; a bad address or a non-key file exits non-zero with one line on
// stderr and no address line.
func TestStartPrintsAddressOnlyWhenListening(t *testing.T) {
	dir := t.TempDir()
	notKey := filepath.Join(dir, "notkey.pem")
	if err := os.WriteFile(notKey, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	logErr := func(err error) { t.Errorf("serve: %v", err) }
	bad := map[string][]string{
		"bad addr":    {"-signtype", "MD5", "-keydir", dir, "-addr", "127.0.0.1:99999"},
		"MD5 not key": {"-signtype", "MD5", "-platform-key", notKey, "-keydir", dir, "-addr", "127.0.0.1:0"},
	}
	for name, args := range bad {
		var out, errOut bytes.Buffer
		stop, code := start(args, &out, &errOut, logErr)
		if stop != nil || code == 0 || strings.Contains(out.String(), "http://") || strings.Count(errOut.String(), "\n") != 1 {
			t.Fatalf("%s: code %d, stdout %q, stderr %q", name, code, out.String(), errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	stop, code := start([]string{"-signtype", "MD5", "-keydir", dir, "-addr", "127.0.0.1:0"}, &out, &errOut, logErr)
	if stop == nil || code != 0 {
		t.Fatalf("good start: code %d, stderr %q", code, errOut.String())
	}
	defer stop()
	_, rest, ok := strings.Cut(out.String(), "MD5 on ")
	root, _, _ := strings.Cut(rest, "/apiweb")
	if !ok || strings.HasSuffix(root, ":0") {
		t.Fatalf("address line %q does not name the port listened on", out.String())
	}
	resp, err := http.Get(root + "/_sim/trades")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s/_sim/trades: %v %v", root, resp, err)
	}
	resp.Body.Close()
}
