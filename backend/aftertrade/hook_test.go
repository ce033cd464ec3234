package aftertrade_test

import (
	"slices"
	"sync"
	"testing"

	"xiaotongfu/backend/aftertrade"
	"xiaotongfu/backend/platform"
)

func TestReportTellsEverySubscriberInOrderBeforeReturning(t *testing.T) {
	var h aftertrade.Hook
	var got []string
	h.Subscribe(func(tr platform.Trade) { got = append(got, "receipt:"+tr.ReqSN) })
	h.Subscribe(func(tr platform.Trade) { got = append(got, "voice:"+tr.ReqSN) })
	h.Report(platform.Trade{ReqSN: "A1"})
	h.Report(platform.Trade{ReqSN: "B2"})
	want := []string{"receipt:A1", "voice:A1", "receipt:B2", "voice:B2"}
	if !slices.Equal(got, want) {
		t.Fatalf("told %v, want %v", got, want)
	}
}

func TestReportWithoutSubscribersAndSubscribeWhileReporting(t *testing.T) {
	var h aftertrade.Hook
	h.Report(platform.Trade{ID: 1}) // nobody listens: nothing happens
	var mu sync.Mutex
	n := 0
	h.Subscribe(func(platform.Trade) {
		h.Subscribe(func(platform.Trade) {}) // a subscriber may subscribe more without deadlock
		mu.Lock()
		n++
		mu.Unlock()
	})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() { defer wg.Done(); h.Report(platform.Trade{ID: 2}) }()
	}
	wg.Wait()
	if n != 8 {
		t.Fatalf("first subscriber told %d times, want 8", n)
	}
}
