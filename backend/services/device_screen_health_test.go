package services

import (
	"fmt"
	"log/slog"
	"testing"
	"time"

	"xiaotongfu/backend/devices/ocr"
)

func newTestHealth() *readHealth {
	clock := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	h := &readHealth{log: slog.New(slog.DiscardHandler), now: func() time.Time {
		clock = clock.Add(300 * time.Millisecond)
		return clock
	}}
	h.reset(true, 0.15)
	return h
}

func feed(h *readHealth, res ocr.Result, n int) {
	for range n {
		h.record(res)
	}
}

var (
	goodRead = ocr.Result{Fen: 12332, Text: "123.32", Confidence: 0.6}
	lowRead  = ocr.Result{Confidence: 0.05, Err: ocr.ErrBelowFloor}
	unsure   = ocr.Result{Err: ocr.ErrUnsure}
	blank    = ocr.Result{Err: ocr.ErrEmpty}
)

// The tracker goes from working to failing after failAfter refused reads, and back on a good one;
// blank regions do not count, and refusals before any good read are not "started failing".
func TestReadHealthTransitions(t *testing.T) {
	h := newTestHealth()
	feed(h, unsure, failAfter*2)
	if h.snapshot().Failing {
		t.Fatal("failing before any read worked: a region never read is not a change of screen")
	}
	feed(h, goodRead, 2)
	feed(h, lowRead, failAfter-3)
	feed(h, blank, 20) // cleared between sales: neither a failure nor a recovery
	feed(h, unsure, 2)
	if s := h.snapshot(); s.Failing || s.Code != "" {
		t.Fatalf("failing after %d refusals: %+v", failAfter-1, s)
	}
	feed(h, unsure, 1)
	s := h.snapshot()
	if !s.Failing || s.Code != CodeReadsFailing || !s.Active || s.Floor != 0.15 {
		t.Fatalf("after %d refusals: %+v, want failing with %s", failAfter, s, CodeReadsFailing)
	}
	feed(h, goodRead, 1)
	if s := h.snapshot(); s.Failing || s.Code != "" {
		t.Fatalf("a good read did not clear the failure: %+v", s)
	}
}

// The list keeps the newest healthKeep outcomes, newest first, merging repeats and skipping blanks.
func TestReadHealthKeepsLastReads(t *testing.T) {
	h := newTestHealth()
	feed(h, goodRead, 3)
	feed(h, blank, 2)
	feed(h, lowRead, 1)
	s := h.snapshot()
	if len(s.Reads) != 2 {
		t.Fatalf("reads %+v, want 2 entries", s.Reads)
	}
	low, good := s.Reads[0], s.Reads[1]
	if low.Code != ResultOCRBelowFloor || low.Amount != 0 || low.Confidence != 0.05 || low.Count != 1 {
		t.Errorf("newest %+v, want the below-floor refusal with its confidence and no amount", low)
	}
	if good.Code != ReadOK || good.Amount != 12332 || good.Count != 3 || good.At >= low.At {
		t.Errorf("older %+v, want 3 reads of 12332 before it", good)
	}
	for i := range healthKeep + 5 {
		h.record(ocr.Result{Fen: int64(100 + i), Confidence: 0.5})
	}
	s = h.snapshot()
	if len(s.Reads) != healthKeep || s.Reads[0].Amount != int64(100+healthKeep+4) {
		t.Errorf("%d reads, newest %+v; want %d, the last first", len(s.Reads), s.Reads[0], healthKeep)
	}
	s.Reads[0].Amount = -1 // a snapshot is a copy
	if h.snapshot().Reads[0].Amount == -1 {
		t.Error("snapshot shares its reads with the tracker")
	}
	h.reset(false, 0)
	if s := h.snapshot(); s.Active || len(s.Reads) != 0 || fmt.Sprint(s.Reads) != "[]" {
		t.Errorf("after reset %+v, want inactive and empty", s)
	}
}
