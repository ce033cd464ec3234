package services

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/posapi"
)

// PosSettings are the POS API's settings (设置 → 截屏区域配置): off by default; Key is made the
// first time it is enabled and shown to the admin to give to the cashier software's developer.
type PosSettings struct {
	Enabled bool   `json:"enabled"`
	Port    int    `json:"port"` // on 127.0.0.1; posapi.DefaultPort when 0
	Key     string `json:"key"`
}

// POS API states (PosStatus.State) and the codes of a PosFailed state.
const (
	PosOff       = "off"       // not enabled
	PosListening = "listening" // serving on Addr
	PosFailed    = "failed"    // could not listen; Code says why

	PosPortBusy    = "pos_port_busy"    // another program holds the port
	PosNotLoopback = "pos_not_loopback" // an address other than 127.0.0.1 was asked for
	PosPortInvalid = "pos_port_invalid" // a port outside 1024–65535
)

// PosStatus is the POS API as the settings screen shows it.
type PosStatus struct {
	PosSettings
	State string `json:"state"`
	Addr  string `json:"addr,omitempty"` // e.g. 127.0.0.1:17788 while listening
	Code  string `json:"code,omitempty"` // why it failed
}

// PosOptions tune a PosService. Dir is the data folder (the order book's SQLite file); Addr,
// when set, replaces 127.0.0.1:<port> (tests listen on port 0).
type PosOptions struct {
	Dir  string
	Addr string
}

// PosService runs the POS API (package posapi) on this terminal: the cashier software asks
// for payments over loopback HTTP, and they are taken as the pay screen takes them.
type PosService struct {
	c      *Core
	pay    *PayService
	trades *TradeService
	opts   PosOptions

	mu     sync.Mutex
	orders *posapi.Orders
	book   *posapi.Book
	srv    *posapi.Server
	status PosStatus
}

// NewPosService binds the POS API's settings to c; the API starts with the core when enabled.
func NewPosService(c *Core, pay *PayService, trades *TradeService, opts PosOptions) *PosService {
	s := &PosService{c: c, pay: pay, trades: trades, opts: opts, status: PosStatus{State: PosOff}}
	c.onLifecycle(func(context.Context) { s.apply() }, s.stop)
	return s
}

