package scanner

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"go.bug.st/serial"

	"xiaotongfu/backend/domain"
)

// Handlers receive what the box produces. They are called one at a time from the box's own
// goroutine and must return quickly (emit an event, hand over to a channel); they must not
// call Close.
type Handlers struct {
	OnCode   func(code string) // a payment code: ASCII digits, MinCodeLen..MaxCodeLen long
	OnStatus func(Status)      // every change of state or message
}

// Options tunes timing, logging and voice; zero values take the defaults.
type Options struct {
	IdleTimeout time.Duration // quiet time that ends an unterminated frame; default 200 ms
	MinBackoff  time.Duration // first reconnect delay; default 500 ms
	MaxBackoff  time.Duration // reconnect delay cap; default 5 s
	Logger      *slog.Logger  // default slog.Default()
	Speaker     Speaker       // voice broadcast; default Unsupported
}

func (o Options) withDefaults() Options {
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 200 * time.Millisecond
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = 500 * time.Millisecond
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = max(5*time.Second, o.MinBackoff)
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Speaker == nil {
		o.Speaker = Unsupported{}
	}
	return o
}

// Box is an open connection to the scanner box. It keeps reconnecting until Close.
type Box struct {
	settings Settings
	h        Handlers
	o        Options
	log      *slog.Logger

	done chan struct{}
	wg   sync.WaitGroup

	mu     sync.Mutex
	port   serial.Port // current port, nil while disconnected
	status Status
	closed bool
}

// Open validates s and starts reading the box in the background. It fails only on invalid
// settings; a missing or busy port is reported through OnStatus and retried with backoff.
func Open(s Settings, h Handlers, o Options) (*Box, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	o = o.withDefaults()
	b := &Box{settings: s, h: h, o: o, log: o.Logger.With("port", s.Port), done: make(chan struct{})}
	b.setStatus(StateConnecting, CodeConnecting)
	b.wg.Add(1)
	go b.run()
	return b, nil
}

// Settings returns the settings the box was opened with.
func (b *Box) Settings() Settings { return b.settings }

// Status returns the latest connection status.
func (b *Box) Status() Status {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.status
}

// Announce voices a payment result when broadcast is enabled in the settings; otherwise it
// does nothing. See Speaker for what is (and is not) supported.
func (b *Box) Announce(ctx context.Context, a Announcement) error {
	if !b.settings.Broadcast {
		return nil
	}
	return b.o.Speaker.Speak(ctx, a)
}

// Close stops reading, closes the port, unblocks any pending read or backoff wait and
// returns once the box goroutine has finished; no handler runs after Close returns.
func (b *Box) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closed = true
	close(b.done)
	p := b.port
	b.mu.Unlock()
	var err error
	if p != nil {
		err = p.Close()
	}
	b.wg.Wait()
	b.setStatus(StateClosed, CodeClosed)
	return err
}

func (b *Box) run() {
	defer b.wg.Done()
	backoff := b.o.MinBackoff
	for {
		p, err := serial.Open(b.settings.Port, b.settings.mode())
		if err != nil {
			b.log.Warn("扫码盒子: 打开串口失败", "err", err, "retryIn", backoff)
			b.setStatus(StateError, openErrorCode(err))
		} else if b.adopt(p) {
			b.log.Info("扫码盒子: 已连接")
			b.setStatus(StateConnected, CodeConnected)
			backoff = b.o.MinBackoff
			err = b.read(p)
			b.release(p)
			if b.isClosed() {
				return
			}
			b.log.Warn("扫码盒子: 连接断开", "err", err)
			b.setStatus(StateDisconnected, CodeDisconnected)
		}
		if !b.wait(backoff) {
			return
		}
		backoff = min(backoff*2, b.o.MaxBackoff)
	}
}

// adopt makes p the current port unless Close has already been called.
func (b *Box) adopt(p serial.Port) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		_ = p.Close()
		return false
	}
	b.port = p
	return true
}

func (b *Box) release(p serial.Port) {
	b.mu.Lock()
	b.port = nil
	b.mu.Unlock()
	_ = p.Close()
}

func (b *Box) isClosed() bool {
	select {
	case <-b.done:
		return true
	default:
		return false
	}
}

// wait sleeps for d or until Close; it reports whether the box should go on.
func (b *Box) wait(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-b.done:
		return false
	case <-t.C:
		return true
	}
}

// read frames the port's bytes until a read error (unplug) or Close.
func (b *Box) read(p serial.Port) error {
	poll := max(b.o.IdleTimeout/2, 10*time.Millisecond)
	if err := p.SetReadTimeout(poll); err != nil {
		return err
	}
	f := framer{code: b.emit, drop: b.dropped}
	buf := make([]byte, 256)
	last := time.Now()
	for {
		n, err := p.Read(buf)
		if err != nil {
			return err
		}
		if n == 0 { // the library's read timeout
			if f.pending() && time.Since(last) >= b.o.IdleTimeout {
				f.idle()
			}
			continue
		}
		last = time.Now()
		f.feed(buf[:n])
	}
}

func (b *Box) emit(code string) {
	b.log.Info("扫码盒子: 读到付款码", "code", domain.MaskCode(code))
	if b.h.OnCode != nil && !b.isClosed() {
		b.h.OnCode(code)
	}
}

func (b *Box) dropped(r dropReason, frame []byte) {
	b.log.Warn("扫码盒子: 丢弃数据", "reason", string(r), "len", len(frame), "tail", maskFrame(frame))
}

// setStatus records a new status, in state st with code c, and reports it if it changed.
func (b *Box) setStatus(st State, c domain.Code) {
	s := newStatus(st, b.settings.Port, c)
	b.mu.Lock()
	changed := b.status != s
	b.status = s
	b.mu.Unlock()
	if changed && b.h.OnStatus != nil {
		b.h.OnStatus(s)
	}
}
