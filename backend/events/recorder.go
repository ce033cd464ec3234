package events

import "sync"

// Event is one emitted event as a Recorder keeps it.
type Event struct {
	Name    string
	Payload any
}

// Recorder keeps every emitted event in order, for tests.
type Recorder struct {
	mu     sync.Mutex
	events []Event
}

// Emit records the event.
func (r *Recorder) Emit(name string, payload any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, Event{Name: name, Payload: payload})
}

// Events returns a copy of everything recorded so far.
func (r *Recorder) Events() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Event(nil), r.events...)
}

// Named returns the payloads of the recorded events called name, in order.
func (r *Recorder) Named(name string) []any {
	var out []any
	for _, e := range r.Events() {
		if e.Name == name {
			out = append(out, e.Payload)
		}
	}
	return out
}