// Status returns the settings and whether the API is listening (the admin only: it shows the key).
func (s *PosService) Status() (PosStatus, error) {
	if err := s.c.requireAdmin(); err != nil {
		return PosStatus{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.status
	st.PosSettings = s.c.prefs.Devices().Pos.withDefaults()
	return st, nil
}

// SavePos turns the API on or off on port (the admin only), making the key when there is none.
func (s *PosService) SavePos(enabled bool, port int) (PosStatus, error) {
	if err := s.c.requireAdmin(); err != nil {
		return PosStatus{}, err
	}
	if port != 0 && (port < 1024 || port > 65535) {
		return PosStatus{}, (&domain.Error{Code: PosPortInvalid, Field: "pos.port", Message: "端口须在 1024–65535 之间"}).With("port", port)
	}
	return s.update(func(p *PosSettings) {
		p.Enabled, p.Port = enabled, port
		if p.Key == "" {
			p.Key = newPosKey()
		}
	})
}

// RegenerateKey replaces the key (the admin only); the old key stops working at once.
func (s *PosService) RegenerateKey() (PosStatus, error) {
	if err := s.c.requireAdmin(); err != nil {
		return PosStatus{}, err
	}
	return s.update(func(p *PosSettings) { p.Key = newPosKey() })
}

// PayOrder charges the code shown in the quick-pay dialog opened for the cashier software's
// order outTradeNo, at the order's own amount.
func (s *PosService) PayOrder(outTradeNo string, authCode string) (*platform.Trade, error) {
	s.mu.Lock()
	book := s.book
	s.mu.Unlock()
	if book == nil {
		return nil, domain.Errorf(domain.CodeUnavailable, "收银软件接口未开启")
	}
	t, err := book.PayOffered(outTradeNo, authCode)
	if err != nil {
		return nil, err // declined: pay:result carries the trade, as for Pay
	}
	return t, nil
}

// update saves change and restarts the API with the result.
func (s *PosService) update(change func(*PosSettings)) (PosStatus, error) {
	if err := s.c.prefs.UpdateDevices(func(d *DeviceSettings) { change(&d.Pos) }); err != nil {
		return PosStatus{}, err
	}
	s.apply()
	return s.Status()
}

// withDefaults fills the port.
func (p PosSettings) withDefaults() PosSettings {
	p.Port = cmp.Or(p.Port, posapi.DefaultPort)
	return p
}

// newPosKey is a fresh random key (32 URL-safe characters).
func newPosKey() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// key is the current key (read at every request, so a new key applies at once).
func (s *PosService) key() string { return s.c.prefs.Devices().Pos.Key }

// apply stops the server and starts it again when enabled.
func (s *PosService) apply() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeLocked()
	p := s.c.prefs.Devices().Pos.withDefaults()
	if !p.Enabled {
		s.status = PosStatus{State: PosOff}
		return
	}
	if err := s.openLocked(p); err != nil {
		s.c.log.Warn("posapi: not started", "err", err)
		s.status = PosStatus{State: PosFailed, Code: posFailure(err)}
		return
	}
	s.status = PosStatus{State: PosListening, Addr: s.srv.Addr()}
}

// openLocked opens the order book and listens (s.mu held).
func (s *PosService) openLocked(p PosSettings) error {
	addr := cmp.Or(s.opts.Addr, fmt.Sprintf("127.0.0.1:%d", p.Port))
	if err := posapi.CheckLoopback(addr); err != nil {
		return err
	}
	if s.orders == nil {
		o, err := posapi.OpenOrders(filepath.Join(s.opts.Dir, posapi.DBName))
		if err != nil {
			return err
		}
		s.orders, s.book = o, posapi.NewBook(o, posTill{s}, s.c.log)
	}
	srv, err := posapi.Listen(addr, s.book, s.key, s.c.log)
	if err != nil {
		return err
	}
	s.srv = srv
	return nil
}

// posFailure is the code of a failure to start.
func posFailure(err error) string {
	if errors.Is(err, posapi.ErrNotLoopback) {
		return PosNotLoopback
	}
	return PosPortBusy
}

// closeLocked stops the server (s.mu held); the order book stays open for charges under way.
func (s *PosService) closeLocked() {
	if s.srv != nil {
		_ = s.srv.Close()
		s.srv = nil
	}
}

// stop stops the server and closes the book at shutdown.
func (s *PosService) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeLocked()
	if s.orders != nil {
		_ = s.orders.Close()
		s.orders, s.book = nil, nil
	}
}

// posTill is the terminal as the POS API's Till: the pay screen's charge, the quick-pay dialog,
// and the refund screen's rules (the admin password).
type posTill struct{ s *PosService }

// PayLimit is this terminal's single-payment limit.
func (t posTill) PayLimit() (int64, error) {
	term, err := t.s.c.terminalInfo()
	if err != nil {
		return 0, err
	}
	return term.PayLimit, nil
}

// Charge takes the payment as Pay does; a declined one returns its trade with the reason.
func (t posTill) Charge(in platform.PayInput) (*platform.Trade, error) {
	return t.s.pay.charge(func() (platform.PayInput, error) { return in, nil })
}

// Offer opens the quick-pay dialog with the order's amount and number.
func (t posTill) Offer(outTradeNo string, amount int64) {
	t.s.c.window.ShowDetected(events.ReasonPOS, events.Amount{Amount: amount, Source: string(domain.SourcePOS), Order: outTradeNo})
}

// Trade returns trade id now.
func (t posTill) Trade(id uint) (*platform.Trade, error) {
	return call(t.s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Trade, error) {
		return api.GetTrade(ctx, cr, id)
	})
}

// Refund refunds as the refund screen does; the platform checks the admin password.
func (t posTill) Refund(in platform.ReverseInput) (*platform.Trade, error) {
	return t.s.trades.refund(in)
}
