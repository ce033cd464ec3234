package ocr

import "strings"

// locateRun finds the one run of glyphs in gs whose digits and separators have the shape of want
// (e.g. "1,234.56"; a leading "¥" stands for a digit-sized yen sign), whatever the digits look
// like, with no further digit-sized glyph right next to it, and checks that the built-in templates
// do not clearly read a glyph as another character.
func locateRun(ink *inkMap, boxes []box, bt []template, want string) ([]box, line, error) {
	gs := make([]glyph, len(boxes))
	for i, b := range boxes {
		gs[i] = glyph{box: b}
		if b.h() >= minGlyphH {
			if f := extract(ink, b); f.ok {
				gs[i].m = classify(f, bt)
			}
		}
	}
	shape := shapeOf(want)
	var found, cFound []box
	var foundLine, cLine line
	matches, consistent := 0, 0
	for i, g := range gs {
		if g.border || g.h() < minGlyphH {
			continue
		}
		ln := line{h: float64(g.h()), base: float64(g.y1)}
		band, kinds, start := bandOf(gs, i, ln)
		if kinds[start] != kDigit || (start > 0 && kinds[start-1] == kDigit && isNear(gs, band, start-1, ln)) {
			continue
		}
		end := extendRun(gs, band, kinds, start, ln)
		if end < len(band) && kinds[end] == kDigit && isNear(gs, band, end-1, ln) {
			continue
		}
		if run, ok := runShape(gs, band, kinds, start, end, ln, shape); ok {
			matches++
			found, foundLine = run, ln
			if checkLabels(ink, run, bt, want) == nil {
				consistent++
				cFound, cLine = run, ln
			}
		}
	}
	switch {
	case consistent == 1 && matches > 1: // in a row of numbers, the one whose digits the text names
		return cFound, cLine, nil
	case matches != 1:
		return nil, line{}, ErrCalibrationNotFound
	}
	if err := checkLabels(ink, found, bt, want); err != nil {
		return nil, line{}, err
	}
	return found, foundLine, nil
}

// isNear reports whether band[k+1] starts within the near distance of band[k]'s end.
func isNear(gs []glyph, band []int, k int, ln line) bool {
	return float64(gs[band[k+1]].x0-gs[band[k]].x1) <= nearGapH*ln.h
}

// bandOf returns the glyphs on seed i's line, their kinds (any digit-sized glyph other than a yen
// sign counts as a digit), and the seed's position among them.
func bandOf(gs []glyph, i int, ln line) ([]int, []kind, int) {
	var band []int
	var kinds []kind
	start := 0
	for j, g := range gs {
		if float64(g.y1) <= ln.base-1.3*ln.h || float64(g.y0) >= ln.base+0.4*ln.h {
			continue
		}
		k := ln.kindOf(g)
		if k == kWeak {
			k = kDigit
		}
		if j == i {
			start = len(band)
		}
		band = append(band, j)
		kinds = append(kinds, k)
	}
	return band, kinds, start
}

// checkLabels fails when the built-in templates confidently read a glyph as another digit than
// the amount text says.
func checkLabels(ink *inkMap, run []box, bt []template, want string) error {
	chars := labelsOf(want)
	for k, b := range run {
		if f := extract(ink, b); f.ok {
			if m := classify(f, bt); m.confident() && m.class != classOf(chars[k]) {
				return ErrCalibrationMismatch
			}
		}
	}
	return nil
}

// labelsOf lists the characters of want's glyphs, e.g. "¥1,234.5" → ¥ 1 2 3 4 5.
func labelsOf(want string) []string {
	var out []string
	for _, r := range want {
		if r != '.' && r != ',' {
			out = append(out, string(r))
		}
	}
	return out
}

func shapeOf(want string) string {
	var sb strings.Builder
	for _, r := range want {
		if r == '.' || r == ',' {
			sb.WriteByte('s')
		} else {
			sb.WriteByte('#')
		}
	}
	return sb.String()
}

// glyphAfter returns the glyph right after last on its line (a 元 glued to the amount): the next
// box to the right within the near distance, about as tall as the digits or taller and roughly square.
func glyphAfter(gs []box, last box, ln line) (box, bool) {
	for _, b := range gs {
		if b.x0 < last.x1 || b.border || float64(b.x0-last.x1) > nearGapH*ln.h {
			continue
		}
		if float64(b.h()) >= 0.8*ln.h && float64(b.w()) >= 0.8*float64(b.h()) && b.y0 < last.y1 && b.y1 > last.y0 {
			return b, true
		}
	}
	return box{}, false
}

// runShape returns the digit boxes of band[start:end] when its digits and separators have the
// given shape. A run may also match by its tail when what precedes the tail is not confidently a
// digit and stands a space apart: a label character of the digits' height ("收 425.73").
func runShape(gs []glyph, band []int, kinds []kind, start, end int, ln line, shape string) ([]box, bool) {
	for from := start; from < end; from++ {
		if from > start {
			prev, first := gs[band[from-1]], gs[band[from]]
			if kinds[from] != kDigit || (prev.m.confident() && isDigit(prev.m.class)) || float64(first.x0-prev.x1) < labelGapH*ln.h {
				continue
			}
		}
		var run []box
		var got []byte
		for k := from; k < end; k++ {
			switch kinds[k] {
			case kDigit:
				got = append(got, '#')
				run = append(run, gs[band[k]].box)
			case kDot, kComma, kSep:
				got = append(got, 's')
			}
		}
		if string(got) == shape && !hasMergedGlyph(run) {
			return run, true
		}
	}
	return nil, false
}

// hasMergedGlyph reports whether a box of run is much wider than the run's typical digit: two
// glyphs touching ("¥9" in small bold type) that must not be learnt as one digit.
func hasMergedGlyph(run []box) bool {
	ws := make([]float64, len(run))
	for i, b := range run {
		ws[i] = float64(b.w())
	}
	m := median(ws)
	for _, w := range ws {
		if w > 1.4*m {
			return true
		}
	}
	return false
}
