package ocr

import (
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"xiaotongfu/backend/devices/ocr/internal/corpus"
)

// tally counts outcomes over a corpus.
type tally struct{ right, wrong, abstain, refused, total int }

func (t *tally) add(want string, got Result) (wrong bool) {
	t.total++
	gotText := "?"
	if got.OK() {
		gotText = fmt.Sprintf("%d.%02d", got.Fen/100, got.Fen%100)
	}
	switch {
	case want == "?" && gotText == "?":
		t.refused++
	case gotText == "?":
		t.abstain++
	case gotText == want:
		t.right++
	default:
		t.wrong++
		return true
	}
	return false
}

func (t tally) readable() int { return t.right + t.wrong + t.abstain }

func (t tally) share() float64 {
	if t.readable() == 0 {
		return 1
	}
	return float64(t.right) / float64(t.readable())
}

func (t tally) String() string {
	return fmt.Sprintf("%4d images: %4d right (%5.1f%%), %d wrong, %3d abstained, %3d correctly refused", t.total, t.right, 100*t.share(), t.wrong, t.abstain, t.refused)
}

// report tallies outcomes overall and by font group, size band and effect.
type report map[string]*tally

func (r report) add(key, want string, got Result) bool {
	if r[key] == nil {
		r[key] = &tally{}
	}
	return r[key].add(want, got)
}

func (r report) log(t *testing.T) {
	keys := make([]string, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-22s %v", k, r[k])
	}
}

func needFonts(t *testing.T) {
	t.Helper()
	for _, f := range append(append([]corpus.Font{{Path: corpus.LabelFont}}, corpus.EvalFonts...), corpus.TemplateFonts...) {
		if _, err := os.Stat(corpus.FilePath(f.Path)); err != nil {
			t.Skipf("corpus font missing (run scripts/deps.sh as root): %v", err)
		}
	}
}

// checkCorpus reads every sample and fails on any wrong read, or when fewer than minRight of the
// readable images are read. It returns the report by group, size band and effect.
func checkCorpus(t *testing.T, r *Recognizer, samples []corpus.Sample, load func(corpus.Sample) (image.Image, error), minRight float64) report {
	t.Helper()
	rep := report{}
	for _, s := range samples {
		img, err := load(s)
		if err != nil {
			t.Fatal(err)
		}
		res := r.Recognize(img)
		if rep.add("all", s.Want, res) {
			t.Errorf("%s (%s %.0fpx ×%.2f %s %q): read %q (%d fen), want %s", s.Name, filepath.Base(s.Font.Path), s.SizePx, s.Scale, s.Effect, s.Label+s.Text+s.Suffix, res.Text, res.Fen, s.Want)
		}
		rep.add("group "+s.Font.Group, s.Want, res)
		rep.add("size "+corpus.Band(s.SizePx), s.Want, res)
		rep.add("effect "+s.Effect, s.Want, res)
		if s.Want != "?" && res.Err != nil {
			rep.add("abstained "+res.Err.Error(), s.Want, res)
		}
	}
	rep.log(t)
	if got := rep["all"].share(); got < minRight {
		t.Errorf("read %.1f%% of readable images, want at least %.0f%%", 100*got, 100*minRight)
	}
	return rep
}

func builtinRecognizer(t *testing.T) *Recognizer {
	r, err := NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Coverage floors of the built-in templates on evaluation-only fonts: raise them when coverage
// improves. Wrong reads must stay at zero whatever they are.
const (
	minRightXImage = 0.65
	minRightMagick = 0.62
	minRightLarge  = 0.62
)

func TestCorpusXImage(t *testing.T) {
	needFonts(t)
	checkCorpus(t, builtinRecognizer(t), corpus.Generate(1, 400, false), corpus.DrawGo, minRightXImage)
}

func TestCorpusImageMagick(t *testing.T) {
	needFonts(t)
	if _, err := exec.LookPath("convert"); err != nil {
		t.Skip("ImageMagick's convert is not installed (apt-get install imagemagick): the second rasteriser cannot be tested")
	}
	dir := t.TempDir()
	samples := corpus.Generate(1001, 160, true)
	if err := corpus.Write(dir, samples, 2); err != nil {
		t.Fatal(err)
	}
	checkCorpus(t, builtinRecognizer(t), samples, func(s corpus.Sample) (image.Image, error) { return loadPNG(filepath.Join(dir, s.Name+".png")) }, minRightMagick)
}

// TestFontSetsDisjoint keeps the evaluation honest: no font file is both a template font and an
// evaluation font.
func TestFontSetsDisjoint(t *testing.T) {
	tmpl := map[string]bool{}
	for _, f := range corpus.TemplateFonts {
		tmpl[corpus.FilePath(f.Path)] = true
	}
	for _, f := range append(corpus.EvalFonts, corpus.Font{Path: corpus.LabelFont}) {
		if tmpl[corpus.FilePath(f.Path)] {
			t.Errorf("%s is both a template font and an evaluation font", f.Path)
		}
		if !strings.HasPrefix(f.Path, "/usr/share/fonts/") {
			t.Errorf("%s is not a font installed from a Debian package", f.Path)
		}
	}
}
