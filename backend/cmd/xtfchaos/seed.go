package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"sync"

	"gorm.io/gorm"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/store"
)

// seedTerminals registers n merchants (one terminal each: an admin account is bound to one
// terminal at a time) that all charge through the simulator's one cusid and appid, and
// initialises a terminal for each through the platform's own SMS flow. It returns the
// terminal tokens. The platform used here runs no sweep and charges nothing.
func seedTerminals(ctx context.Context, db *gorm.DB, n int) ([]string, error) {
	sms := &smsBox{}
	noGateway := func(*store.Merchant) (gateway.Provider, error) {
		return nil, errors.New("xtfchaos: seeding does not charge")
	}
	svc, err := platform.New(platform.Options{DB: db, Gateway: noGateway, SMS: sms,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return nil, err
	}
	tokens := make([]string, n)
	for i := range n {
		no := fmt.Sprintf("77%010d", i)
		in := platform.MerchantInput{MerchantNo: no, Name: fmt.Sprintf("混沌商户%d", i),
			Phone: fmt.Sprintf("139%08d", i), CusID: sybsim.DemoCusID, AppID: sybsim.DemoAppID}
		if _, err := svc.AddMerchant(ctx, in); err != nil {
			return nil, fmt.Errorf("merchant %s: %w", no, err)
		}
		if _, err := svc.AddStore(ctx, no, "一号店", ""); err != nil {
			return nil, fmt.Errorf("store of %s: %w", no, err)
		}
		if tokens[i], err = initTerminal(ctx, svc, sms, no); err != nil {
			return nil, fmt.Errorf("terminal of %s: %w", no, err)
		}
	}
	return tokens, nil
}

// initTerminal runs a terminal's initialisation: SMS code, verify, pick the first store.
func initTerminal(ctx context.Context, svc *platform.Service, sms *smsBox, merchantNo string) (string, error) {
	if _, err := svc.RequestInitCode(ctx, merchantNo); err != nil {
		return "", err
	}
	g, err := svc.VerifyInitCode(ctx, merchantNo, sms.last())
	if err != nil {
		return "", err
	}
	if len(g.Stores) == 0 {
		return "", errors.New("no store to bind")
	}
	info, err := svc.CompleteInit(ctx, g.Token, g.Stores[0].ID, "")
	if err != nil {
		return "", err
	}
	return info.Token, nil
}

// smsBox is an SMS sender that keeps the last code sent.
type smsBox struct {
	mu   sync.Mutex
	code string
}

var reSMSCode = regexp.MustCompile(`验证码为 ([0-9]{6})`)

// Send keeps the code in text.
func (b *smsBox) Send(_ context.Context, _, text string) error {
	m := reSMSCode.FindStringSubmatch(text)
	if m == nil {
		return fmt.Errorf("no code in SMS %q", text)
	}
	b.mu.Lock()
	b.code = m[1]
	b.mu.Unlock()
	return nil
}

// last is the most recent code sent.
func (b *smsBox) last() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.code
}
