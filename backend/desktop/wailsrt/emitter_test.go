package wailsrt

import "testing"

func TestEmitterDropsEventsBeforeBind(t *testing.T) {
	var e Emitter
	e.Emit("pay:result", nil) // must not panic without a runtime context
}
