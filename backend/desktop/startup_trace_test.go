package desktop

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a log sink the idle-memory goroutine may write to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// fakeTrace is a trace whose clock the test moves.
func fakeTrace() (*StartupTrace, *time.Time) {
	start := time.Unix(1_800_000_000, 0)
	now := start
	return &StartupTrace{start: start, now: func() time.Time { return now }}, &now
}

// TestStartupTraceLogsEachStepOnceSinceTheProcessStart: steps are logged in milliseconds since
// the process start with its wall clock, a step marked again keeps its first time, the line is
// written once, and a nil trace (tests, bindings) records nothing.
func TestStartupTraceLogsEachStepOnceSinceTheProcessStart(t *testing.T) {
	tr, now := fakeTrace()
	*now = now.Add(3 * time.Millisecond)
	tr.Mark(StepMain)
	*now = now.Add(250 * time.Millisecond)
	tr.Mark(StepDatabase)
	*now = now.Add(time.Second)
	tr.Mark(StepMain)
	var out bytes.Buffer
	log := slog.New(slog.NewTextHandler(&out, nil))
	if !tr.Log(log) || tr.Log(log) {
		t.Fatal("Log must write the line once")
	}
	want := "msg=\"startup trace\" start_unix_ms=1800000000000 main_ms=3 database_ms=253\n"
	if got := out.String(); strings.Count(got, "startup trace") != 1 || !strings.HasSuffix(got, want) {
		t.Fatalf("log = %q, want it to end with %q", got, want)
	}
	var none *StartupTrace
	none.Mark(StepMain)
	if none.Log(log) {
		t.Fatal("a nil trace logged")
	}
}

// TestMarkPageReadsThePagesWallClock: the painted event's Unix milliseconds (fractional, the
// page's performance.timeOrigin + now) become steps since the process start; a payload that is
// not the page's, or whose times go backwards, is refused without recording anything.
func TestMarkPageReadsThePagesWallClock(t *testing.T) {
	tr, _ := fakeTrace()
	ms := float64(tr.start.UnixMilli())
	page := map[string]any{"pageStart": ms + 400.25, "scriptStart": ms + 700, "firstRoute": ms + 1300.5, "firstPaint": ms + 1480}
	if !tr.MarkPage(page) {
		t.Fatal("MarkPage refused the page's payload")
	}
	var out bytes.Buffer
	tr.Log(slog.New(slog.NewTextHandler(&out, nil)))
	if got := out.String(); !strings.Contains(got, "page_start_ms=400 script_start_ms=700 first_route_ms=1300 first_paint_ms=1480") {
		t.Fatalf("log = %q", got)
	}
	bad := []([]any){
		nil,
		{"painted"},
		{map[string]any{"scriptStart": ms, "firstRoute": ms, "firstPaint": ms}},
		{map[string]any{"pageStart": ms, "scriptStart": ms + 5, "firstRoute": ms + 2, "firstPaint": ms + 9}},
		{map[string]any{"pageStart": ms, "scriptStart": "1", "firstRoute": ms, "firstPaint": ms}},
	}
	for _, data := range bad {
		tr, _ := fakeTrace()
		if tr.MarkPage(data...) || len(tr.steps) != 0 {
			t.Fatalf("MarkPage accepted %v: %v", data, tr.steps)
		}
	}
}

// TestPaintedLogsTheTraceThenTheGoSidesIdleMemory: the first painted event logs the trace,
// then idleAfter later the Go side's heap, system memory and goroutines; a second event
// (the page loaded again) logs neither again.
func TestPaintedLogsTheTraceThenTheGoSidesIdleMemory(t *testing.T) {
	old := idleAfter
	idleAfter = 50 * time.Millisecond
	t.Cleanup(func() { idleAfter = old })
	var out syncBuffer
	sh := &Shell{Log: slog.New(slog.NewTextHandler(&out, nil)), Trace: NewStartupTrace()}
	sh.Trace.Mark(StepMain)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ms := float64(time.Now().UnixMilli())
	page := map[string]any{"pageStart": ms, "scriptStart": ms + 1, "firstRoute": ms + 10, "firstPaint": ms + 19}
	sh.Painted(ctx, page)
	sh.Painted(ctx, page)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "idle memory") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // a second idle line would be written by now
	got := out.String()
	if strings.Count(got, "startup trace") != 1 || strings.Count(got, "idle memory") != 1 ||
		!strings.Contains(got, "first_paint_ms=") {
		t.Fatalf("log = %q", got)
	}
	for _, key := range []string{"heap_inuse_kib=", "sys_kib=", "goroutines="} {
		if !strings.Contains(got, key) {
			t.Fatalf("idle memory line without %s: %q", key, got)
		}
	}
}

// TestEmbeddedStartTracesEachStepAndResumesTradesLast: a demo backend (real SQLite file, the
// simulator on loopback) records the database, simulator, seed and recovery steps, and the
// in-flight trades are resumed only after both the simulator and the seeding are done, even
// though the simulator is started beside the database.
func TestEmbeddedStartTracesEachStepAndResumesTradesLast(t *testing.T) {
	env := testEnv(t)
	env.Trace = NewStartupTrace()
	b, err := OpenBackend(context.Background(), Config{}, env)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	at := map[string]time.Duration{}
	for _, s := range env.Trace.steps {
		at[s.name] = s.at
	}
	for _, step := range []string{StepDatabase, StepSimulator, StepSeed, StepRecovery} {
		if _, ok := at[step]; !ok {
			t.Fatalf("step %s not traced: %v", step, env.Trace.steps)
		}
	}
	if at[StepRecovery] < at[StepSimulator] || at[StepRecovery] < at[StepSeed] || at[StepSeed] < at[StepDatabase] {
		t.Fatalf("steps out of order: %v", at)
	}
}
