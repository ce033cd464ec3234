package windowmode

import (
	"time"

	"xiaotongfu/backend/events"
)

// quitAskFor is how long after the tray's 退出 asked the UI "交班后退出?" a second 退出 quits
// at once: the prompt can never stand between the cashier and quitting.
const quitAskFor = time.Minute

// SetQuitAsk gives the tray's 退出 a question to ask first: when ask reports true (e.g. a
// shift to hand over), 退出 shows the main window and emits window:quitAsk for the UI to
// ask, which then quits through WindowService.Quit. nil asks nothing.
func (w *Controller) SetQuitAsk(ask func() bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.askQuit = ask
}

// askFirst reports whether QuitOrExplain handed the question to the UI instead of
// quitting: never while paying (Quit explains that), nor within quitAskFor of the last ask.
func (w *Controller) askFirst() bool {
	if w.paying != nil && w.paying() {
		return false
	}
	w.mu.Lock()
	ask, last := w.askQuit, w.askedAt
	w.mu.Unlock()
	now := w.now()
	if ask == nil || (!last.IsZero() && now.Sub(last) < quitAskFor) || !ask() {
		return false
	}
	w.mu.Lock()
	w.askedAt = now
	w.mu.Unlock()
	w.ShowMain(events.ReasonUser)
	w.emit.Emit(events.QuitAsk, struct{}{})
	return true
}
