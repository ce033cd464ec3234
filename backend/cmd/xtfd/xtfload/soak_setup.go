package main

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
)

// terminal is one simulated shop PC: its own client (coming from its own address) and its
// logged-in admin.
type terminal struct {
	api   *httpapi.Client
	creds platform.Creds
}

// forwardedFor sends every request as if from addr, through xtfd's trusted proxy
// (-trusted-proxy 127.0.0.1), so each simulated shop is throttled as the real one would be.
type forwardedFor struct {
	addr string
	next http.RoundTripper
}

// RoundTrip adds the X-Forwarded-For header.
func (f forwardedFor) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Forwarded-For", f.addr)
	return f.next.RoundTrip(r)
}

// shopAddr is the address simulated shop i comes from: 10.0.0.0/8, one each.
func shopAddr(i int) string { return fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255+1) }

// setupTerminals initialises n terminals in parallel, one per merchant <prefix>NNNN (four
// digits), each from its own address over connections of its own (as n PCs would), and logs
// their admin in with benchPassword.
func setupTerminals(ctx context.Context, url, smsLog, prefix string, n int) ([]terminal, error) {
	terms := make([]terminal, n)
	var next atomic.Int64
	var firstErr error
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				tr := &http.Transport{MaxIdleConnsPerHost: 2, IdleConnTimeout: 90 * time.Second}
				hc := &http.Client{Transport: forwardedFor{shopAddr(i), tr}, Timeout: httpapi.DefaultTimeout}
				t, err := setupOne(ctx, httpapi.NewClient(url, hc), smsLog, fmt.Sprintf("%s%04d", prefix, i), soakPhone(i))
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				terms[i] = t
				mu.Unlock()
				if err != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	return terms, firstErr
}

// soakPhone is the phone of soak merchant i (scripts/soak.sh writes the same).
func soakPhone(i int) string { return fmt.Sprintf("1390000%04d", i) }

// setupOne initialises merchant no's terminal and logs its admin in.
func setupOne(ctx context.Context, api *httpapi.Client, smsLog, no, phone string) (terminal, error) {
	if _, err := api.RequestInitCode(ctx, no); err != nil {
		return terminal{}, fmt.Errorf("init %s: %w", no, err)
	}
	code, err := lastCode(smsLog, phone)
	if err != nil {
		return terminal{}, err
	}
	g, err := api.VerifyInitCode(ctx, no, code)
	if err != nil || len(g.Stores) == 0 {
		return terminal{}, fmt.Errorf("verify %s: %v", no, err)
	}
	info, err := api.CompleteInit(ctx, g.Token, g.Stores[0].ID, "")
	if err != nil {
		return terminal{}, fmt.Errorf("complete %s: %w", no, err)
	}
	if err := changeInitial(ctx, api, info.Token); err != nil {
		return terminal{}, fmt.Errorf("%s: %w", no, err)
	}
	s, err := api.Login(ctx, info.Token, domain.AdminAccount, benchPassword)
	if err != nil {
		return terminal{}, fmt.Errorf("login %s: %w", no, err)
	}
	return terminal{api: api, creds: platform.Creds{TerminalToken: info.Token, SessionToken: s.Token}}, nil
}
