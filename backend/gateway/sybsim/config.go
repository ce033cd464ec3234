package sybsim

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/emmansun/gmsm/sm2"

	"xiaotongfu/backend/gateway/allinpay"
)

// Demo identity used by NewPair.
const (
	DemoCusID = "990000000000001"
	DemoAppID = "00000099"
)

// DefaultSlowDelay is how long outcome 93 holds the pay response; it is longer than
// allinpay.DefaultTimeout so a client with default settings times out.
const DefaultSlowDelay = allinpay.DefaultTimeout + 15*time.Second

// Config sets up a simulated SYB platform for one merchant.
type Config struct {
	SignType          string               // RSA, SM2 or MD5
	CusID             string               // the merchant number it serves
	AppID             string               // the merchant's appid (also the SM2 signer ID of requests)
	MD5Key            string               // shared key (MD5)
	PlatformKey       crypto.Signer        // signs responses (RSA, SM2)
	MerchantPublicKey crypto.PublicKey     // verifies requests (RSA, SM2)
	Clock             func() time.Time     // default time.Now; decides "same day" for cancel
	SlowDelay         time.Duration        // outcome 93 response delay; default DefaultSlowDelay
	Logf              func(string, ...any) // one line per request; nil for silence
	// StateFile, when set, keeps the ledger in this JSON file: New loads it (a missing file
	// is an empty ledger) and every request that changes the ledger saves it atomically
	// before its answer is sent, so a restarted simulator continues the same "bank".
	StateFile string
}

// New checks cfg and returns a simulator with an empty ledger, or the one in cfg.StateFile.
func New(cfg Config) (*Server, error) {
	if cfg.CusID == "" || cfg.AppID == "" {
		return nil, errors.New("sybsim: cusid and appid are required")
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.SlowDelay <= 0 {
		cfg.SlowDelay = DefaultSlowDelay
	}
	signer, err := allinpay.NewSigner(cfg.SignType, cfg.PlatformKey, allinpay.PlatformUID, cfg.MD5Key)
	if err != nil {
		return nil, fmt.Errorf("sybsim: platform key: %w", err)
	}
	verifier, err := allinpay.NewVerifier(cfg.SignType, cfg.MerchantPublicKey, cfg.AppID, cfg.MD5Key)
	if err != nil {
		return nil, fmt.Errorf("sybsim: merchant public key: %w", err)
	}
	s := &Server{cfg: cfg, signer: signer, verifier: verifier, ledger: newLedger()}
	if cfg.StateFile != "" {
		if err := s.ledger.load(cfg.StateFile, cfg.CusID); err != nil {
			return nil, err
		}
	}
	s.routes = map[string]func(map[string]string) reply{
		"/apiweb" + allinpay.PathPay:    s.pay,
		"/apiweb" + allinpay.PathQuery:  s.query,
		"/apiweb" + allinpay.PathCancel: s.cancel,
		"/apiweb" + allinpay.PathRefund: s.refund,
		"/apiweb" + allinpay.PathClose:  s.close,
	}
	return s, nil
}

// GenerateKey makes a fresh key for signType: RSA 2048-bit or SM2 (nil for MD5).
func GenerateKey(signType string) (crypto.Signer, error) {
	switch signType {
	case allinpay.SignRSA:
		return rsa.GenerateKey(rand.Reader, 2048)
	case allinpay.SignSM2:
		return sm2.GenerateKey(rand.Reader)
	case allinpay.SignMD5:
		return nil, nil
	}
	return nil, fmt.Errorf("sybsim: unknown sign type %q (RSA, SM2 or MD5)", signType)
}

// PairConfig generates, in memory, a merchant key and a platform key (or one MD5 key) and
// returns a simulator Config and the matching client Config. The client's BaseURL is left
// empty: set it to the server's root URL followed by "/apiweb".
func PairConfig(signType string) (Config, allinpay.Config, error) {
	sc := Config{SignType: signType, CusID: DemoCusID, AppID: DemoAppID}
	cc := allinpay.Config{
		CusID: DemoCusID, AppID: DemoAppID, SignType: signType,
		TermInfo: allinpay.TermInfo{DeviceType: "11", TermNo: "00000001"},
	}
	if signType == allinpay.SignMD5 {
		var b [16]byte
		_, _ = rand.Read(b[:])
		sc.MD5Key, cc.MD5Key = hex.EncodeToString(b[:]), hex.EncodeToString(b[:])
		return sc, cc, nil
	}
	merchant, err := GenerateKey(signType)
	if err != nil {
		return sc, cc, err
	}
	platform, err := GenerateKey(signType)
	if err != nil {
		return sc, cc, err
	}
	sc.PlatformKey, sc.MerchantPublicKey = platform, merchant.Public()
	priv, err := allinpay.MarshalPrivateKeyPEM(merchant)
	if err != nil {
		return sc, cc, err
	}
	pub, err := allinpay.MarshalPublicKeyPEM(platform.Public())
	if err != nil {
		return sc, cc, err
	}
	cc.PrivateKey, cc.PlatformPublicKey = string(priv), string(pub)
	return sc, cc, nil
}

// NewPair is PairConfig followed by New: a ready simulator and the client config that
// talks to it.
func NewPair(signType string) (*Server, allinpay.Config, error) {
	sc, cc, err := PairConfig(signType)
	if err != nil {
		return nil, cc, err
	}
	s, err := New(sc)
	return s, cc, err
}

var _ http.Handler = (*Server)(nil)
