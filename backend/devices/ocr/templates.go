package ocr

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
)

//go:generate go run ./internal/gentemplates -out builtin.bin

// builtinData holds the built-in glyph templates, rendered at development time from open fonts
// (see internal/gentemplates for the fonts, sizes and method).
//
//go:embed builtin.bin
var builtinData []byte

// classYen is the class of both ¥ (U+00A5) and ￥ (U+FFE5); classYuan is that of 元 (U+5143).
const (
	classYen  = 'Y'
	classYuan = 'U'
)

// template is one reference glyph: its class ('0'–'9', classYen or classYuan) and features.
type template struct {
	class byte
	f     feature
}

// Glyph decisions: the best class must reach minScore and beat every other class by minMargin.
const (
	minScore   = 0.80
	minMargin  = 0.06
	aspectGate = 0.45 // largest |ln(aspect ratio)| between a glyph and a template that are compared
)

// match is the outcome of comparing one glyph with a template set.
type match struct {
	class  byte
	score  float32 // best correlation of the best class
	margin float32 // lead over the best other class
}

func (m match) confident() bool { return m.class != 0 && m.score >= minScore && m.margin >= minMargin }

// classify compares f with every template of a compatible aspect ratio. Each set must be sorted
// by aspect ratio (sortTemplates).
func classify(f feature, sets ...[]template) match {
	var best [256]float32
	var seen [256]bool
	for _, set := range sets {
		lo := sort.Search(len(set), func(i int) bool { return set[i].f.logAspect >= f.logAspect-aspectGate })
		for i := lo; i < len(set) && set[i].f.logAspect <= f.logAspect+aspectGate; i++ {
			t := &set[i]
			s := dot(&f.v, &t.f.v)
			if !seen[t.class] || s > best[t.class] {
				best[t.class], seen[t.class] = s, true
			}
		}
	}
	var m match
	second := float32(-1)
	for c := range best {
		if !seen[c] {
			continue
		}
		if m.class == 0 || best[c] > m.score {
			if m.class != 0 {
				second = m.score
			}
			m.class, m.score = byte(c), best[c]
		} else if best[c] > second {
			second = best[c]
		}
	}
	m.margin = m.score - second
	return m
}

var builtin = sync.OnceValues(func() ([]template, error) { return decodeTemplates(builtinData) })

const templateMagic = "XTFT1"

// encodeTemplates packs templates as: magic, then per template the class, the aspect ratio
// in thousandths (uint16) and the features quantised to int8; the whole is deflated.
func encodeTemplates(ts []template) ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(templateMagic)
	for _, t := range ts {
		a := uint16(min(65535, math.Round(float64(t.f.aspect)*1000)))
		raw.Write([]byte{t.class, byte(a >> 8), byte(a)})
		var peak float32
		for _, v := range t.f.v {
			peak = max(peak, float32(math.Abs(float64(v))))
		}
		for _, v := range t.f.v {
			raw.WriteByte(byte(int8(math.Round(float64(v / peak * 127)))))
		}
	}
	var out bytes.Buffer
	zw, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func decodeTemplates(data []byte) ([]template, error) {
	if len(data) == 0 {
		return nil, nil
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
	if err != nil {
		return nil, fmt.Errorf("ocr: templates: %w", err)
	}
	if !bytes.HasPrefix(raw, []byte(templateMagic)) {
		return nil, errors.New("ocr: templates: bad header")
	}
	raw = raw[len(templateMagic):]
	const rec = 3 + featLen
	if len(raw)%rec != 0 {
		return nil, errors.New("ocr: templates: truncated")
	}
	out := make([]template, 0, len(raw)/rec)
	for ; len(raw) > 0; raw = raw[rec:] {
		t := template{class: raw[0]}
		t.f.setAspect(float32(uint16(raw[1])<<8|uint16(raw[2])) / 1000)
		for i := range t.f.v {
			t.f.v[i] = float32(int8(raw[3+i]))
		}
		t.f.ok = normalise(t.f.v[:])
		if t.f.ok && t.f.aspect > 0 {
			out = append(out, t)
		}
	}
	sortTemplates(out)
	return out, nil
}

// sortTemplates orders ts by aspect ratio, as classify needs.
func sortTemplates(ts []template) {
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].f.logAspect < ts[j].f.logAspect })
}

// dedupeAbove is the correlation above which a template adds nothing to one already kept.
const dedupeAbove = 0.92

// BuildTemplateData packs the glyphs of many calibrations into the built-in template format,
// dropping near-duplicates. It is used by go generate (internal/gentemplates) to make builtin.bin.
func BuildTemplateData(cals []*Calibration) ([]byte, error) {
	var kept []template
	for _, c := range cals {
		ts, err := c.templates()
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			if !duplicate(kept, t) {
				kept = append(kept, t)
			}
		}
	}
	return encodeTemplates(kept)
}

func duplicate(kept []template, t template) bool {
	for i := range kept {
		k := &kept[i]
		if k.class == t.class && math.Abs(float64(k.f.logAspect-t.f.logAspect)) < 0.08 && dot(&k.f.v, &t.f.v) >= dedupeAbove {
			return true
		}
	}
	return false
}
