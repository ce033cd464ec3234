// Package allinpay is a faithful client of Allinpay's 收银宝 (SYB) apiweb API for 被扫 payments:
// form POST, the canonical string, RSA (SHA1withRSA), SM2 (SM3withSM2, raw r||s) and MD5
// signing, and verification of every accepted response over all received fields.
//
// Client implements gateway.Provider. See docs/allinpay-syb.md for the protocol.
package allinpay

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"xiaotongfu/backend/gateway"
)

// API paths under the base URL.
const (
	PathPay    = "/unitorder/scanqrpay"
	PathQuery  = "/tranx/query"
	PathCancel = "/tranx/cancel"
	PathRefund = "/tranx/refund"
	PathClose  = "/tranx/close"
)

// Client talks to one merchant account. It is safe for concurrent use.
type Client struct {
	cfg      Config
	signer   Signer
	verifier Verifier
	terminfo TermInfo
}

var _ gateway.Provider = (*Client)(nil)

// New checks cfg, parses its keys and returns a client.
func New(cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	if err := cfg.check(); err != nil {
		return nil, err
	}
	s, v, err := cfg.signerAndVerifier()
	if err != nil {
		return nil, err
	}
	return &Client{cfg: cfg, signer: s, verifier: v, terminfo: cfg.TermInfo}, nil
}

// SignType returns the configured sign type.
func (c *Client) SignType() string { return c.cfg.SignType }

// VerifyNotify parses a form-encoded callback body and verifies its signature with the
// platform key. The callback's signtype must be the configured one.
func (c *Client) VerifyNotify(body []byte) (map[string]string, error) {
	return VerifyNotify(c.verifier, c.cfg.SignType, body)
}

// VerifyNotify parses a form-encoded callback body and verifies it with v, which must be a
// verifier for signType (a callback without signtype is MD5).
func VerifyNotify(v Verifier, signType string, body []byte) (map[string]string, error) {
	fields, err := DecodeForm(body)
	if err != nil {
		return nil, err
	}
	st := fields["signtype"]
	if st == "" {
		st = SignMD5
	}
	if st != signType {
		return nil, badSig(fmt.Sprintf("callback signtype %.8q, verifier is for %s", st, signType))
	}
	if err := v.Verify(fields); err != nil {
		return nil, err
	}
	return fields, nil
}

// call signs fields, posts them to path and returns the verified response fields.
func (c *Client) call(ctx context.Context, op, path string, fields map[string]string) (map[string]string, error) {
	return c.callURL(ctx, op, c.cfg.BaseURL+path, fields)
}

// callURL is call against a full URL.
func (c *Client) callURL(ctx context.Context, op, target string, fields map[string]string) (map[string]string, error) {
	fields["cusid"] = c.cfg.CusID
	fields["appid"] = c.cfg.AppID
	fields["orgid"] = c.cfg.OrgID
	fields["version"] = c.cfg.Version
	fields["signtype"] = c.signer.SignType()
	fields["randomstr"] = randomStr()
	sig, err := c.signer.Sign(fields)
	if err != nil {
		return nil, refused(err.Error())
	}
	fields["sign"] = sig
	form := url.Values{}
	for k, v := range fields {
		if v != "" {
			form.Set(k, v)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, refused("bad request URL")
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, &gateway.ErrUnknown{Op: op, Err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, &gateway.ErrUnknown{Op: op, Err: fmt.Errorf("read response: %w", err)}
	}
	if resp.StatusCode != http.StatusOK {
		return nil, &gateway.ErrUnknown{Op: op, Err: fmt.Errorf("HTTP status %d", resp.StatusCode)}
	}
	if len(body) > maxBody {
		return nil, &gateway.ErrUnknown{Op: op, Err: malformed("body larger than %d bytes", maxBody)}
	}
	got, err := c.accept(body)
	if err != nil {
		if gateway.IsNotAccepted(err) {
			return nil, err
		}
		return nil, &gateway.ErrUnknown{Op: op, Err: err}
	}
	return got, nil
}

// accept decodes a response body, sorts it by retcode and verifies accepted responses.
func (c *Client) accept(body []byte) (map[string]string, error) {
	got, err := DecodeResponse(body)
	if err != nil {
		return nil, err
	}
	switch rc := got["retcode"]; rc {
	case "SUCCESS":
	case "FAIL", "PARAMERR", "SIGNAUTHERR":
		return nil, &gateway.ErrNotAccepted{RetCode: rc, RetMsg: got["retmsg"]}
	case "SYSTEMERR":
		return nil, fmt.Errorf("retcode SYSTEMERR: %s", got["retmsg"])
	default:
		return nil, malformed("retcode %.20q", rc)
	}
	if err := c.verifier.Verify(got); err != nil {
		return nil, err
	}
	for k, want := range map[string]string{"cusid": c.cfg.CusID, "appid": c.cfg.AppID} {
		if v, ok := got[k]; ok && v != want {
			return nil, malformed("response %s %.20q is not ours", k, v)
		}
	}
	return got, nil
}

// refused is the error for a request the client will not send.
func refused(msg string) error {
	return &gateway.ErrNotAccepted{RetCode: "PARAMERR", RetMsg: msg, Local: true}
}

// randomStr returns 32 random hex characters for the randomstr field.
func randomStr() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
