package services

import (
	"errors"
	"log/slog"
	"sync"
	"time"

	"xiaotongfu/backend/devices/ocr"
)

// Health of the OCR source (ScreenHealth.Code); the UI translates it (settings.screen.health).
const (
	// CodeReadsFailing says that OCR read the amount before but the last failAfter reads of a
	// non-blank region were all refused: the cashier program's look changed (a new theme, another
	// display scaling) and 开始对接 should be run again.
	CodeReadsFailing = "screen_reads_failing"
	// ReadOK is the ScreenRead.Code of a read that produced an amount.
	ReadOK = "read"
)

// ScreenHealthCodes lists ScreenHealth.Code values, for the test that each has a text.
var ScreenHealthCodes = []string{CodeReadsFailing}

// Health tracking: the last healthKeep distinct outcomes are kept; failAfter refused reads in a
// row (blank regions not counted) after a good one mark the source failing, one good read clears it.
const (
	healthKeep = 10
	failAfter  = 10
)

// ScreenRead is one outcome of the OCR watcher: Code is ReadOK with Amount (fen), or why it
// abstained (a ConnectResult code: ResultOCRUnsure, ResultOCRBelowFloor, …). Identical outcomes
// in a row are one ScreenRead: Count of them, At (Unix ms) the last one, Confidence the last one's.
type ScreenRead struct {
	At         int64   `json:"at"`
	Amount     int64   `json:"amount"`
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
	Count      int     `json:"count"`
}

// ScreenHealth is how the OCR watcher's reads are going, for 截屏区域配置: Active is set while
// an OCR watcher runs, Floor is its recogniser's confidence floor, Failing (with Code
// CodeReadsFailing) says reads stopped working, Reads are the last outcomes, newest first.
type ScreenHealth struct {
	Active  bool         `json:"active"`
	Floor   float64      `json:"floor"`
	Failing bool         `json:"failing"`
	Code    string       `json:"code,omitempty"`
	Reads   []ScreenRead `json:"reads"`
}

// readHealth tracks the reads of the running OCR watcher. It is safe for concurrent use.
type readHealth struct {
	mu     sync.Mutex
	now    func() time.Time
	log    *slog.Logger
	state  ScreenHealth
	worked bool // a read produced an amount since the watcher started
	streak int  // refused reads of a non-blank region since the last good one
}

// reset starts tracking a new watcher (active false: none, or not an OCR one).
func (h *readHealth) reset(active bool, floor float64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.state = ScreenHealth{Active: active, Floor: floor}
	h.worked, h.streak = false, 0
}

// record notes one recognition. Blank regions are neither kept nor counted.
func (h *readHealth) record(res ocr.Result) {
	if errors.Is(res.Err, ocr.ErrEmpty) {
		return
	}
	r := ScreenRead{At: h.now().UnixMilli(), Code: ReadOK, Amount: res.Fen, Confidence: res.Confidence, Count: 1}
	if res.Err != nil {
		r.Code, r.Amount = ocrCode(res.Err), 0
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.keep(r)
	if r.Code == ReadOK {
		h.worked, h.streak = true, 0
		if h.state.Failing {
			h.state.Failing, h.state.Code = false, ""
			h.log.Info("amount watcher reads again")
		}
		return
	}
	h.streak++
	if h.worked && h.streak >= failAfter && !h.state.Failing {
		h.state.Failing, h.state.Code = true, CodeReadsFailing
		h.log.Warn("amount watcher: reads started failing, run 开始对接 again", "last", r.Code, "confidence", r.Confidence)
	}
}

// keep puts r first in the list, merging it into the newest entry when the outcome is the same.
func (h *readHealth) keep(r ScreenRead) {
	rs := h.state.Reads
	if len(rs) > 0 && rs[0].Code == r.Code && rs[0].Amount == r.Amount {
		r.Count = rs[0].Count + 1
		rs[0] = r
		return
	}
	rs = append([]ScreenRead{r}, rs...)
	if len(rs) > healthKeep {
		rs = rs[:healthKeep]
	}
	h.state.Reads = rs
}

// snapshot returns a copy of the current health.
func (h *readHealth) snapshot() ScreenHealth {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := h.state
	out.Reads = append([]ScreenRead{}, h.state.Reads...)
	return out
}

// ScreenReads returns how the OCR watcher's reads are going (截屏区域配置 shows the last reads,
// their confidence and a warning when they started failing).
func (s *DeviceService) ScreenReads() (ScreenHealth, error) { return s.screen.health.snapshot(), nil }
