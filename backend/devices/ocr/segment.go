package ocr

import (
	"math"
	"sort"
)

// inkThreshold is the share of the region's strongest contrast above which a pixel counts as ink
// when the region is split into connected parts.
const inkThreshold = 0.4

// box is a glyph's bounding box, [x0,x1) × [y0,y1), with the number of connected parts merged into it.
type box struct {
	x0, y0, x1, y1 int
	parts          int
	border         bool // touches the edge of the region
	n              int  // ink pixels
}

func (b box) w() int { return b.x1 - b.x0 }
func (b box) h() int { return b.y1 - b.y0 }

// components returns the bounding boxes of the 8-connected ink parts of m.
func components(m *inkMap) []box {
	thr := m.max * inkThreshold
	seen := make([]bool, len(m.v))
	var out []box
	stack := make([]int, 0, 256)
	for start, v := range m.v {
		if seen[start] || v < thr {
			continue
		}
		b := box{x0: m.w, y0: m.h, parts: 1}
		seen[start] = true
		stack = append(stack[:0], start)
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := p%m.w, p/m.w
			b.n++
			b.x0, b.x1 = min(b.x0, x), max(b.x1, x+1)
			b.y0, b.y1 = min(b.y0, y), max(b.y1, y+1)
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					nx, ny := x+dx, y+dy
					if nx < 0 || ny < 0 || nx >= m.w || ny >= m.h {
						continue
					}
					q := ny*m.w + nx
					if !seen[q] && m.v[q] >= thr {
						seen[q] = true
						stack = append(stack, q)
					}
				}
			}
		}
		b.border = b.x0 == 0 || b.y0 == 0 || b.x1 == m.w || b.y1 == m.h
		out = append(out, b)
	}
	return out
}

// glyphs merges parts of comparable height stacked above one another (the dots of a colon, the
// parts of many CJK characters) into one box each, drops the region's frame lines and sorts the result left to right.
// Parts inside another part's box (the dot of a dotted zero) are dropped. Parts that share
// columns but also rows (a full stop tucked under a 7) stay apart.
func glyphs(parts []box, w, h int) []box {
	sort.Slice(parts, func(i, j int) bool { return parts[i].x0 < parts[j].x0 })
	var out []box
	for _, p := range parts {
		if isFrame(p, w, h) {
			continue // frame of the captured control
		}
		merged := false
		for i := range out {
			if contains(out[i], p) {
				out[i].border = out[i].border || p.border
				merged = true
				break
			}
			if stacked(out[i], p) {
				out[i] = union(out[i], p)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].x0 < out[j].x0 })
	return out
}

// isFrame reports whether p is the frame of the captured control, or a side of it: touching the
// region's edge, running along nearly all of it, and made of thin lines only. A digit cut by the
// edge is none of these, and must stay to make the read refuse (dropping it would read the rest).
func isFrame(p box, w, h int) bool {
	if !p.border || (p.h()*10 < h*9 && p.w()*10 < w*9) {
		return false
	}
	thin := max(2, min(w, h)/25)
	return p.n <= 2*thin*(p.w()+p.h())
}

// contains reports whether b lies inside a, like the dot of a dotted zero.
func contains(a, b box) bool {
	return b.x0 > a.x0 && b.x1 < a.x1 && b.y0 > a.y0 && b.y1 < a.y1
}

func stacked(a, b box) bool {
	small, big := a, b
	if small.h() > big.h() {
		small, big = b, a
	}
	overlapY := min(a.y1, b.y1) - max(a.y0, b.y0)
	if small.h()*4 < big.h() && (small.w()*2 < big.w() || -overlapY*2 > big.h()) {
		return false // a speck above or below a glyph is not part of it; a bar close over it is (元, 三)
	}
	overlapX := min(a.x1, b.x1) - max(a.x0, b.x0)
	if overlapX*2 < min(a.w(), b.w()) || overlapX <= 0 {
		return false
	}
	return overlapY <= 0
}

func union(a, b box) box {
	return box{
		x0: min(a.x0, b.x0), y0: min(a.y0, b.y0), x1: max(a.x1, b.x1), y1: max(a.y1, b.y1),
		parts: a.parts + b.parts, border: a.border || b.border, n: a.n + b.n,
	}
}

// rightEdge returns the rightmost ink column of b in rows [y0, y1), or -1.
func rightEdge(m *inkMap, b box, y0, y1 int) int {
	thr := m.max * inkThreshold
	r := -1
	for y := y0; y < y1; y++ {
		row := m.v[y*m.w:]
		for x := b.x1 - 1; x > r && x >= b.x0; x-- {
			if row[x] >= thr {
				r = x
				break
			}
		}
	}
	return r
}

// gluedFoot reports whether the bottom rows of b reach clearly further right than its top half, as
// a digit does with the decimal point of a seven-segment display (or a tightly kerned full stop)
// stuck to its lower right corner. Reading such a glyph as the digit alone would lose the point.
// It also returns the last ink column of the top half.
func gluedFoot(m *inkMap, b box) (int, bool) {
	h := b.h()
	top, foot := rightEdge(m, b, b.y0, b.y0+h/2), rightEdge(m, b, b.y1-max(1, h/5), b.y1)
	return top, float64(foot-top) >= math.Max(2, 0.1*float64(h))
}

// serifFoot reports whether the bottom rows of b also reach further left than its middle, like
// the foot serif of a 1 (which a decimal point stuck to the right does not do).
func serifFoot(m *inkMap, b box) bool {
	thr := m.max * inkThreshold
	left := func(y0, y1 int) int {
		l := b.x1
		for y := y0; y < y1; y++ {
			row := m.v[y*m.w:]
			for x := b.x0; x < l; x++ {
				if row[x] >= thr {
					l = x
					break
				}
			}
		}
		return l
	}
	h := b.h()
	return left(b.y0+h*2/5, b.y0+h*7/10)-left(b.y1-max(1, h/5), b.y1) >= 2
}
