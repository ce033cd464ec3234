package hotkey

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// table is an in-memory Backend: it holds the registered combos and lets a test press them.
// The system backend is exercised under X by TestNativeUnderX.
type table struct {
	mu    sync.Mutex
	fires map[string]func()
	taken map[string]bool // combos "another program" holds
}

func newTable() *table { return &table{fires: map[string]func(){}, taken: map[string]bool{}} }

func (b *table) Register(c Combo, fire func()) (func(), error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.taken[c.String()] {
		return nil, errors.New("BadAccess")
	}
	b.fires[c.String()] = fire
	return func() {
		b.mu.Lock()
		delete(b.fires, c.String())
		b.mu.Unlock()
	}, nil
}

func (b *table) press(combo string) bool {
	b.mu.Lock()
	f := b.fires[combo]
	b.mu.Unlock()
	if f != nil {
		f()
	}
	return f != nil
}

// TestManagerApplyReportsEachBinding: each failed binding reports a code and its parameters;
// the system's own refusal ("BadAccess") is in the log only.
func TestManagerApplyReportsEachBinding(t *testing.T) {
	b := newTable()
	b.taken["Alt+F9"] = true
	var got []string
	var log bytes.Buffer
	m := NewManager(b, func(n string) { got = append(got, n) }, slog.New(slog.NewTextHandler(&log, nil)))
	res := m.Apply([]Binding{
		{Name: QuickPay, Combo: "ctrl+shift+p"},
		{Name: Show, Combo: "Ctrl+Shift+P"},
		{Name: "lock", Combo: "Shift+L"},
		{Name: "other", Combo: "Alt+F9"},
		{Name: "off", Combo: ""},
	})
	want := []struct {
		registered bool
		code       domain.Code
		combo      string
	}{{true, "", ""}, {false, CodeUsed, "Ctrl+Shift+P"}, {false, CodeNeedsModifier, "Shift+L"}, {false, CodeTaken, "Alt+F9"}, {false, "", ""}}
	for i, w := range want {
		r := res[i]
		var code domain.Code
		if r.Err != nil {
			code = r.Err.Code
		}
		if r.Registered != w.registered || code != w.code {
			t.Errorf("%s: %+v, want registered=%v code=%q", r.Name, r, w.registered, w.code)
			continue
		}
		if r.Err != nil && (r.Err.Params["combo"] != w.combo || len(r.Err.Params) != 1 || strings.Contains(r.Err.Message, "BadAccess")) {
			t.Errorf("%s: error %+v, want only {combo: %s} and no system text", r.Name, r.Err, w.combo)
		}
	}
	if !strings.Contains(log.String(), "BadAccess") {
		t.Errorf("the system's refusal is not logged:\n%s", log.String())
	}
	if res[0].Combo != "Ctrl+Shift+P" {
		t.Errorf("combo not canonical: %q", res[0].Combo)
	}
	b.press("Ctrl+Shift+P")
	if len(got) != 1 || got[0] != QuickPay {
		t.Fatalf("fired %q", got)
	}
}

func TestManagerSwallowsAutoRepeatAndStaleFires(t *testing.T) {
	b := newTable()
	var mu sync.Mutex
	var got []string
	m := NewManager(b, func(n string) { mu.Lock(); got = append(got, n); mu.Unlock() }, nil)
	m.Apply([]Binding{{Name: QuickPay, Combo: "F8"}})
	old := b.fires["F8"]
	for range 5 { // X11 auto-repeat: a burst of key-ups while the key is held
		b.press("F8")
	}
	time.Sleep(repeatGap + 50*time.Millisecond)
	b.press("F8")
	m.Apply([]Binding{{Name: QuickPay, Combo: "F9"}})
	old() // a late event from the released F8 grab
	if b.press("F8") {
		t.Fatal("F8 still registered after Apply")
	}
	b.press("F9")
	m.Close()
	if len(b.fires) != 0 {
		t.Fatalf("Close left %d hotkeys", len(b.fires))
	}
	if r := m.Apply([]Binding{{Name: Show, Combo: "F7"}}); r[0].Registered {
		t.Fatal("Apply after Close registered a hotkey")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 3 {
		t.Fatalf("fired %d times (%q), want 3", len(got), got)
	}
}
