package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"time"

	"xiaotongfu/backend/platform"
)

// smsFlags choose how verification codes are delivered.
type smsFlags struct {
	kind    string // console | webhook
	logPath string // console: also append each message to this file
	url     string // webhook: POST {"phone","text"} here
	demo    bool   // console: show phone numbers and codes in the server log
}

// noClose is the closer of a sender that holds nothing open.
func noClose() error { return nil }

// sender builds the SMSSender and the function that releases it. "console" writes each
// message to the server log, phone masked and code blanked unless -demo, and whole to the
// -sms-log outbox (mode 0600), for demos and tests. "webhook" is the hook for a real SMS
// provider: it POSTs JSON {"phone": ..., "text": ...} to -sms-url and treats any 2xx answer
// as sent.
func (f smsFlags) sender(log *slog.Logger) (platform.SMSSender, func() error, error) {
	switch f.kind {
	case "console":
		c := platform.ConsoleSMS{Log: log, Reveal: f.demo}
		if f.logPath == "" {
			return c, noClose, nil
		}
		file, err := os.OpenFile(f.logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err == nil {
			err = file.Chmod(0o600)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("-sms-log: %w", err)
		}
		var mu sync.Mutex
		c.OnSend = func(phone, text string) {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintf(file, "%s %s %s\n", time.Now().Format(time.RFC3339), phone, text)
		}
		return c, file.Close, nil
	case "webhook":
		if f.url == "" {
			return nil, nil, fmt.Errorf("-sms webhook needs -sms-url")
		}
		return webhookSMS{url: f.url, hc: &http.Client{Timeout: 10 * time.Second}}, noClose, nil
	}
	return nil, nil, fmt.Errorf("-sms must be console or webhook, not %q", f.kind)
}

// webhookSMS hands messages to an SMS provider's HTTP gateway.
type webhookSMS struct {
	url string
	hc  *http.Client
}

// Send posts the message; a non-2xx answer is an error.
func (w webhookSMS) Send(ctx context.Context, phone, text string) error {
	body, _ := json.Marshal(map[string]string{"phone": phone, "text": text})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := w.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("sms webhook: HTTP %d", resp.StatusCode)
	}
	return nil
}
