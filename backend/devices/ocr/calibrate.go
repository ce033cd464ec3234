package ocr

import (
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"strings"
)

// calibrationVersion is the format version written into every Calibration.
const calibrationVersion = 1

// Calibration is what 开始对接 learns from one screenshot of the cashier window: the exact look of
// the glyphs of a known amount. It is plain data, saved with the settings as JSON.
type Calibration struct {
	Version     int               `json:"version"`
	Amount      string            `json:"amount"`       // the amount text it was learnt from
	DigitHeight int               `json:"digit_height"` // pixels
	Glyphs      []CalibratedGlyph `json:"glyphs"`
	// Span is where the amount's digits lay, [left, right) in pixels, in a region RegionW wide:
	// in a row of several numbers the recogniser reads the one found there.
	Span    []int `json:"span,omitempty"`
	RegionW int   `json:"region_w,omitempty"`
	// Floor is the confidence below which reads are refused (ErrBelowFloor), learnt from how
	// surely the calibration image itself was read (CalConfidence). Calibrations saved before
	// floors were learnt have none and use DefaultFloor.
	Floor         float64 `json:"floor,omitempty"`
	CalConfidence float64 `json:"cal_confidence,omitempty"`
}

// CalibratedGlyph is one learnt glyph: its character ("0"–"9", "¥" or "元") and sampled features.
type CalibratedGlyph struct {
	Char   string  `json:"char"`
	Aspect float32 `json:"aspect"` // width / height of its box
	Grid   []int8  `json:"grid"`   // gridW×gridH features, row-major
}

// Calibration errors (stable codes for the UI to translate).
var (
	ErrCalibrationText     = errors.New("ocr.calibration_text")      // the amount text is not a valid amount
	ErrCalibrationNotFound = errors.New("ocr.calibration_not_found") // no run of glyphs matching the amount's digits
	ErrCalibrationMismatch = errors.New("ocr.calibration_mismatch")  // a glyph is clearly another digit than the text says
	ErrCalibrationData     = errors.New("ocr.calibration_data")      // saved calibration data is damaged
)

// Calibrate learns the glyphs of img, which must show amountText (as the cashier reads it on
// screen, e.g. "123.32" or "¥1,234.56"). It fails when the region does not hold exactly one run of
// glyphs with that many digits and the same separators, or when the built-in templates clearly
// read a different digit (a typo in amountText). It also learns the confidence floor
// (Calibration.Floor) from how surely img is then read.
func Calibrate(img image.Image, amountText string) (*Calibration, error) {
	bt, err := builtin()
	if err != nil {
		return nil, err
	}
	cal, err := learn(img, amountText, bt)
	if err != nil {
		return nil, err
	}
	fen, err := ParseAmountText(spaceGroups(amountText))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCalibrationText, err)
	}
	if err := cal.learnFloor(img, fen); err != nil {
		return nil, err
	}
	return cal, nil
}

// LearnGlyphs is Calibrate without the check against the built-in templates. go generate uses it
// to make those templates, so that they do not depend on the previous ones.
func LearnGlyphs(img image.Image, amountText string) (*Calibration, error) {
	return learn(img, amountText, nil)
}

func learn(img image.Image, amountText string, bt []template) (*Calibration, error) {
	want, yen, err := calibrationPattern(amountText)
	if err != nil {
		return nil, err
	}
	ink := newInkMap(img)
	if ink.max < minContrast {
		return nil, ErrCalibrationNotFound
	}
	gs := glyphs(components(ink), ink.w, ink.h)
	run, ln, err := locateRun(ink, gs, bt, want)
	if err != nil && yen {
		want = "¥" + want // the yen sign may be a glyph of the digits' size
		run, ln, err = locateRun(ink, gs, bt, want)
	}
	if err != nil {
		return nil, err
	}
	cal := &Calibration{Version: calibrationVersion, Amount: amountText, DigitHeight: int(ln.h + 0.5),
		Span: []int{run[0].x0, run[len(run)-1].x1}, RegionW: ink.w}
	for k, char := range labelsOf(want) {
		cal.add(extract(ink, run[k]), char)
	}
	if strings.HasSuffix(strings.TrimSpace(amountText), "元") {
		if b, ok := glyphAfter(gs, run[len(run)-1], ln); ok {
			cal.add(extract(ink, b), "元")
		}
	}
	return cal, nil
}

// calibrationPattern reduces an amount text to its digits and separators, e.g. "¥1,234.56" →
// "1,234.56", and reports whether it showed a yen sign.
func calibrationPattern(text string) (string, bool, error) {
	if _, err := ParseAmountText(spaceGroups(text)); err != nil {
		return "", false, fmt.Errorf("%w: %v", ErrCalibrationText, err)
	}
	var sb strings.Builder
	for _, r := range text {
		if isNumRune(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String(), strings.ContainsAny(text, "¥￥"), nil
}

func (c *Calibration) add(f feature, char string) {
	if !f.ok {
		return
	}
	grid := make([]int8, featLen)
	var peak float32
	for _, v := range f.v {
		peak = max(peak, abs32(v))
	}
	for i, v := range f.v {
		grid[i] = int8(v / peak * 127)
	}
	c.Glyphs = append(c.Glyphs, CalibratedGlyph{Char: char, Aspect: f.aspect, Grid: grid})
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// templates converts the saved glyphs back into templates, checking the data.
func (c *Calibration) templates() ([]template, error) {
	if c.Version != calibrationVersion {
		return nil, fmt.Errorf("%w: version %d", ErrCalibrationData, c.Version)
	}
	out := make([]template, 0, len(c.Glyphs))
	for _, g := range c.Glyphs {
		t := template{class: classOf(g.Char)}
		if t.class == 0 || len(g.Grid) != featLen || g.Aspect <= 0 {
			return nil, fmt.Errorf("%w: glyph %q", ErrCalibrationData, g.Char)
		}
		t.f.setAspect(g.Aspect)
		for i, v := range g.Grid {
			t.f.v[i] = float32(v)
		}
		if t.f.ok = normalise(t.f.v[:]); t.f.ok {
			out = append(out, t)
		}
	}
	sortTemplates(out)
	return out, nil
}

func classOf(char string) byte {
	switch {
	case len(char) == 1 && char[0] >= '0' && char[0] <= '9':
		return char[0]
	case char == "¥" || char == "￥":
		return classYen
	case char == "元":
		return classYuan
	}
	return 0
}

// MarshalCalibration encodes c for the settings store.
func MarshalCalibration(c *Calibration) ([]byte, error) { return json.Marshal(c) }

// UnmarshalCalibration decodes and checks data written by MarshalCalibration.
func UnmarshalCalibration(data []byte) (*Calibration, error) {
	var c Calibration
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCalibrationData, err)
	}
	if _, err := c.templates(); err != nil {
		return nil, err
	}
	return &c, nil
}

// spaceGroups writes a space between digit groups ("1 234.56") as a thousands comma, so that the
// text parses as the one amount a person reads in it.
func spaceGroups(text string) string {
	rs := []rune(text)
	for i := 1; i+3 < len(rs); i++ {
		if rs[i] == ' ' && isDigitRune(rs[i-1]) && isDigitRune(rs[i+1]) && isDigitRune(rs[i+2]) && isDigitRune(rs[i+3]) &&
			(i+4 == len(rs) || !isDigitRune(rs[i+4])) {
			rs[i] = ','
		}
	}
	return string(rs)
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }
