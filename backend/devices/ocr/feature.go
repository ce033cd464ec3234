package ocr

import "math"

// Glyph features: the ink inside a glyph's box, resampled to a gridW×gridH grid by area averaging,
// then centred and scaled to unit length so that a dot product is the normalised cross-correlation.
const (
	gridW   = 10
	gridH   = 14
	featLen = gridW * gridH
)

// feature is a glyph's normalised grid plus the box's aspect ratio.
type feature struct {
	v         [featLen]float32
	aspect    float32 // width / height of the box
	logAspect float32 // its natural logarithm, for comparing shapes
	ok        bool    // false when the box holds no contrast at all
}

// extract samples m inside b.
func extract(m *inkMap, b box) feature {
	var f feature
	f.setAspect(float32(b.w()) / float32(b.h()))
	wx := cellWeights(b.x0, b.w(), gridW)
	wy := cellWeights(b.y0, b.h(), gridH)
	for gy := 0; gy < gridH; gy++ {
		for _, ry := range wy[gy] {
			row := m.v[ry.px*m.w:]
			for gx := 0; gx < gridW; gx++ {
				var s float32
				for _, rx := range wx[gx] {
					s += rx.wt * row[rx.px]
				}
				f.v[gy*gridW+gx] += s * ry.wt
			}
		}
	}
	f.ok = normalise(f.v[:])
	return f
}

func (f *feature) setAspect(a float32) {
	f.aspect = a
	f.logAspect = float32(math.Log(float64(a)))
}

type span struct {
	px int
	wt float32
}

// cellWeights splits n source pixels starting at off into cells equal parts and returns, for each
// cell, the source pixels it overlaps and by how much.
func cellWeights(off, n, cells int) [][]span {
	out := make([][]span, cells)
	step := float32(n) / float32(cells)
	for c := 0; c < cells; c++ {
		a, b := float32(c)*step, float32(c+1)*step
		for p := int(a); p < n && float32(p) < b; p++ {
			lo, hi := max(a, float32(p)), min(b, float32(p+1))
			if hi > lo {
				out[c] = append(out[c], span{px: off + p, wt: hi - lo})
			}
		}
	}
	return out
}

// normalise centres v and scales it to unit length; it reports false for a flat vector.
func normalise(v []float32) bool {
	var mean float32
	for _, x := range v {
		mean += x
	}
	mean /= float32(len(v))
	var ss float32
	for i := range v {
		v[i] -= mean
		ss += v[i] * v[i]
	}
	if ss < 1e-9 {
		return false
	}
	k := float32(1 / math.Sqrt(float64(ss)))
	for i := range v {
		v[i] *= k
	}
	return true
}

func dot(a, b *[featLen]float32) float32 {
	var s0, s1, s2, s3 float32
	for i := 0; i < featLen; i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	return s0 + s1 + s2 + s3
}
