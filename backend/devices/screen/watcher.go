package screen

import (
	"context"
	"errors"
	"time"
)

// DefaultInterval is the polling interval when Watcher.Interval is zero.
const DefaultInterval = 300 * time.Millisecond

// Watcher polls an AmountSource and reports a new amount once it has been read the same twice
// in a row. It does not report the same amount again until the source shows another amount or
// is cleared (reads 0). An unsure read breaks a pair but forgets nothing else.
type Watcher struct {
	Source   AmountSource
	Interval time.Duration
	// OnAmount receives each new amount, in fen, and the source's name.
	OnAmount func(fen int64, source string)
	// OnError, if set, receives read failures other than unsure reads.
	OnError func(error)

	candidate int64 // last amount read, waiting for its confirmation
	fired     int64 // last amount reported, 0 after a clear
}

// Run polls until ctx is done and returns ctx's error.
func (w *Watcher) Run(ctx context.Context) error {
	interval := w.Interval
	if interval <= 0 {
		interval = DefaultInterval
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		w.Poll(ctx)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Poll reads the source once and updates the watcher, calling OnAmount when an amount is confirmed.
func (w *Watcher) Poll(ctx context.Context) {
	fen, err := w.Source.Read(ctx)
	switch {
	case err != nil:
		w.candidate = 0
		if !errors.Is(err, ErrUnsure) && ctx.Err() == nil && w.OnError != nil {
			w.OnError(err)
		}
	case fen <= 0:
		w.candidate, w.fired = 0, 0
	case fen != w.candidate:
		w.candidate = fen
	case fen != w.fired:
		w.fired = fen
		if w.OnAmount != nil {
			w.OnAmount(fen, w.Source.Name())
		}
	}
}
