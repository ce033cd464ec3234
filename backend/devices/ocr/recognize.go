package ocr

import (
	"image"
)

// minContrast is the smallest colour distance (0–441) between text and background that is read.
const minContrast = 40

// minGlyphH is the smallest glyph height, in pixels, that is compared with templates.
const minGlyphH = 5

// Result is the outcome of one read. When Err is nil, Fen holds the amount; otherwise the
// recogniser abstained and Err (one of ErrEmpty, ErrNoAmount, ErrAmbiguous, ErrUnsure,
// ErrMalformed, ErrSpacing, ErrClipped, ErrBelowFloor) says why. Confidence is also set on a read
// refused by the floor, so that the caller can show how far below it was.
type Result struct {
	Fen        int64
	Text       string  // the number as read, e.g. "1,234.56"
	Confidence float64 // the number's least sure glyph, 0–1 (glyphConfidence)
	Err        error
}

// OK reports whether the read produced an amount.
func (r Result) OK() bool { return r.Err == nil }

// Recognizer reads amounts using its calibrations first and the built-in templates second.
// It is safe for concurrent use.
type Recognizer struct {
	calibrated []template
	builtin    []template
	anchors    []anchor
	floor      float64
}

// anchor is where a calibration found the amount in its region.
type anchor struct{ x0, x1, regionW, digitH int }

// NewRecognizer returns a recogniser using the given calibrations (nil ones are skipped) and the
// built-in templates. Its confidence floor is the lowest of the calibrations' floors, or
// DefaultFloor without a calibration.
func NewRecognizer(cals ...*Calibration) (*Recognizer, error) {
	bt, err := builtin()
	if err != nil {
		return nil, err
	}
	r := &Recognizer{builtin: bt, floor: DefaultFloor}
	calibrated := false
	for _, c := range cals {
		if c == nil {
			continue
		}
		if f := c.floor(); !calibrated || f < r.floor {
			r.floor = f
		}
		calibrated = true
		ts, err := c.templates()
		if err != nil {
			return nil, err
		}
		r.calibrated = append(r.calibrated, ts...)
		if len(c.Span) == 2 && c.RegionW > 0 {
			r.anchors = append(r.anchors, anchor{c.Span[0], c.Span[1], c.RegionW, c.DigitHeight})
		}
	}
	sortTemplates(r.calibrated)
	return r, nil
}

// Recognize reads the amount shown in img, abstaining (Result.Err set) when unsure.
func (r *Recognizer) Recognize(img image.Image) Result {
	page := r.analyse(img)
	if page.err != nil {
		return Result{Err: page.err}
	}
	var res Result
	found := make([]int64, 0, 2)
	numbers, anchored := r.anchored(page.numbers, page.ink.w)
	for _, n := range numbers {
		if n.err != nil {
			return Result{Err: n.err}
		}
		if n.doubtful && !anchored {
			return Result{Err: ErrUnsure}
		}
		found = append(found, n.fen)
		if res.Text == "" || n.conf < res.Confidence {
			res.Text, res.Confidence = n.text, n.conf
		}
	}
	fen, err := single(found)
	if err != nil {
		return Result{Err: err}
	}
	if res.Confidence < r.floor {
		return Result{Confidence: res.Confidence, Err: ErrBelowFloor}
	}
	res.Fen = fen
	return res
}

// page is a region split into glyphs, with the numbers found in it.
type page struct {
	ink     *inkMap
	glyphs  []glyph
	numbers []number
	err     error
}

// glyph is one glyph box with its template match.
type glyph struct {
	box
	m match
}

func (r *Recognizer) analyse(img image.Image) page {
	ink := newInkMap(img)
	p := page{ink: ink}
	if ink.max < minContrast {
		p.err = ErrEmpty
		return p
	}
	for _, b := range glyphs(components(ink), ink.w, ink.h) {
		p.glyphs = append(p.glyphs, r.read(ink, b))
	}
	if len(p.glyphs) == 0 {
		p.err = ErrEmpty
		return p
	}
	p.numbers = findNumbers(p.glyphs)
	if len(p.numbers) == 0 {
		p.err = ErrNoAmount
	}
	return p
}

// read classifies the glyph in b. A digit with a decimal point stuck to its foot is returned
// unrecognised, so that nothing on its line is read: the point cannot be told from the digit.
func (r *Recognizer) read(ink *inkMap, b box) glyph {
	g := glyph{box: b, m: r.classify(ink, b)}
	if !g.m.confident() || !isDigit(g.m.class) {
		return g
	}
	if _, glued := gluedFoot(ink, b); glued && (g.m.class != '1' || !serifFoot(ink, b)) {
		g.m = match{}
	}
	return g
}

func (r *Recognizer) classify(ink *inkMap, b box) match {
	if b.h() < minGlyphH {
		return match{}
	}
	if f := extract(ink, b); f.ok {
		return classify(f, r.calibrated, r.builtin)
	}
	return match{}
}

// anchored picks, among several numbers, the one where a calibration of a region this wide found
// the amount: the only number overlapping that span, with its left or right edge where the
// calibrated one was. Otherwise all numbers are returned (and false), and differing ones make the
// read ambiguous.
func (r *Recognizer) anchored(ns []number, w int) ([]number, bool) {
	if len(ns) < 2 {
		return ns, false
	}
	for _, a := range r.anchors {
		if a.regionW != w {
			continue
		}
		tol := max(2, a.digitH*6/10)
		var hit []number
		for _, n := range ns {
			if n.x0 < a.x1 && n.x1 > a.x0 {
				hit = append(hit, n)
			}
		}
		if len(hit) == 1 && (abs(hit[0].x0-a.x0) <= tol || abs(hit[0].x1-a.x1) <= tol) {
			return hit, true
		}
	}
	return ns, false
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
