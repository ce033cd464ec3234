package events

import (
	"sync"
	"testing"
)

func TestRecorderKeepsOrderAndFiltersByName(t *testing.T) {
	var r Recorder
	r.Emit(PayProgress, Progress{Queries: 1})
	r.Emit(PayResult, "done")
	r.Emit(PayProgress, Progress{Queries: 2})
	all := r.Events()
	if len(all) != 3 || all[1].Name != PayResult {
		t.Fatalf("Events() = %+v", all)
	}
	got := r.Named(PayProgress)
	if len(got) != 2 || got[0].(Progress).Queries != 1 || got[1].(Progress).Queries != 2 {
		t.Fatalf("Named(PayProgress) = %+v", got)
	}
}

func TestRecorderIsSafeForConcurrentUse(t *testing.T) {
	var r Recorder
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); r.Emit(BoxScan, i) }()
	}
	wg.Wait()
	if n := len(r.Events()); n != 8 {
		t.Fatalf("recorded %d events, want 8", n)
	}
}
