package windowmode

import (
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
)

// DetectedAmountFor is how long an amount read from the screen is offered to a quick-pay
// dialog opened another way (the hotkey, the tray, a box scan).
const DetectedAmountFor = 2 * time.Minute

// detectedAmount is the last amount the watcher read and when.
type detectedAmount struct {
	amount events.Amount
	at     time.Time
}

// NoteDetected remembers an amount the watcher read, for quick pay opened without one.
func (w *Controller) NoteDetected(a events.Amount) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.detected = detectedAmount{amount: a, at: w.now()}
}

// recentDetected returns the remembered amount when it was read within DetectedAmountFor.
func (w *Controller) recentDetected() (events.Amount, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	d := w.detected
	if d.amount.Amount <= 0 || w.now().Sub(d.at) > DetectedAmountFor {
		return events.Amount{}, false
	}
	return d.amount, true
}

// TradeReported forgets the remembered amount once a payment of that amount was reported
// (pay:result, through the after-trade hook) as anything but failed or closed: it was paid, or may still be, so offering
// it again could charge the customer twice. After a declined payment it is still offered.
func (w *Controller) TradeReported(t platform.Trade) {
	st := domain.TradeStatus(t.Status)
	if t.Kind != string(domain.KindPay) || st == domain.StatusFailed || st == domain.StatusClosed {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.detected.amount.Amount == t.Amount {
		w.detected = detectedAmount{}
	}
}
