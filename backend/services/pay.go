package services

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"slices"
	"strings"
	"sync"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
)

// Waiting for a payment's outcome: how often the desktop asks the platform, and for how
// long before it returns the trade still pending (the platform keeps resolving it).
const (
	DefaultPollEvery = 500 * time.Millisecond
	DefaultPollFor   = 75 * time.Second
	minPollEvery     = 100 * time.Millisecond // keeps pay:progress at ≤ 10 events a second
)

// PayService charges payment codes (manual §4). One payment at a time per terminal.
type PayService struct {
	c      *Core
	mu     sync.Mutex
	flight *payFlight // the payment Pay is waiting for; nil when none
}

// payFlight is the payment in progress: its trade once the first answer named it, and
// whether the cashier asked to stop it (撤销本笔).
type payFlight struct {
	tradeID uint
	cancel  bool
}

// NewPayService binds the payment methods to c.
func NewPayService(c *Core) *PayService { return &PayService{c: c} }

var (
	errPayBusy     = domain.Errorf(domain.CodePayInFlight, "正在收款，请等待上一笔完成")
	errNoPayToStop = domain.Errorf(domain.CodePayNotInFlight, "这笔收款已有结果，无需撤销")
)

// Pay charges authCode for amount (yuan as typed). It returns when the trade is final or
// the wait is over (the trade is then still pending and the platform keeps resolving it).
// It emits pay:progress while waiting and pay:result at the end.
func (s *PayService) Pay(amount string, authCode string, source string) (*platform.Trade, error) {
	t, err := s.charge(func() (platform.PayInput, error) { return s.input(amount, authCode, source) })
	if err != nil {
		// Declined: the promise rejects with the acquirer's reason; pay:result carries the trade.
		return nil, err
	}
	return t, nil
}

// charge holds the payment slot, takes the payment build returns (a fresh request id unless
// it carries one), waits for its outcome and reports it: Pay, and the POS API's payments.
// A declined payment returns its failed trade together with the acquirer's reason.
func (s *PayService) charge(build func() (platform.PayInput, error)) (*platform.Trade, error) {
	if !s.c.slot.busy.TryLock() {
		return nil, errPayBusy
	}
	defer s.c.slot.busy.Unlock()
	s.setFlight(&payFlight{})
	defer s.setFlight(nil)
	c := s.c
	in, err := build()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	t, err := s.send(in)
	if t == nil {
		c.log.Info("pay refused", "amount", in.Amount, "code", domain.MaskCode(in.AuthCode), "err", err)
		return nil, err
	}
	if err == nil {
		t = s.await(s.stopIfAsked(t), start)
	}
	c.log.Info("pay done", "trade", t.ID, "reqsn", t.ReqSN, "amount", t.Amount, "code", t.CodeMasked,
		"status", t.Status, "ms", time.Since(start).Milliseconds())
	c.payReported(t)
	return t, err
}

// input checks what the cashier entered against this terminal's limit.
func (s *PayService) input(amount, authCode, source string) (platform.PayInput, error) {
	term, err := s.c.terminalInfo()
	if err != nil {
		return platform.PayInput{}, err
	}
	fen, err := domain.ParseAmount(amount, term.PayLimit)
	if err != nil {
		return platform.PayInput{}, err
	}
	code := strings.TrimSpace(authCode)
	if _, err := domain.ChannelOfCode(code); err != nil {
		return platform.PayInput{}, err
	}
	if source == "" {
		source = string(domain.SourceManual)
	}
	if !domain.AmountSource(source).Valid() {
		return platform.PayInput{}, domain.FieldError("source", "未知的金额来源 %q", source)
	}
	return platform.PayInput{Amount: fen, AuthCode: code, Source: source}, nil
}

// Cancel is 撤销本笔: it asks the platform to close the payment Pay is waiting for. The outcome
// still comes from Pay and pay:result, as the bank decides: closed (nothing charged), or paid
// when the customer was faster. Asked before the first answer names the trade, the close goes
// out as soon as it does.
func (s *PayService) Cancel() error {
	s.mu.Lock()
	f := s.flight
	if f == nil {
		s.mu.Unlock()
		return errNoPayToStop
	}
	f.cancel = true
	id := f.tradeID
	s.mu.Unlock()
	if id == 0 {
		s.c.log.Info("pay: 撤销本笔 asked before the first answer; closing once it comes")
		return nil
	}
	_, err := s.closePay(id)
	return err
}

// setFlight records the payment in progress (nil when Pay returns).
func (s *PayService) setFlight(f *payFlight) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.flight = f
}

