package allinpay

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Hosts of the SYB apiweb API.
const (
	ProductionURL = "https://vsp.allinpay.com/apiweb"
	SandboxURL    = "https://syb-test.allinpay.com/apiweb"
)

// DefaultTimeout bounds one HTTP call. It covers Allinpay's own synchronous wait for 被扫;
// a timeout is an unknown outcome that the caller resolves by querying.
const DefaultTimeout = 45 * time.Second

// Config is everything a Client needs. Keys are PEM or bare base64 text.
type Config struct {
	BaseURL string // e.g. ProductionURL; the API paths are appended to it
	// StatementURL is where Statement posts trxfile/get; BaseURL+PathStatement when empty
	// (e.g. "https://vsp.allinpay.com/cusapi/trxfile/get" for the newer path).
	StatementURL      string
	CusID             string // merchant number
	AppID             string // platform-assigned appid; also the SM2 signer ID
	OrgID             string // optional group/agent number
	SignType          string // RSA, SM2 or MD5
	PrivateKey        string // merchant PKCS#8 private key (RSA, SM2)
	PlatformPublicKey string // Allinpay's X.509 public key (RSA, SM2)
	MD5Key            string // shared key (MD5)
	Version           string // "11" (default) or "12"
	Timeout           time.Duration
	TermInfo          TermInfo
	HTTPClient        *http.Client `json:"-"` // optional; its Timeout is not used, Timeout is
}

// TermInfo is the terminfo JSON sent with every pay.
type TermInfo struct {
	DeviceType string `json:"devicetype"`          // 2 chars, e.g. "11"
	TermNo     string `json:"termno"`              // 8-digit terminal number registered with addterm
	TermSN     string `json:"termsn,omitempty"`    // optional device serial
	DeviceIP   string `json:"deviceip,omitempty"`  // optional
	Longitude  string `json:"longitude,omitempty"` // optional, e.g. "+121.48000"
	Latitude   string `json:"latitude,omitempty"`  // optional, e.g. "+31.220000"
}

// String describes the configuration without key material, so a Config can be logged.
func (c Config) String() string {
	return fmt.Sprintf("allinpay.Config{BaseURL:%s CusID:%s AppID:%s OrgID:%s SignType:%s Version:%s Timeout:%s keys:redacted}",
		c.BaseURL, c.CusID, c.AppID, c.OrgID, c.SignType, c.Version, c.Timeout)
}

// GoString is String, so %#v does not print keys either.
func (c Config) GoString() string { return c.String() }

// withDefaults fills the optional fields.
func (c Config) withDefaults() Config {
	if c.Version == "" {
		c.Version = "11"
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{}
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	return c
}

// check validates the fields that do not involve keys.
func (c Config) check() error {
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("配置错误: BaseURL 必须是 http(s) 地址")
	}
	if s, err := url.Parse(c.StatementURL); c.StatementURL != "" && (err != nil || (s.Scheme != "http" && s.Scheme != "https") || s.Host == "") {
		return errors.New("配置错误: StatementURL 必须是 http(s) 地址")
	}
	if c.CusID == "" || len(c.CusID) > 15 {
		return errors.New("配置错误: 商户号 cusid 为空或超过 15 位")
	}
	if c.AppID == "" || len(c.AppID) > 8 {
		return errors.New("配置错误: appid 为空或超过 8 位")
	}
	if c.Version != "11" && c.Version != "12" {
		return fmt.Errorf("配置错误: version 只能是 11 或 12，不是 %q", c.Version)
	}
	return nil
}

// terminfo renders TermInfo as the JSON string sent in the terminfo field ("" when unset).
func (t TermInfo) terminfo() string {
	if t.DeviceType == "" && t.TermNo == "" {
		return ""
	}
	b, _ := json.Marshal(t)
	return string(b)
}

// signerAndVerifier builds the merchant-side signer and the platform verifier from cfg.
func (c Config) signerAndVerifier() (Signer, Verifier, error) {
	if c.SignType == SignMD5 {
		s, err := NewSigner(SignMD5, nil, "", c.MD5Key)
		if err != nil {
			return nil, nil, err
		}
		return s, s.(Verifier), nil
	}
	if c.SignType != SignRSA && c.SignType != SignSM2 {
		return nil, nil, fmt.Errorf("不支持的签名类型 %q（可选 RSA、SM2、MD5）", c.SignType)
	}
	priv, err := ParsePrivateKey([]byte(c.PrivateKey))
	if err != nil {
		return nil, nil, fmt.Errorf("商户%w", err)
	}
	pub, err := ParsePublicKey([]byte(c.PlatformPublicKey))
	if err != nil {
		return nil, nil, fmt.Errorf("通联平台%w", err)
	}
	s, err := NewSigner(c.SignType, priv, c.AppID, "")
	if err != nil {
		return nil, nil, err
	}
	v, err := NewVerifier(c.SignType, pub, PlatformUID, "")
	if err != nil {
		return nil, nil, err
	}
	return s, v, nil
}
