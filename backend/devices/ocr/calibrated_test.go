package ocr

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"xiaotongfu/backend/devices/ocr/internal/corpus"
)

// minCalibratedRight is the coverage floor after one calibration per screen.
const minCalibratedRight = 0.60

// TestCalibratedScreens calibrates on one image of each of many cashier screens (font, size,
// colours, effect) and reads other amounts on the same screen; on a busy row the calibration
// points at the total among the other numbers. No read may be wrong.
func TestCalibratedScreens(t *testing.T) {
	needFonts(t)
	rng := rand.New(rand.NewPCG(11, 12))
	rep := report{}
	refused := map[string]int{}
	builtinR := builtinRecognizer(t)
	var plain tally
	for _, screen := range corpus.Generate(21, 120, false) {
		if screen.Want == "?" && screen.Effect != "busy" || strings.HasPrefix(screen.Text, "-") || screen.X < 0 {
			continue // a refusal; on a busy row the calibration points at the total
		}
		img, err := corpus.DrawGo(screen)
		if err != nil {
			t.Fatal(err)
		}
		cal, err := Calibrate(img, screen.Text+screen.Suffix)
		if err != nil {
			refused[screen.Font.Group]++
			rep.add("calibration refused", "?", Result{Err: err})
			continue
		}
		r, err := NewRecognizer(cal)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 6 {
			v := corpus.Variant(screen, randomAmount(rng), fmt.Sprintf("%s-v%d", screen.Name, i))
			img, err := corpus.DrawGo(v)
			if err != nil {
				t.Fatal(err)
			}
			if plain.add(v.Want, builtinR.Recognize(img)) {
				t.Errorf("%s: built-in read wrong", v.Name)
			}
			res := r.Recognize(img)
			if rep.add("all", v.Want, res) {
				t.Errorf("%s (%s %.0fpx %s %q): calibrated read %q, want %s", v.Name, v.Font.Path, v.SizePx, v.Effect, v.Text, res.Text, v.Want)
			}
			rep.add("group "+v.Font.Group, v.Want, res)
			rep.add("size "+corpus.Band(v.SizePx), v.Want, res)
			rep.add("effect "+v.Effect, v.Want, res)
		}
	}
	rep.log(t)
	t.Logf("calibrations refused by group: %v", refused)
	t.Logf("the same images with the built-in templates only: %v", plain)
	if got := rep["all"].share(); got < minCalibratedRight {
		t.Errorf("calibrated reads %.1f%% right, want at least %.0f%%", 100*got, 100*minCalibratedRight)
	}
}

func randomAmount(rng *rand.Rand) int64 {
	if rng.IntN(2) == 0 {
		return 100 + rng.Int64N(99900)
	}
	return 100000 + rng.Int64N(9900000)
}
