package platform

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"
)

// gate holds one step of a service (a database statement, a request to the bank) until the
// test lets it go, so a test can force one exact interleaving of concurrent work.
type gate struct {
	name    string
	hit     atomic.Bool
	reached chan struct{}
	release chan struct{}
	once    sync.Once
}

func newGate(t testing.TB, name string) *gate {
	g := &gate{name: name, reached: make(chan struct{}), release: make(chan struct{})}
	t.Cleanup(g.open)
	return g
}

// pass is called by the held step: the first caller stops there until open.
func (g *gate) pass() {
	if g.hit.CompareAndSwap(false, true) {
		close(g.reached)
		<-g.release
	}
}

// open lets the held step (and any later one) go on.
func (g *gate) open() { g.once.Do(func() { close(g.release) }) }

// wait blocks until the step reached the gate; it fails the test after 15 s.
func (g *gate) wait(t testing.TB) {
	t.Helper()
	select {
	case <-g.reached:
	case <-time.After(15 * time.Second):
		t.Fatalf("%s: never reached", g.name)
	}
}

var gateSeq atomic.Int64

// holdUpdate gates the first UPDATE on db that writes status, just before it runs.
func holdUpdate(t testing.TB, db *gorm.DB, status string) *gate {
	g := newGate(t, "update to "+status)
	name := fmt.Sprintf("test:hold-update-%d", gateSeq.Add(1))
	must(t, db.Callback().Update().Before("gorm:update").Register(name, func(tx *gorm.DB) {
		if m, ok := tx.Statement.Dest.(map[string]any); ok && m["status"] == status {
			g.pass()
		}
	}))
	t.Cleanup(func() { _ = db.Callback().Update().Remove(name) })
	return g
}

// holdAfterQuery gates the first SELECT on db whose SQL contains part, once it has its rows.
func holdAfterQuery(t testing.TB, db *gorm.DB, part string) *gate {
	g := newGate(t, "query "+part)
	name := fmt.Sprintf("test:hold-query-%d", gateSeq.Add(1))
	must(t, db.Callback().Query().After("gorm:query").Register(name, func(tx *gorm.DB) {
		if strings.Contains(tx.Statement.SQL.String(), part) {
			g.pass()
		}
	}))
	t.Cleanup(func() { _ = db.Callback().Query().Remove(name) })
	return g
}

// holdRequest keeps the first request to the bank on path in transit until the gate opens,
// then delivers it: the client may have given up on it long before (a late packet).
func (e *payEnv) holdRequest(path string) *gate {
	g := newGate(e.t, "request "+path)
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/apiweb"+path || g.hit.Load() {
			return false
		}
		body, _ := io.ReadAll(r.Body)
		g.pass()
		late := httptest.NewRequest(r.Method, r.URL.String(), bytes.NewReader(body))
		late.Header = r.Header.Clone()
		e.sim.ServeHTTP(w, late)
		return true
	})
	return g
}
