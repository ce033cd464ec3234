package ocr

import (
	"math"
	"sort"
	"strings"
)

// kind is what a glyph is, judged against the digits of one text line.
type kind int

const (
	kDigit   kind = iota + 1 // a confidently recognised digit of the line's height
	kWeak                    // digit-sized but not confidently recognised
	kYen                     // ¥ or ￥
	kYuan                    // 元 after the number
	kDot                     // full stop on the baseline
	kComma                   // comma reaching below the baseline
	kSep                     // a full stop or a comma, too small to tell which
	kColon                   // two stacked dots
	kSmall                   // any other small mark (minus sign, speck)
	kLabel                   // taller and about as wide as the digits: CJK characters of a label
	kOther                   // any other glyph (letters, a cut-off part of a digit)
	kClipped                 // cut by the edge of the region
)

// minYenScore is the stricter correlation a yen sign needs: it is the one glyph allowed right
// before the digits, so a cut or unknown glyph taken for it would drop a digit.
const minYenScore = 0.88

// line is the height and baseline of the digits of one number.
type line struct{ h, base float64 }

func (l line) tolH() float64 { return 2 + 0.08*l.h }
func (l line) tolB() float64 { return 1 + 0.06*l.h }

// Spacing limits, as shares of the digit height: the widest gap inside a number, and the distance
// within which an unexplained glyph next to a number makes the read unsure.
const (
	maxGapH    = 0.45
	maxSpaceH  = 0.75 // a space used as thousands separator ("1 234.56")
	maxSepGapH = 0.75
	nearGapH   = 0.9
	maxPitchH  = 1.1
	pitchSlack = 0.22
)

func (l line) digitSized(b box) bool {
	return math.Abs(float64(b.h())-l.h) <= l.tolH() && math.Abs(float64(b.y1)-l.base) <= l.tolB()
}

// kindOf judges g against the line.
func (l line) kindOf(g glyph) kind {
	h, w := float64(g.h()), float64(g.w())
	switch {
	case g.border:
		return kClipped
	case g.parts == 2 && w <= 0.25*l.h && h >= 0.5*l.h && h <= 0.85*l.h && float64(g.n) <= 3*w*w:
		return kColon // two stacked dots (not bars, like a seven-segment 1), however digit-like their box
	case g.m.confident() && g.m.class == classYuan && g.m.score >= minYenScore && h >= 0.9*l.h && w >= 0.8*h && w <= 1.3*h:
		return kYuan
	case l.digitSized(g.box) && g.m.confident() && g.m.class == classYen && g.m.score >= minYenScore:
		return kYen
	case l.digitSized(g.box) && g.m.confident() && isDigit(g.m.class):
		return kDigit
	case l.digitSized(g.box):
		return kWeak
	case g.m.confident() && g.m.class == classYen && g.m.score >= minYenScore && h > l.h*0.8:
		return kYen
	}
	switch {
	case g.parts == 2 && h >= 0.3*l.h && h <= 0.85*l.h && w <= 0.4*l.h && float64(g.y1) <= l.base+l.tolB():
		return kColon
	case g.parts == 1 && h <= 0.55*l.h && w <= 0.4*l.h && float64(g.y0) >= l.base-0.35*l.h && float64(g.y1) <= l.base+0.4*l.h:
		return l.separator(g.box)
	case h <= 0.55*l.h:
		return kSmall
	case h > l.h+l.tolH() && w >= 0.75*l.h && w >= 0.85*h && w <= 1.3*h:
		return kLabel // square like a CJK character; a taller digit is much narrower than high
	}
	return kOther
}

// separator tells a full stop from a comma by how far it reaches below the baseline, when the
// text is large enough for the difference to survive anti-aliasing.
func (l line) separator(b box) kind {
	below := float64(b.y1) - l.base
	switch {
	case below >= math.Max(2, 0.1*l.h) && b.h() >= b.w()*3/2 && float64(b.y0) > l.base-0.3*l.h:
		return kComma
	case below <= 1 && b.h() <= b.w()+1 && l.h >= 12 && float64(b.y0) >= l.base-0.3*l.h:
		return kDot
	case float64(b.y0) >= l.base-0.35*l.h:
		return kSep
	}
	return kSmall
}

// number is one run of digits and separators, read or rejected.
type number struct {
	fen      int64
	text     string
	conf     float64
	err      error
	x0, x1   int  // left and right edge of its digits
	doubtful bool // another glyph on the line might be an unread number
}

