package ocr

import (
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
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

func (t tally) String() string {
	return fmt.Sprintf("%d images: %d right, %d wrong, %d abstained, %d correctly refused", t.total, t.right, t.wrong, t.abstain, t.refused)
}

func needFonts(t *testing.T) {
	t.Helper()
	for _, f := range corpus.Fonts {
		path := f.Path
		if i := len(path) - 2; path[i] == '#' {
			path = path[:i]
		}
		if _, err := os.Stat(path); err != nil {
			t.Skipf("corpus font missing (install fonts-dejavu-core fonts-liberation fonts-noto-core fonts-noto-cjk fonts-droid-fallback fonts-urw-base35): %v", err)
		}
	}
}

// checkCorpus reads every sample and fails on any wrong read, or when too few are read.
func checkCorpus(t *testing.T, samples []corpus.Sample, load func(corpus.Sample) (image.Image, error), minRight float64) {
	r, err := NewRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	var all, seen, unseen tally
	for _, s := range samples {
		img, err := load(s)
		if err != nil {
			t.Fatal(err)
		}
		res := r.Recognize(img)
		if all.add(s.Want, res) {
			t.Errorf("%s (%s %.0fpx ×%.2f %q): read %q (%d fen), want %s", s.Name, filepath.Base(s.Font.Path), s.SizePx, s.Scale, s.Label+s.Text, res.Text, res.Fen, s.Want)
		}
		if s.Font.Seen {
			seen.add(s.Want, res)
		} else {
			unseen.add(s.Want, res)
		}
	}
	t.Logf("all: %v", all)
	t.Logf("template fonts: %v", seen)
	t.Logf("other fonts: %v", unseen)
	valid := all.right + all.wrong + all.abstain
	if got := float64(all.right) / float64(valid); got < minRight {
		t.Errorf("read %.1f%% of readable images, want at least %.0f%%", 100*got, 100*minRight)
	}
}

func TestCorpusXImage(t *testing.T) {
	needFonts(t)
	checkCorpus(t, corpus.Generate(1, 400, false), corpus.DrawGo, 0.5)
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
	checkCorpus(t, samples, func(s corpus.Sample) (image.Image, error) { return loadPNG(filepath.Join(dir, s.Name+".png")) }, 0.5)
}
