package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/services"
)

// desktopCmd runs one desktop process until SIGTERM (or SIGKILL): one cashier per terminal
// token, each in its own goroutine with its own services.Core, like separate PCs.
func desktopCmd(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("xtfchaos desktop", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "", "xtfd base URL (the harness's proxy)")
	tokens := fs.String("tokens", "", "terminal tokens, comma-separated")
	pace := fs.Duration("pace", 200*time.Millisecond, "pause between a cashier's operations")
	pollFor := fs.Duration("poll-for", 20*time.Second, "how long Pay waits for a pending trade")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *url == "" || *tokens == "" {
		fmt.Fprintln(stderr, "xtfchaos desktop: -url and -tokens are required")
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	pool := &codePool{}
	var wg sync.WaitGroup
	for i, tok := range strings.Split(*tokens, ",") {
		c := newCashier(i, *url, tok, *pollFor, pool, log.With("term", i))
		wg.Go(func() { c.loop(ctx, *pace) })
	}
	wg.Wait()
	return 0
}

// quiet drops the UI events a headless desktop has nobody to show to.
type quiet struct{}

// Emit discards the event.
func (quiet) Emit(string, any) {}

// cashier is one terminal and the person at it.
type cashier struct {
	core    *services.Core
	session *services.SessionService
	pay     *services.PayService
	trades  *services.TradeService
	pool    *codePool
	log     *slog.Logger
	paid    []paidTrade // recent successful payments, for voids and refunds
}

// paidTrade is a payment the cashier may void or refund.
type paidTrade struct {
	reqsn  string
	amount int64
}

// newCashier sets up terminal i: its own services.Core on an HTTP client of url.
func newCashier(i int, url, token string, pollFor time.Duration, pool *codePool, log *slog.Logger) *cashier {
	prefs := &services.MemPrefs{}
	_ = prefs.SetTerminalToken(token)
	core := services.NewCore(services.Options{API: httpapi.NewClient(url, nil), Prefs: prefs, Emitter: quiet{},
		Log: log, Mode: services.ModeRemote, Server: url, PollEvery: 300 * time.Millisecond, PollFor: pollFor})
	return &cashier{core: core, session: services.NewSessionService(core), pay: services.NewPayService(core),
		trades: services.NewTradeService(core), pool: pool, log: log}
}

// loop works until ctx ends: log in, then pay, void, refund, re-scan and re-check at random.
func (c *cashier) loop(ctx context.Context, pace time.Duration) {
	c.core.Start(ctx)
	defer c.core.Stop()
	loggedIn := false
	for ctx.Err() == nil {
		if !loggedIn {
			loggedIn = c.login() == nil
			sleep(ctx, pace)
			continue
		}
		err := c.step()
		if domain.CodeOf(err) == domain.CodeUnauthenticated {
			loggedIn = false
		}
		sleep(ctx, pace)
	}
}

// ownerPassword is what each terminal's admin 01 changes the initial password to (the
// platform accepts nothing else from an account on its initial password).
const ownerPassword = "Chaos2026xtf"

// login logs admin 01 in with the owner's password, or, the first time, with the initial
// one and changes it.
func (c *cashier) login() error {
	if _, err := c.session.Login(domain.AdminAccount, ownerPassword); err == nil {
		return nil
	}
	if _, err := c.session.Login(domain.AdminAccount, domain.InitialPassword); err != nil {
		return err
	}
	return c.session.ChangePassword(domain.InitialPassword, ownerPassword, ownerPassword)
}

// step does one random operation.
func (c *cashier) step() error {
	r := rand.IntN(100)
	switch {
	case r < 8 && len(c.paid) > 0:
		return c.refund()
	case r < 12 && len(c.paid) > 0:
		return c.void()
	case r < 14:
		return c.recheck()
	case r < 22:
		if code, amount, ok := c.pool.take(); ok {
			return c.charge(code, amount)
		}
	}
	return c.charge(randomCode(), 1+rand.Int64N(20000))
}

// charge pays code. A code whose trade did not end paid goes to the re-scan pool: a cashier
// who saw a failure scans the same code again (on this or another terminal), which the
// platform must refuse unless the bank declined it, and the bank must never charge twice.
func (c *cashier) charge(code string, amount int64) error {
	t, err := c.pay.Pay(domain.FormatFen(amount), code, string(domain.SourceManual))
	if t != nil && t.Status == string(domain.StatusSuccess) {
		c.remember(paidTrade{reqsn: t.ReqSN, amount: t.Amount})
		return nil
	}
	if domain.CodeOf(err) != domain.CodePayInFlight && rand.IntN(2) == 0 {
		c.pool.put(code, amount)
	}
	return err
}

// remember keeps a payment for a later void or refund (the 40 most recent).
func (c *cashier) remember(p paidTrade) {
	c.paid = append(c.paid, p)
	if len(c.paid) > 40 {
		c.paid = c.paid[1:]
	}
}

// pick takes a random recent payment off the list.
func (c *cashier) pick() paidTrade {
	i := rand.IntN(len(c.paid))
	p := c.paid[i]
	c.paid = append(c.paid[:i], c.paid[i+1:]...)
	return p
}

// refund returns part of a recent payment; the payment stays refundable for the rest.
func (c *cashier) refund() error {
	p := c.pick()
	part := 1 + rand.Int64N(max(1, p.amount/2))
	_, err := c.trades.Refund(p.reqsn, domain.FormatFen(part), ownerPassword)
	if err == nil && part < p.amount && rand.IntN(2) == 0 {
		c.remember(paidTrade{reqsn: p.reqsn, amount: p.amount - part})
	}
	return err
}

// void cancels a recent payment in full (refused by the platform when part was refunded).
func (c *cashier) void() error {
	_, err := c.trades.Cancel(c.pick().reqsn, ownerPassword)
	return err
}

// recheck asks the platform to re-query one of the terminal's unresolved trades (重新查询).
func (c *cashier) recheck() error {
	open, err := c.pay.Pending()
	if err != nil || len(open) == 0 {
		return err
	}
	_, err = c.trades.Recheck(open[rand.IntN(len(open))].ID)
	return err
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// codePool holds codes to be scanned again, shared by the terminals of a process.
type codePool struct {
	mu    sync.Mutex
	codes []rescan
}

type rescan struct {
	code   string
	amount int64
}

// put adds a code to scan again (up to 200 are kept).
func (p *codePool) put(code string, amount int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.codes) < 200 {
		p.codes = append(p.codes, rescan{code, amount})
	}
}

// take removes a random code from the pool; ok is false when it is empty.
func (p *codePool) take() (code string, amount int64, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.codes) == 0 {
		return "", 0, false
	}
	i := rand.IntN(len(p.codes))
	r := p.codes[i]
	p.codes = append(p.codes[:i], p.codes[i+1:]...)
	return r.code, r.amount, true
}

