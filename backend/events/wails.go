package events

import (
	"context"
	"sync/atomic"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Wails emits through the Wails runtime. It drops events until Bind gives it the runtime
// context (Wails' OnStartup), so services may be built before the window exists.
type Wails struct {
	ctx atomic.Pointer[context.Context]
}

// Bind sets the Wails runtime context received in OnStartup.
func (w *Wails) Bind(ctx context.Context) { w.ctx.Store(&ctx) }

// Emit sends the event to every window and browser connected to the app.
func (w *Wails) Emit(name string, payload any) {
	if p := w.ctx.Load(); p != nil {
		runtime.EventsEmit(*p, name, payload)
	}
}
