package ocr

import (
	"image"
	"os"
	"path/filepath"
	"testing"

	"xiaotongfu/backend/devices/ocr/internal/corpus"
)

// TestCorpusLarge runs 3 500 more images (about a minute); set OCR_LARGE=1 to run it.
func TestCorpusLarge(t *testing.T) {
	if os.Getenv("OCR_LARGE") == "" {
		t.Skip("OCR_LARGE is not set: the 3 500-image corpus takes about a minute")
	}
	needFonts(t)
	dir := t.TempDir()
	im := corpus.Generate(99, 500, true)
	if err := corpus.Write(dir, im, 2); err != nil {
		t.Fatal(err)
	}
	checkCorpus(t, builtinRecognizer(t), im, func(s corpus.Sample) (image.Image, error) { return loadPNG(filepath.Join(dir, s.Name+".png")) }, minRightLarge)
	checkCorpus(t, builtinRecognizer(t), corpus.Generate(4242, 1500, false), corpus.DrawGo, minRightLarge)
	checkCorpus(t, builtinRecognizer(t), corpus.Generate(777, 1500, false), corpus.DrawGo, minRightLarge)
}
