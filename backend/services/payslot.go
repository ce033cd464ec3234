package services

import (
	"sync"
	"time"
)

// PaySlot is the terminal's one payment slot: a payment, void or refund holds it while it
// runs, and shutdown waits for the platform calls in it. The window modes ask Paying before
// quitting. The zero value is ready.
type PaySlot struct {
	busy  sync.Mutex     // held while a payment is in progress
	calls sync.WaitGroup // platform Pay calls that have not returned
}

// Paying reports whether a payment is in progress.
func (p *PaySlot) Paying() bool {
	if p.busy.TryLock() {
		p.busy.Unlock()
		return false
	}
	return true
}

// Drain waits up to timeout for platform Pay calls in progress, so shutdown does not cut a
// payment between its request and the saving of the answer. It reports whether all ended.
func (p *PaySlot) Drain(timeout time.Duration) bool {
	done := make(chan struct{})
	go func() { p.calls.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}