// outcomes are the simulator's scripted last two digits (gateway/sybsim doc) with weights:
// mostly immediate success, and every other outcome often enough to matter.
var outcomes = []struct {
	suffix string
	weight int
}{
	{"", 50}, {"90", 8}, {"91", 6}, {"92", 6}, {"93", 4}, {"94", 6}, {"95", 6}, {"96", 6}, {"97", 8},
}

// randomCode is a fresh payment code of a random channel and simulator outcome.
func randomCode() string {
	suffix, n := "", rand.IntN(100)
	for _, o := range outcomes {
		if n < o.weight {
			suffix = o.suffix
			break
		}
		n -= o.weight
	}
	if suffix == "" {
		suffix = fmt.Sprintf("%02d", []int{rand.IntN(90), 98, 99}[rand.IntN(3)])
	}
	switch rand.IntN(3) {
	case 0: // WeChat: 18 digits, 10–15
		return fmt.Sprintf("1%d%s%s", rand.IntN(6), digits(14), suffix)
	case 1: // Alipay: 16–24 digits, 25–30
		return fmt.Sprintf("%d%s%s", 25+rand.IntN(6), digits(12+rand.IntN(9)), suffix)
	}
	return "62" + digits(15) + suffix // UnionPay QR: 19 digits
}

// digits is n random decimal digits.
func digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + rand.IntN(10))
	}
	return string(b)
}
