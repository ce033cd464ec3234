package hotkey

import (
	"log/slog"
	"sync"
	"time"

	"xiaotongfu/backend/domain"
)

// Names of the app's hotkeys (the 快捷键配置 rows).
const (
	QuickPay = "quickpay" // open the quick-pay dialog (副收款界面)
	Show     = "show"     // bring back the main window
)

// DefaultBindings are the app's default hotkeys.
func DefaultBindings() []Binding {
	return []Binding{{Name: QuickPay, Combo: "Ctrl+Shift+P"}, {Name: Show, Combo: "Ctrl+Shift+M"}}
}

// Backend registers one combo with the operating system (see hotkey/native).
type Backend interface {
	// Register delivers each key-up of c to fire until the returned release function is
	// called. release must not block.
	Register(c Combo, fire func()) (release func(), err error)
}

// Binding names one hotkey setting. An empty Combo switches the hotkey off (取消快捷键).
type Binding struct {
	Name  string `json:"name"`
	Combo string `json:"combo"`
}

// Result reports one binding after Apply: Registered, or off (Combo empty), or failed with
// Err, a *domain.Error with a code and its parameters (never the system's text, which goes to
// the log).
type Result struct {
	Name       string        `json:"name"`
	Combo      string        `json:"combo"` // canonical form, or the text as given when invalid
	Registered bool          `json:"registered"`
	Err        *domain.Error `json:"error,omitempty"`
}

// repeatGap swallows the key-ups that X11 auto-repeat sends while a hotkey is held down.
const repeatGap = 250 * time.Millisecond

type active struct {
	release func()
	last    time.Time
}

// Manager keeps a set of named hotkeys registered and calls onFire(name) on each key-up.
type Manager struct {
	backend Backend
	onFire  func(name string)
	log     *slog.Logger

	mu     sync.Mutex
	active map[string]*active
	closed bool
}

// NewManager returns a manager with no hotkeys. onFire runs on a backend goroutine and must
// return quickly (emit an event).
func NewManager(b Backend, onFire func(name string), log *slog.Logger) *Manager {
	if log == nil {
		log = slog.Default()
	}
	return &Manager{backend: b, onFire: onFire, log: log, active: map[string]*active{}}
}

// Apply replaces every registered hotkey with bindings and reports each one's outcome in
// the same order. A combo used twice keeps its first binding; the later ones fail with
// CodeUsed.
func (m *Manager) Apply(bindings []Binding) []Result {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.releaseAll()
	results := make([]Result, len(bindings))
	used := map[string]string{}
	for i, b := range bindings {
		results[i] = m.register(b, used)
	}
	return results
}

func (m *Manager) register(b Binding, used map[string]string) Result {
	r := Result{Name: b.Name, Combo: b.Combo}
	if b.Combo == "" {
		return r
	}
	c, err := Parse(b.Combo)
	switch {
	case err != nil:
	case m.closed:
		err = problem(CodeStopped, "快捷键已停用")
	case m.active[b.Name] != nil:
		err = problem(CodeNameTwice, "快捷键名称 %s 重复", "name", b.Name)
	case used[c.String()] != "":
		err = Used(c)
	}
	if err == nil {
		r.Combo = c.String()
		a := &active{}
		a.release, err = m.backend.Register(c, func() { m.fire(b.Name, a) })
		if err == nil {
			m.active[b.Name] = a
			used[r.Combo] = b.Name
			r.Registered = true
			return r
		}
	}
	m.log.Warn("快捷键注册失败", "name", r.Name, "combo", r.Combo, "err", err)
	r.Err = domain.AsError(err)
	if domain.CodeOf(err) == domain.CodeInternal { // the system's refusal: its text stays in the log
		r.Err = problem(CodeTaken, "%s 注册失败，可能已被其他程序占用", "combo", r.Combo)
	}
	return r
}

// Used is the error of c given to a second setting (CodeUsed).
func Used(c Combo) *domain.Error {
	return problem(CodeUsed, "%s 已用于其他功能", "combo", c.String())
}

// fire reports a key-up unless the registration was replaced or it is an auto-repeat.
func (m *Manager) fire(name string, a *active) {
	m.mu.Lock()
	now := time.Now()
	current := m.active[name] == a
	repeat := now.Sub(a.last) < repeatGap
	a.last = now
	m.mu.Unlock()
	if current && !repeat && m.onFire != nil {
		m.onFire(name)
	}
}

func (m *Manager) releaseAll() {
	for name, a := range m.active {
		a.release()
		delete(m.active, name)
	}
}

// Close releases every hotkey; later Apply calls register nothing.
func (m *Manager) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.releaseAll()
	m.closed = true
}

// Registered reports whether the binding called name is registered now.
func (m *Manager) Registered(name string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.active[name]
	return ok
}