// findNumbers groups glyphs into numbers: runs of confident digits on one line, joined by at
// most one separator between two digits, and checks what lies next to each run.
func findNumbers(gs []glyph) []number {
	used := make([]bool, len(gs))
	var out []number
	for i := range gs {
		if used[i] || gs[i].border || !gs[i].m.confident() || !isDigit(gs[i].m.class) || narrowPair(gs[i].box) {
			continue
		}
		ln := lineOf(gs, i)
		var band []int
		for j, g := range gs {
			if float64(g.y1) > ln.base-1.3*ln.h && float64(g.y0) < ln.base+0.4*ln.h {
				band = append(band, j)
			}
		}
		kinds := make([]kind, len(band))
		start := 0
		for k, j := range band {
			kinds[k] = ln.kindOf(gs[j])
			if j == i {
				start = k
			}
		}
		if kinds[start] != kDigit {
			continue
		}
		joinLabelParts(gs, band, kinds, ln)
		end := extendRun(gs, band, kinds, start, ln)
		for _, j := range band[start:end] {
			used[j] = true
		}
		n := readRun(gs, band, kinds, start, end, ln)
		n.x0, n.x1 = gs[band[start]].x0, gs[band[end-1]].x1
		// A digit-sized glyph on the line that resembles a digit may be (part of) another number.
		n.doubtful = hasDigitLike(gs, band, kinds)
		out = append(out, n)
	}
	return out
}

// joinLabelParts marks as label the side-by-side parts of one CJK character (页 and 客 of 额, 讠 and
// 十 of 计): neighbours both taller than the digits, nearly touching, whose union is about square.
func joinLabelParts(gs []glyph, band []int, kinds []kind, ln line) {
	tall := func(k int) bool {
		return (kinds[k] == kOther || kinds[k] == kLabel) && float64(gs[band[k]].h()) > ln.h+ln.tolH()
	}
	for k := 0; k+1 < len(band); k++ {
		a, b := gs[band[k]].box, gs[band[k+1]].box
		if !tall(k) || !tall(k+1) || float64(b.x0-a.x1) > 0.2*ln.h {
			continue
		}
		if u := union(a, b); u.w()*100 >= u.h()*85 && u.w()*10 <= u.h()*13 {
			kinds[k], kinds[k+1] = kLabel, kLabel
		}
	}
}

// weakDigitScore is the correlation above which an unrecognised digit-sized glyph looks enough
// like a digit to make any number on its line doubtful.
const weakDigitScore = 0.6

func hasDigitLike(gs []glyph, band []int, kinds []kind) bool {
	for k, j := range band {
		if kinds[k] == kWeak && (gs[j].m.score >= weakDigitScore || gs[j].m.class == 0) {
			return true
		}
	}
	return false
}

// lineOf estimates the digit height and baseline around seed i from the confident digits that
// match the seed's size.
func lineOf(gs []glyph, i int) line {
	seed := line{h: float64(gs[i].h()), base: float64(gs[i].y1)}
	var hs, bs []float64
	for _, g := range gs {
		if g.m.confident() && isDigit(g.m.class) && seed.digitSized(g.box) {
			hs = append(hs, float64(g.h()))
			bs = append(bs, float64(g.y1))
		}
	}
	return line{h: median(hs), base: median(bs)}
}

// extendRun returns the end (exclusive, in band order) of the run starting at band[start].
func extendRun(gs []glyph, band []int, kinds []kind, start int, ln line) int {
	sepGap := maxSepGapH * ln.h
	gap := func(a, b int) float64 { return float64(gs[band[b]].x0 - gs[band[a]].x1) }
	k := start
	for k+1 < len(band) {
		switch {
		case kinds[k+1] == kDigit && gap(k, k+1) <= maxSpaceH*ln.h:
			k++
		case isSep(kinds[k+1]) && k+2 < len(band) && kinds[k+2] == kDigit &&
			gap(k, k+1) <= sepGap && gap(k+1, k+2) <= sepGap:
			k += 2
		default:
			return k + 1
		}
	}
	return k + 1
}

// readRun checks the run band[start:end] and its neighbours, then parses it.
func readRun(gs []glyph, band []int, kinds []kind, start, end int, ln line) number {
	near := nearGapH * ln.h
	if start > 0 {
		if gap := float64(gs[band[start]].x0 - gs[band[start-1]].x1); gap <= near && !neighbourOK(kinds[start-1], gap, ln, true) {
			return number{err: neighbourErr(kinds[start-1])}
		}
	}
	if end < len(band) {
		if gap := float64(gs[band[end]].x0 - gs[band[end-1]].x1); gap <= near && !neighbourOK(kinds[end], gap, ln, false) {
			return number{err: neighbourErr(kinds[end])}
		}
	}
	if err := checkPitch(gs, band[start:end], kinds[start:end], ln); err != nil {
		return number{err: err}
	}
	var sb strings.Builder
	conf := 1.0
	for k := start; k < end; k++ {
		g := gs[band[k]]
		switch kinds[k] {
		case kDigit:
			if k > start && kinds[k-1] == kDigit && spaced(gs[band[k-1]].box, g.box, ln) {
				sb.WriteByte(',') // a space between digit groups; ungroup checks the groups
			}
			sb.WriteByte(g.m.class)
			conf = math.Min(conf, glyphConfidence(g.m))
		case kDot:
			sb.WriteByte('.')
		case kComma:
			sb.WriteByte(',')
		case kSep:
			sb.WriteByte('?')
		}
	}
	text, err := resolveSeparators(sb.String())
	if err != nil {
		return number{err: err}
	}
	fen, err := parseNumber(text)
	return number{fen: fen, text: text, conf: conf, err: err}
}

