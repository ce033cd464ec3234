package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// DefaultTimeout bounds one call when NewClient is given no http.Client. It is longer than
// a payment's first answer (the acquirer may hold a pay up to about 45 s).
const DefaultTimeout = 90 * time.Second

// maxResponseBytes bounds what the client reads back (a page of trades is the largest).
const maxResponseBytes = 8 << 20

// Client implements platform.API against an xtfd server.
type Client struct {
	base string
	hc   *http.Client
}

var _ platform.API = (*Client)(nil)

// NewClient returns a client for the server at baseURL (e.g. "https://xtf.example.com").
// hc may be nil for a client with DefaultTimeout.
func NewClient(baseURL string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: DefaultTimeout}
	}
	return &Client{base: strings.TrimRight(baseURL, "/"), hc: hc}
}

// CheckServerURL accepts an xtfd address for the desktop: https://, or http:// only to this
// machine (loopback), since terminal tokens and admin passwords cross the wire.
func CheckServerURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return domain.FieldError("serverUrl", "服务器地址必须是 https:// 开头的网址（本机测试可用 http://127.0.0.1）")
	}
	if u.Scheme == "http" && !loopbackHost(u.Hostname()) {
		return domain.FieldError("serverUrl", "连接其他电脑上的服务器必须使用 https://，以免令牌和密码在网络上被窃听")
	}
	return nil
}

// loopbackHost reports whether host names this machine.
func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// fetch calls name and returns its result. On an error answer the result is nil unless the
// server sent one alongside the error (a declined payment's trade).
func fetch[T any](ctx context.Context, c *Client, name string, creds platform.Creds, in any) (*T, error) {
	var out T
	got, err := c.call(ctx, name, creds, in, &out)
	if !got {
		return nil, err
	}
	return &out, err
}

// call posts in to /api/v1/name with the credentials and decodes the answer into out,
// reporting whether it did. An error answer becomes *domain.Error.
func (c *Client) call(ctx context.Context, name string, creds platform.Creds, in, out any) (bool, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return false, domain.AsError(err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+apiPrefix+name, bytes.NewReader(body))
	if err != nil {
		return false, domain.Errorf(domain.CodeUnavailable, "平台服务器地址无效：%s", c.base)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if creds.TerminalToken != "" {
		req.Header.Set(HeaderTerminal, creds.TerminalToken)
	}
	if creds.SessionToken != "" {
		req.Header.Set(HeaderAuth, "Bearer "+creds.SessionToken)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return false, domain.NoAnswer(domain.Errorf(domain.CodeUnavailable, "请求已取消或超时").With("call", name))
		}
		return false, domain.NoAnswer(domain.Errorf(domain.CodeUnavailable, "无法连接平台服务器，请检查网络或服务器地址").With("call", name))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return false, domain.NoAnswer(domain.Errorf(domain.CodeUnavailable, "读取平台服务器应答失败").With("call", name))
	}
	if resp.StatusCode/100 == 2 {
		if err := json.Unmarshal(data, out); err != nil {
			return false, domain.NoAnswer(domain.Errorf(domain.CodeUnavailable, "平台服务器应答格式错误").With("call", name))
		}
		return true, nil
	}
	return decodeError(resp.StatusCode, data, out)
}

// decodeError turns an error answer into *domain.Error and fills out from its result, if any.
func decodeError(status int, data []byte, out any) (bool, error) {
	var body struct {
		domain.Error
		Result json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal(data, &body); err != nil || body.Code == "" {
		return false, domain.NoAnswer(domain.Errorf(domain.CodeUnavailable, "平台服务器返回错误（HTTP %d）", status).With("status", status))
	}
	e := body.Error
	got := len(body.Result) > 0 && json.Unmarshal(body.Result, out) == nil
	return got, &e
}
