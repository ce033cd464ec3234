package scanner

import (
	"bytes"
	"log/slog"
	"sync"
	"testing"
	"time"
)

// recorder collects what the box reports.
type recorder struct {
	codes  chan string
	status chan Status
	logMu  sync.Mutex
	log    bytes.Buffer
}

func newRecorder() *recorder {
	return &recorder{codes: make(chan string, 32), status: make(chan Status, 64)}
}

func (r *recorder) Write(p []byte) (int, error) {
	r.logMu.Lock()
	defer r.logMu.Unlock()
	return r.log.Write(p)
}

func (r *recorder) logText() string {
	r.logMu.Lock()
	defer r.logMu.Unlock()
	return r.log.String()
}

func (r *recorder) open(t *testing.T, port string, o Options) *Box {
	s := DefaultSettings()
	s.Port = port
	o.Logger = slog.New(slog.NewTextHandler(r, nil))
	if o.IdleTimeout == 0 {
		o.IdleTimeout = 100 * time.Millisecond
	}
	b, err := Open(s, Handlers{OnCode: func(c string) { r.codes <- c }, OnStatus: func(s Status) { r.status <- s }}, o)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		b.Close()
		if t.Failed() {
			t.Log(r.logText())
		}
	})
	return b
}

// waitState waits for a status with the given state and returns it.
func (r *recorder) waitState(t *testing.T, want State) Status {
	t.Helper()
	deadline := time.After(time.Minute)
	for {
		select {
		case s := <-r.status:
			if s.State == want {
				return s
			}
		case <-deadline:
			t.Fatalf("no %q status", want)
		}
	}
}
