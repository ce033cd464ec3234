package desktop

import (
	"context"
	"time"
)

// PaintedEvent is what the page emits once its first screen is mounted and drawn
// (frontend/src/startup.ts), with {pageStart, scriptStart, firstRoute, firstPaint}: Unix
// milliseconds (the page's performance.timeOrigin + now, fractional).
const PaintedEvent = "app:painted"

// idleAfter is how long after the first paint the Go side's memory is logged as idle (a
// variable: the test shortens it).
var idleAfter = 10 * time.Second

// pageSteps maps the painted event's fields to the trace's steps.
var pageSteps = []struct{ field, step string }{
	{"pageStart", StepPageStart},
	{"scriptStart", StepScriptStart},
	{"firstRoute", StepFirstRoute},
	{"firstPaint", StepFirstPaint},
}

// MarkPage records the page's steps from the painted event's payload. It reports false,
// recording nothing, for a payload it cannot read or whose times are not in order.
func (t *StartupTrace) MarkPage(data ...any) bool {
	if t == nil || len(data) != 1 {
		return false
	}
	m, ok := data[0].(map[string]any)
	if !ok {
		return false
	}
	at := make([]time.Duration, len(pageSteps))
	for i, s := range pageSteps {
		v, ok := m[s.field].(float64)
		if !ok {
			return false
		}
		at[i] = time.UnixMicro(int64(v * 1000)).Sub(t.start)
		if i > 0 && at[i] < at[i-1] {
			return false
		}
	}
	for i, s := range pageSteps {
		t.MarkAt(s.step, at[i])
	}
	return true
}

// Painted is the handler of PaintedEvent: it completes the start-up trace and logs it, then
// logs the Go side's idle memory idleAfter later (unless ctx ends first). Only the first
// call counts (a browser preview of the dev server may load the page again).
func (sh *Shell) Painted(ctx context.Context, data ...any) {
	if !sh.Trace.MarkPage(data...) {
		sh.Log.Warn("startup trace: unreadable painted event", "data", data)
		return
	}
	if !sh.Trace.Log(sh.Log) {
		return
	}
	go func() {
		idle := time.NewTimer(idleAfter)
		defer idle.Stop()
		select {
		case <-idle.C:
			LogMemory(sh.Log)
		case <-ctx.Done():
		}
	}()
}
