package export

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The embedded fonts are subsets of Noto Sans CJK SC (SIL Open Font License 1.1, see
// fonts/OFL.txt), made by fonts/subset.sh: the regular weight holds ASCII, the GB2312
// symbols and its 3,755 level-1 hanzi (about 850 KB), so nearly every store name draws
// without a system font; the bold weight holds only ASCII and the picture's fixed labels.
var (
	//go:embed fonts/NotoSansSC-Regular-subset.otf
	regularOTF []byte
	//go:embed fonts/NotoSansSC-Bold-subset.otf
	boldOTF []byte
)

// ErrNoFont says no usable font was found for the statistics picture.
var ErrNoFont = errors.New("export: 没有可用的中文字体")

var (
	embeddedOnce          sync.Once
	embeddedReg, embedBld *opentype.Font
	embeddedErr           error
)

// embeddedFonts parses the embedded subsets once.
func embeddedFonts() (reg, bold *opentype.Font, err error) {
	embeddedOnce.Do(func() {
		embeddedReg, embeddedErr = opentype.Parse(regularOTF)
		if embeddedErr == nil {
			embedBld, embeddedErr = opentype.Parse(boldOTF)
		}
	})
	return embeddedReg, embedBld, embeddedErr
}

var (
	systemMu    sync.Mutex
	systemFonts = map[string]*opentype.Font{}
)

// loadSystemFont parses the first of paths that holds a font, caching it; a collection
// (.ttc) yields its Simplified Chinese member when it names one, else its first.
func loadSystemFont(paths []string) (*opentype.Font, error) {
	systemMu.Lock()
	defer systemMu.Unlock()
	for _, p := range paths {
		if f, ok := systemFonts[p]; ok {
			return f, nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		f, err := parseFontFile(data)
		if err != nil {
			continue
		}
		systemFonts[p] = f
		return f, nil
	}
	return nil, fmt.Errorf("%w (已查找 %s)", ErrNoFont, strings.Join(paths, ", "))
}

// parseFontFile parses a single font or picks a member of a collection.
func parseFontFile(data []byte) (*opentype.Font, error) {
	c, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	for i := 0; i < c.NumFonts(); i++ {
		f, err := c.Font(i)
		if err != nil {
			return nil, err
		}
		name, _ := f.Name(&buf, sfnt.NameIDFamily)
		if strings.Contains(name, " SC") || strings.Contains(name, "YaHei") || strings.Contains(name, "SimHei") {
			return f, nil
		}
	}
	return c.Font(0)
}

// typeface draws text with a chain of faces: each rune comes from the first face that has
// it, so a rare character in a store name falls back to a system font.
type typeface struct {
	faces []font.Face
}

// newTypeface makes faces of size px (already scaled) from fonts, in order.
func newTypeface(px float64, fonts ...*opentype.Font) (*typeface, error) {
	tf := &typeface{}
	for _, f := range fonts {
		if f == nil {
			continue
		}
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return nil, err
		}
		tf.faces = append(tf.faces, face)
	}
	if len(tf.faces) == 0 {
		return nil, ErrNoFont
	}
	return tf, nil
}

// faceFor picks the face drawing r and its advance; the first face (its "missing" box)
// when none has it.
func (tf *typeface) faceFor(r rune) (font.Face, fixed.Int26_6) {
	for _, f := range tf.faces {
		if adv, ok := f.GlyphAdvance(r); ok {
			return f, adv
		}
	}
	adv, _ := tf.faces[0].GlyphAdvance(r)
	return tf.faces[0], adv
}

// covers reports whether some face of tf has a glyph for every rune of s.
func (tf *typeface) covers(s string) bool {
	for _, r := range s {
		if _, ok := tf.faces[0].GlyphAdvance(r); ok {
			continue
		}
		found := false
		for _, f := range tf.faces[1:] {
			if _, ok := f.GlyphAdvance(r); ok {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// width is how wide s is drawn, in pixels.
func (tf *typeface) width(s string) int {
	var w fixed.Int26_6
	for _, r := range s {
		_, adv := tf.faceFor(r)
		w += adv
	}
	return w.Ceil()
}
