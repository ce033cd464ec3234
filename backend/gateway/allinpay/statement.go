package allinpay

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"xiaotongfu/backend/gateway"
)

// PathStatement is the statement request under the base URL (docs/allinpay-syb.md §8.6: the
// apiweb path of pyallinpay and several demos; newer code posts the same fields to
// /cusapi/trxfile/get, which Config.StatementURL can name).
const PathStatement = "/trxfile/get"

// maxStatement caps the downloaded ZIP and each file inside it.
const maxStatement = 64 << 20

// Statement downloads the daily statement of date (yyyyMMdd): a signed trxfile/get whose
// verified answer carries the download url, then an HTTP GET of that ZIP, parsed by
// ParseStatement. A refusal is an *gateway.ErrNotAccepted; any other failure (transport, a
// bad signature, a file that does not parse) is an error naming it, and nothing is returned.
func (c *Client) Statement(ctx context.Context, date string) (*gateway.Statement, error) {
	if len(date) != 8 || strings.Trim(date, "0123456789") != "" {
		return nil, refused("对账日期必须是 yyyyMMdd")
	}
	got, err := c.callURL(ctx, "statement", c.statementURL(), map[string]string{"date": date})
	if err != nil {
		return nil, err
	}
	link := got["url"]
	u, err := url.Parse(link)
	if link == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &gateway.ErrUnknown{Op: "statement", Err: malformed("statement answer without a download url")}
	}
	body, err := c.download(ctx, link)
	if err != nil {
		return nil, &gateway.ErrUnknown{Op: "statement", Err: err}
	}
	rows, err := ParseStatement(body)
	if err != nil {
		return nil, err
	}
	return &gateway.Statement{Date: date, Rows: rows}, nil
}

// statementURL is Config.StatementURL, or the base URL followed by PathStatement.
func (c *Client) statementURL() string {
	if c.cfg.StatementURL != "" {
		return c.cfg.StatementURL
	}
	return c.cfg.BaseURL + PathStatement
}

// download GETs the statement file, at most maxStatement bytes.
func (c *Client) download(ctx context.Context, link string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return nil, fmt.Errorf("statement url: %w", err)
	}
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download statement: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download statement: HTTP status %d", resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxStatement+1))
	if err != nil {
		return nil, fmt.Errorf("download statement: %w", err)
	}
	if len(body) > maxStatement {
		return nil, fmt.Errorf("download statement: larger than %d bytes", maxStatement)
	}
	return body, nil
}
