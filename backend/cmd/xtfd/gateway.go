package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/store"
)

// gatewayFlags choose the acquirer: the built-in simulator, or Allinpay with key files.
type gatewayFlags struct {
	kind     string // sim | allinpay
	simSign  string // sim: RSA, SM2 or MD5
	url      string // allinpay: API base URL
	stmtURL  string // allinpay: trxfile/get URL; url+"/trxfile/get" when empty
	signType string // allinpay: RSA, SM2 or MD5
	keyFile  string // merchant (or org) private key, PEM
	pubFile  string // Allinpay public key, PEM
	md5File  string // MD5 key
	orgID    string // optional group/agent number
	version  string // API version 11 or 12
}

// build returns the GatewayFor and a stop function for anything it started.
func (f gatewayFlags) build(log *slog.Logger) (platform.GatewayFor, func(), error) {
	switch f.kind {
	case "sim":
		return f.sim(log)
	case "allinpay":
		gf, err := f.allinpay()
		return gf, func() {}, err
	}
	return nil, nil, fmt.Errorf("-gateway must be sim or allinpay, not %q", f.kind)
}

// sim starts the SYB simulator on a loopback port; every merchant charges through it.
func (f gatewayFlags) sim(log *slog.Logger) (platform.GatewayFor, func(), error) {
	sim, cc, err := sybsim.NewPair(f.simSign)
	if err != nil {
		return nil, nil, err
	}
	root, stop, err := sim.Listen("127.0.0.1:0", func(err error) { log.Error("xtfd: simulator stopped", "err", err) })
	if err != nil {
		return nil, nil, err
	}
	cc.BaseURL = root + "/apiweb"
	client, err := allinpay.New(cc)
	if err != nil {
		stop()
		return nil, nil, err
	}
	log.Info("xtfd: gateway is the built-in simulator", "url", cc.BaseURL, "sign", f.simSign)
	return func(*store.Merchant) (gateway.Provider, error) { return client, nil }, stop, nil
}

// allinpay reads the key files once and builds one client per merchant (its cusid and appid).
func (f gatewayFlags) allinpay() (platform.GatewayFor, error) {
	base := allinpay.Config{BaseURL: f.url, StatementURL: f.stmtURL, SignType: f.signType, OrgID: f.orgID, Version: f.version,
		TermInfo: allinpay.TermInfo{DeviceType: "11"}}
	// read trims surrounding whitespace: a key file written by `echo key > f` ends in a newline.
	// Secret keys must not be readable by others (checkPrivate); the public key may be.
	read := func(path, what string, secret bool) (string, error) {
		if path == "" {
			return "", fmt.Errorf("-gateway allinpay needs %s", what)
		}
		var b []byte
		var err error
		if secret {
			b, err = readPrivate(path)
		} else {
			b, err = os.ReadFile(path)
		}
		return strings.TrimSpace(string(b)), err
	}
	var err error
	if f.signType == allinpay.SignMD5 {
		base.MD5Key, err = read(f.md5File, "-allinpay-md5key", true)
	} else {
		if base.PrivateKey, err = read(f.keyFile, "-allinpay-key", true); err == nil {
			base.PlatformPublicKey, err = read(f.pubFile, "-allinpay-pubkey", false)
		}
	}
	if err != nil {
		return nil, err
	}
	if err := probe(base); err != nil {
		return nil, err
	}
	var mu sync.Mutex
	clients := map[uint]*allinpay.Client{}
	return func(m *store.Merchant) (gateway.Provider, error) {
		mu.Lock()
		defer mu.Unlock()
		if c := clients[m.ID]; c != nil {
			return c, nil
		}
		cfg := base
		cfg.CusID, cfg.AppID = m.CusID, m.AppID
		if cfg.CusID == "" {
			cfg.CusID = m.MerchantNo
		}
		if cfg.AppID == "" {
			return nil, errors.New("merchant has no Allinpay appid (xtfd merchant add -appid)")
		}
		c, err := allinpay.New(cfg)
		if err != nil {
			return nil, err
		}
		clients[m.ID] = c
		return c, nil
	}, nil
}

// probe builds a client from base with placeholder merchant numbers, so unreadable keys, a
// key of the wrong kind for the sign type, a bad URL or version refuse start-up instead of
// failing the first payment.
func probe(base allinpay.Config) error {
	base.CusID, base.AppID = "000000000000000", "00000000"
	if _, err := allinpay.New(base); err != nil {
		return fmt.Errorf("-gateway allinpay: %w", err)
	}
	return nil
}