// stopIfAsked records the trade of the payment in progress and, when the cashier already
// asked to stop it, closes it now; it returns the trade as it then stands.
func (s *PayService) stopIfAsked(t *platform.Trade) *platform.Trade {
	s.mu.Lock()
	s.flight.tradeID = t.ID
	asked := s.flight.cancel
	s.mu.Unlock()
	if !asked || domain.TradeStatus(t.Status).Final() {
		return t
	}
	if nt, err := s.closePay(t.ID); err == nil {
		return nt
	}
	return t
}

// closePay asks the platform to close trade id (撤销本笔).
func (s *PayService) closePay(id uint) (*platform.Trade, error) {
	t, err := call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error) {
		return api.ClosePay(ctx, cr, id)
	})
	if err != nil {
		s.c.log.Warn("pay: 撤销本笔", "trade", id, "err", err)
		return nil, err
	}
	s.c.log.Info("pay: 撤销本笔", "trade", id, "status", t.Status)
	return t, nil
}

// Retries of a trade request whose answer did not arrive: how many sends in all, and the
// first wait between them (doubling).
const (
	sendAttempts   = 4
	sendRetryFirst = 500 * time.Millisecond
)

// errPayUnsure is what the cashier sees when no send of a pay, void or refund got an answer:
// it may or may not have gone through, so it must not be repeated blindly.
var errPayUnsure = domain.Errorf(domain.CodePayUnsure,
	"平台服务器无法连接，这笔交易的结果未知：请勿重复收款或退款，网络恢复后先在交易查询中核对")

// send asks the platform to charge (with a new request id unless in has one); see sendIdempotent.
func (s *PayService) send(in platform.PayInput) (*platform.Trade, error) {
	if in.RequestID == "" {
		in.RequestID = newRequestID()
	}
	return sendIdempotent(s.c, in.RequestID, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error) {
		return api.Pay(ctx, cr, in)
	})
}

// sendIdempotent sends a pay, void or refund that carries requestID: when the answer is lost
// (the platform unreachable, the connection cut), it sends the same request again, and the
// platform answers the trade of the first send instead of acting twice. The call is not
// cancelled when the app shuts down, so the trade is always persisted and sent; Drain waits.
func sendIdempotent(c *Core, requestID string, f func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error)) (*platform.Trade, error) {
	c.slot.calls.Add(1)
	defer c.slot.calls.Done()
	wait := sendRetryFirst
	for attempt := 1; ; attempt++ {
		t, err := call(c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error) {
			return f(context.WithoutCancel(ctx), api, cr)
		})
		if !domain.IsNoAnswer(err) {
			return t, err
		}
		if attempt == sendAttempts {
			c.log.Error("no answer from the platform; outcome unknown", "request", requestID, "err", err)
			return nil, errPayUnsure
		}
		c.log.Warn("no answer from the platform; sending the same request again",
			"request", requestID, "attempt", attempt, "err", err)
		time.Sleep(wait)
		wait *= 2
	}
}

// newRequestID returns a fresh random request id (32 hex digits) for one payment.
func newRequestID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go ≥ 1.24)
	return hex.EncodeToString(b)
}

// await polls the trade until it is final, the wait is over, or the app shuts down. Each
// pay:progress says how long it has been and how often the platform asked the bank.
func (s *PayService) await(t *platform.Trade, start time.Time) *platform.Trade {
	ctx := s.c.context()
	deadline := start.Add(s.c.pollFor)
	tick := time.NewTicker(s.c.pollEvery)
	defer tick.Stop()
	for !domain.TradeStatus(t.Status).Final() {
		s.c.emit.Emit(events.PayProgress, events.Progress{TradeID: t.ID, ReqSN: t.ReqSN, Status: t.Status,
			Queries: t.Queries, ElapsedMs: time.Since(start).Milliseconds()})
		if time.Now().After(deadline) {
			return t
		}
		select {
		case <-ctx.Done():
			return t
		case <-tick.C:
		}
		nt, err := call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error) {
			return api.GetTrade(ctx, cr, t.ID)
		})
		if err != nil {
			s.c.log.Warn("pay: query trade", "trade", t.ID, "err", err)
			continue
		}
		t = nt
	}
	return t
}

// unresolved are the statuses of trades the cashier must watch (待确认).
var unresolved = []domain.TradeStatus{domain.StatusSent, domain.StatusPending, domain.StatusClosing, domain.StatusUnknown}

// Pending lists today's trades that are still unresolved (待确认), newest first.
func (s *PayService) Pending() ([]platform.Trade, error) {
	out := []platform.Trade{}
	for _, st := range unresolved {
		f := platform.TradeFilter{Status: string(st), Limit: 200}
		page, err := call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.TradePage, error) {
			return api.ListTrades(ctx, cr, f)
		})
		if err != nil {
			return nil, err
		}
		out = append(out, page.Trades...)
	}
	slices.SortFunc(out, func(a, b platform.Trade) int {
		return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(b.ID, a.ID))
	})
	return out, nil
}