// narrowPair reports whether b is two narrow stacked parts: a colon, or the 1 of a seven-segment
// display. It never sets the line's size, so a colon cannot pass for a digit of its own line.
func narrowPair(b box) bool { return b.parts == 2 && b.w()*10 <= b.h()*3 }

// spaced reports whether two neighbouring digits stand a space apart rather than side by side.
func spaced(a, b box, ln line) bool { return float64(b.x0-a.x1) > maxGapH*ln.h }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isSep(k kind) bool { return k == kDot || k == kComma || k == kSep }

// resolveSeparators decides the separators whose shape was unclear ('?'). Only the last
// separator, followed by one or two digits, can be taken as the decimal point: a thousands comma
// must be seen to be one, because "1.234" and "1,234" differ a thousandfold. Unclear separators
// before the decimal point can only be thousands separators (a number has one decimal point, and
// "14.157,72" means the same as "14,157.72"); parseNumber then checks their groups of three.
func resolveSeparators(s string) (string, error) {
	if !strings.Contains(s, "?") {
		return s, nil
	}
	last := strings.LastIndexAny(s, ".,?")
	head, tail := s[:last], s[last+1:]
	if s[last] == ',' || (s[last] == '?' && (len(tail) < 1 || len(tail) > 2)) || strings.Contains(head, ".") {
		return "", ErrMalformed
	}
	return strings.ReplaceAll(head, "?", ",") + "." + tail, nil
}

// labelGapH is the smallest gap, as a share of the digit height, between a number and an unread
// label character next to it: a digit touching a CJK character merges into one box with it, which
// must not be taken for the label alone.
const labelGapH = 0.2

// neighbourOK reports whether a glyph of kind k, gap pixels before (left) or after the number, can
// stand there without making the read unsure.
func neighbourOK(k kind, gap float64, ln line, left bool) bool {
	switch k {
	case kColon:
		return true
	case kYen:
		return left
	case kYuan:
		return !left
	case kLabel:
		return gap >= labelGapH*ln.h
	}
	return false
}

func neighbourErr(k kind) error {
	if k == kClipped {
		return ErrClipped
	}
	return ErrUnsure
}

// checkPitch relies on the tabular digits of UI fonts: neighbouring digits without a separator
// sit one pitch apart, and a separator adds visibly to that. A gap that does not fit means a lost
// or spurious separator, or two numbers.
func checkPitch(gs []glyph, run []int, kinds []kind, ln line) error {
	centre := func(b box) float64 { return float64(b.x0+b.x1) / 2 }
	right := func(b box) float64 { return float64(b.x1) }
	// Digits are placed in cells: proportional fonts centre a narrow 1 in its cell, seven-segment
	// fonts align it right. A gap fits when it fits by centres or by right edges.
	errC := pitchBy(gs, run, kinds, ln, centre)
	if errC == nil {
		return nil
	}
	if pitchBy(gs, run, kinds, ln, right) == nil {
		return nil
	}
	return errC
}

// pitchBy checks the run's spacing with digit positions taken by pos.
func pitchBy(gs []glyph, run []int, kinds []kind, ln line, pos func(box) float64) error {
	var plain, sep, inline []float64
	prev, sepKind := -1, kind(0)
	for k, j := range run {
		switch kinds[k] {
		case kDigit:
			if prev >= 0 {
				d := pos(gs[j].box) - pos(gs[run[prev]].box)
				switch {
				case sepKind == 0 && !spaced(gs[run[prev]].box, gs[j].box, ln):
					plain = append(plain, d)
				case sepKind == kDot && gs[run[k-1]].w()*10 >= int(ln.h):
					inline = append(inline, d)
				default:
					sep = append(sep, d)
				}
			}
			prev, sepKind = k, 0
		default:
			sepKind = kinds[k]
		}
	}
	if len(plain) == 0 {
		return nil
	}
	p := median(plain)
	if p > maxPitchH*ln.h {
		return ErrSpacing
	}
	for _, d := range plain {
		if math.Abs(d-p) > pitchSlack*p {
			return ErrSpacing
		}
	}
	for _, d := range sep {
		if d < (1+pitchSlack*0.6)*p || d > 2.6*p {
			return ErrSpacing
		}
	}
	for _, d := range inline { // a broad full stop may also sit in the gap of a seven-segment cell
		if (d < (1+pitchSlack*0.6)*p && math.Abs(d-p) > pitchSlack*0.5*p) || d > 2.6*p {
			return ErrSpacing
		}
	}
	return nil
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
