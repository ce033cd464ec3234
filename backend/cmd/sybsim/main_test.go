package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
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
