package desktop

import (
	"log/slog"
	"runtime"
	"sync"
	"time"
)

// processStart is the earliest moment the program can see: this package's initialisation,
// just after the Go runtime started (scripts/bench.sh subtracts it from the moment it ran the
// binary, which gives the loader's and runtime's share).
var processStart = time.Now()

// Start-up steps the trace records, in the order they usually happen. The platform's steps
// (StepDatabase … StepRecovery) run at the same time as Wails and WebKit start.
const (
	StepMain        = "main"         // main() entered: every package initialised
	StepShell       = "shell"        // data folder, log and config.json read, services built
	StepWailsRun    = "wails_run"    // wails.Run called: GTK/WebView2 and the page start loading
	StepDatabase    = "database"     // database opened and migrated
	StepSimulator   = "simulator"    // demo: the SYB simulator's keys made and listening
	StepSeed        = "seed"         // demo data or the shop's merchant registered
	StepRecovery    = "recovery"     // in-flight trades resumed: payments may start from here
	StepWailsStart  = "wails_start"  // Wails' OnStartup: the runtime context is there
	StepDomReady    = "dom_ready"    // the page's DOM is loaded (the window is shown)
	StepPageStart   = "page_start"   // the page began to load (the page's clock, as the next three)
	StepScriptStart = "script_start" // the page's main script began to run
	StepFirstRoute  = "first_route"  // the first screen is mounted
	StepFirstPaint  = "first_paint"  // the first screen's first frame is drawn
)

// StartupTrace records when each start-up step finished, as the time since processStart, and
// logs them in one line at the first paint: where a cold start spends its time.
type StartupTrace struct {
	mu     sync.Mutex
	start  time.Time
	now    func() time.Time
	steps  []traceStep
	logged bool
}

type traceStep struct {
	name string
	at   time.Duration
}

// NewStartupTrace returns a trace whose zero is the process start.
func NewStartupTrace() *StartupTrace {
	return &StartupTrace{start: processStart, now: time.Now}
}

// Mark records that step has just finished; a step marked again keeps its first time. A nil
// trace records nothing (tests and the bindings generator run without one).
func (t *StartupTrace) Mark(step string) {
	if t == nil {
		return
	}
	t.MarkAt(step, t.now().Sub(t.start))
}

// MarkAt records that step finished at, after the process start (for a moment measured
// elsewhere, e.g. by the page).
func (t *StartupTrace) MarkAt(step string, at time.Duration) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, s := range t.steps {
		if s.name == step {
			return
		}
	}
	t.steps = append(t.steps, traceStep{step, at})
}

// Since is the time from the process start to now.
func (t *StartupTrace) Since() time.Duration { return t.now().Sub(t.start) }

// Log writes the steps recorded so far as one "startup trace" line (each step in
// milliseconds since the process start, and start_unix_ms, the process start's wall clock),
// once: it reports whether this call wrote it.
func (t *StartupTrace) Log(log *slog.Logger) bool {
	if t == nil || log == nil {
		return false
	}
	t.mu.Lock()
	if t.logged {
		t.mu.Unlock()
		return false
	}
	t.logged = true
	attrs := []any{"start_unix_ms", t.start.UnixMilli()}
	for _, s := range t.steps {
		attrs = append(attrs, s.name+"_ms", s.at.Milliseconds())
	}
	t.mu.Unlock()
	log.Info("startup trace", attrs...)
	return true
}

// LogMemory writes the Go side's memory ("idle memory": heap in use, memory obtained from the
// system, goroutines). WebKit's processes are not in it: scripts/bench.sh adds their RSS.
func LogMemory(log *slog.Logger) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	log.Info("idle memory", "heap_inuse_kib", m.HeapInuse>>10, "sys_kib", m.Sys>>10,
		"goroutines", runtime.NumGoroutine())
}
