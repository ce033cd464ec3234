// Command gencorpus writes the OCR test corpus (PNG files and manifest.tsv) into a folder, for
// scripts/bench-ocr.sh and for looking at by hand.
package main

import (
	"flag"
	"fmt"
	"log"

	"xiaotongfu/backend/devices/ocr/internal/corpus"
)

func main() {
	dir := flag.String("out", "ocr-corpus", "folder to write")
	n := flag.Int("n", 200, "images per rasteriser")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	samples := append(corpus.Generate(*seed, *n, false), corpus.Generate(*seed+1000, *n, true)...)
	if err := corpus.Write(*dir, samples, 2); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("gencorpus: %d images in %s\n", len(samples), *dir)
}
