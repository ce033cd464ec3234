package ocr

import (
	"errors"
	"image"
	"testing"
)

const dejavuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

// On a calibrated screen, an amount drawn as at calibration is read more surely than the same
// amount after the screen changed: blurred and noisy, or drawn at another size (another scaling).
func TestConfidenceCleanAboveDegraded(t *testing.T) {
	for _, font := range []string{dejavuSans, gothic} {
		c, err := Calibrate(drawAmount(t, font, "1234.56", 24), "1234.56")
		if err != nil {
			t.Fatal(err)
		}
		r, err := NewRecognizer(c)
		if err != nil {
			t.Fatal(err)
		}
		r.floor = 0 // compare confidences, not the floor's verdict
		for _, a := range []string{"25.61", "314.15"} {
			clean := r.Recognize(drawAmount(t, font, a, 24))
			if !clean.OK() || clean.Confidence <= 0 || clean.Confidence > 1 {
				t.Fatalf("%s clean: %+v, want a read with confidence in (0, 1]", a, clean)
			}
			changed := map[string]image.Image{"blurred": blurred(drawAmount(t, font, a, 24), 30, 3),
				"20 px": drawAmount(t, font, a, 20), "30 px": drawAmount(t, font, a, 30)}
			for name, img := range changed {
				if worse := r.Recognize(img); worse.Confidence >= clean.Confidence {
					t.Errorf("%s %s %s: confidence %.3f, clean %.3f; want clean higher", font, a, name, worse.Confidence, clean.Confidence)
				}
			}
		}
	}
}

// Calibrating learns a floor below the calibration image's own confidence, and it survives saving.
func TestCalibrationLearnsFloor(t *testing.T) {
	c, err := Calibrate(drawAmount(t, gothic, "1234.56", 24), "1234.56")
	if err != nil {
		t.Fatal(err)
	}
	if c.CalConfidence <= 0 || c.Floor <= 0 || c.Floor > maxFloor || c.Floor >= c.CalConfidence {
		t.Fatalf("floor %.3f from calibration confidence %.3f, want 0 < floor ≤ %.2f and below it", c.Floor, c.CalConfidence, maxFloor)
	}
	data, err := MarshalCalibration(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := UnmarshalCalibration(data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRecognizer(back)
	if err != nil {
		t.Fatal(err)
	}
	if r.Floor() != c.Floor {
		t.Errorf("recogniser floor %.3f after saving, want %.3f", r.Floor(), c.Floor)
	}
	// The calibrated window goes on reading other amounts above the floor.
	if res := r.Recognize(drawAmount(t, gothic, "5,612.34", 24)); !res.OK() || res.Fen != 561234 {
		t.Errorf("calibrated read of 5,612.34: %+v", res)
	}
}

// A calibration saved before floors existed loads with the default floor.
func TestOldCalibrationUsesDefaultFloor(t *testing.T) {
	c, err := Calibrate(drawAmount(t, gothic, "789.00", 24), "789.00")
	if err != nil {
		t.Fatal(err)
	}
	c.Floor, c.CalConfidence = 0, 0 // as written by the previous version (omitempty)
	data, _ := MarshalCalibration(c)
	back, err := UnmarshalCalibration(data)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := NewRecognizer(back)
	if r.Floor() != DefaultFloor {
		t.Errorf("floor %.3f, want DefaultFloor %.3f", r.Floor(), DefaultFloor)
	}
}

// A read less sure than the floor is refused, with its confidence, and never yields an amount.
func TestReadBelowFloorAbstains(t *testing.T) {
	img := drawAmount(t, gothic, "1234.56", 24)
	c, err := Calibrate(img, "1234.56")
	if err != nil {
		t.Fatal(err)
	}
	c.Floor = 1.01 // above any confidence
	r, _ := NewRecognizer(c)
	res := r.Recognize(img)
	if !errors.Is(res.Err, ErrBelowFloor) || res.Fen != 0 || res.Confidence <= 0 {
		t.Errorf("read %+v, want ErrBelowFloor with its confidence and no amount", res)
	}
}
