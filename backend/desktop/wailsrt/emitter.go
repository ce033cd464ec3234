package wailsrt

import (
	"context"
	"sync/atomic"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Emitter emits through the Wails runtime. It drops events until Bind gives it the runtime
// context (Wails' OnStartup), so services may be built before the window exists.
type Emitter struct {
	ctx atomic.Pointer[context.Context]
}

// Bind sets the Wails runtime context received in OnStartup.
func (e *Emitter) Bind(ctx context.Context) { e.ctx.Store(&ctx) }

// Emit sends the event to every window and browser connected to the app.
func (e *Emitter) Emit(name string, payload any) {
	if p := e.ctx.Load(); p != nil {
		runtime.EventsEmit(*p, name, payload)
	}
}

// Once calls fn the first time the page sends the event name, with the event's data.
func Once(ctx context.Context, name string, fn func(data ...any)) {
	runtime.EventsOnce(ctx, name, fn)
}
