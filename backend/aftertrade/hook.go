// Package aftertrade is the one explicit hook on the trade results the desktop reports: the
// final (or still pending) payment that Pay reports with pay:result, and every void or refund
// TradeService returns. What follows a trade on the devices (the receipt, the voice, later
// the handover counters) subscribes here instead of watching the UI's events.
package aftertrade

import (
	"slices"
	"sync"

	"xiaotongfu/backend/platform"
)

// Hook tells its subscribers about every trade reported to it. The zero value is ready; it is
// safe for concurrent use.
type Hook struct {
	mu   sync.Mutex
	subs []func(t platform.Trade)
}

// Subscribe registers fn to be told about every trade reported from now on (fn tells a
// payment from a void or refund by Kind). fn runs on the reporting goroutine before Report
// returns, so it must hand any slow work (printing, speaking) to a goroutine.
func (h *Hook) Subscribe(fn func(t platform.Trade)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.subs = append(h.subs, fn)
}

// Report tells every subscriber about t, in the order they subscribed.
func (h *Hook) Report(t platform.Trade) {
	h.mu.Lock()
	subs := slices.Clone(h.subs)
	h.mu.Unlock()
	for _, fn := range subs {
		fn(t)
	}
}
