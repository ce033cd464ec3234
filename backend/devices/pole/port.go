package pole

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"go.bug.st/serial"
)

// Options says where the cashier program's display bytes arrive and where they go on.
type Options struct {
	Port     string // the port the cashier program writes to (one end of a virtual pair)
	BaudRate int    // default 2400, the LED displays' power-on rate
	// RelayPort, when set, is the real display: every byte read is written to it unchanged,
	// so the customer still sees the amount.
	RelayPort string
	// Idle is the quiet time after which text on the display counts as complete; default 100 ms.
	Idle   time.Duration
	Logger *slog.Logger
}

// ErrRelay wraps the error of opening Options.RelayPort, telling it from the error of
// opening Options.Port.
var ErrRelay = errors.New("pole.relay")

// Listener reads a display port and keeps the last total it showed. It implements the
// amount source interface of backend/devices/screen (Name, Read).
type Listener struct {
	o     Options
	port  serial.Port
	relay serial.Port
	done  chan struct{}

	mu    sync.Mutex
	fen   int64
	err   error
	total func(fen int64)
}

// Open opens the port (and the relay port) and starts reading. onTotal, if not nil, is
// called on the reading goroutine with each new total.
func Open(o Options, onTotal func(fen int64)) (*Listener, error) {
	if o.BaudRate == 0 {
		o.BaudRate = 2400
	}
	if o.Idle <= 0 {
		o.Idle = 100 * time.Millisecond
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	l := &Listener{o: o, done: make(chan struct{}), total: onTotal}
	var err error
	if l.port, err = serial.Open(o.Port, &serial.Mode{BaudRate: o.BaudRate}); err != nil {
		return nil, err
	}
	if o.RelayPort != "" {
		if l.relay, err = serial.Open(o.RelayPort, &serial.Mode{BaudRate: o.BaudRate}); err != nil {
			l.port.Close()
			return nil, fmt.Errorf("%w %s: %w", ErrRelay, o.RelayPort, err)
		}
	}
	go l.run()
	return l, nil
}

// Name returns "pole", the source's name in events and trade rows.
func (l *Listener) Name() string { return "pole" }

// Read returns the total the display shows now, in fen (0: none), or the error that stopped
// reading the port.
func (l *Listener) Read(ctx context.Context) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fen, l.err
}

// Close stops reading and closes the ports.
func (l *Listener) Close() error {
	err := l.port.Close()
	<-l.done
	if l.relay != nil {
		err = errors.Join(err, l.relay.Close())
	}
	return err
}

func (l *Listener) run() {
	defer close(l.done)
	d := Decoder{OnTotal: l.setTotal}
	err := l.read(&d)
	l.mu.Lock()
	l.err = err
	l.mu.Unlock()
	var pe *serial.PortError
	if errors.As(err, &pe) && pe.Code() == serial.PortClosed {
		return
	}
	l.o.Logger.Warn("客显: 读取停止", "port", l.o.Port, "err", err)
}

// read relays and decodes until the port fails or is closed.
func (l *Listener) read(d *Decoder) error {
	if err := l.port.SetReadTimeout(l.o.Idle); err != nil {
		return err
	}
	buf := make([]byte, 256)
	quiet := true
	for {
		n, err := l.port.Read(buf)
		if err != nil {
			return err
		}
		if n == 0 {
			if !quiet {
				d.Flush()
			}
			quiet = true
			continue
		}
		quiet = false
		if l.relay != nil {
			if _, err := l.relay.Write(buf[:n]); err != nil {
				l.o.Logger.Warn("客显: 转发到显示屏失败", "port", l.o.RelayPort, "err", err)
			}
		}
		d.Feed(buf[:n])
	}
}

func (l *Listener) setTotal(fen int64) {
	l.mu.Lock()
	l.fen = fen
	l.mu.Unlock()
	l.o.Logger.Info("客显: 总计", "fen", fen)
	if l.total != nil {
		l.total(fen)
	}
}
