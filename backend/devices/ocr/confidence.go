package ocr

import "image"

// Confidence: a read's confidence is that of its least sure digit, whose confidence is how far
// its best template class leads the best other class, rescaled so that the smallest lead a glyph
// is accepted with (minMargin) is 0 and a lead of fullMargin or more is 1.
const fullMargin = 0.40

// DefaultFloor is the confidence floor without a calibration, or with one saved before floors
// were learnt: the glyph gates alone decide.
const DefaultFloor = 0.0

// Floor learning: a calibration's floor is floorFraction of the confidence with which its own
// image is read once calibrated, never more than maxFloor, so that amounts whose other digits
// come from the built-in templates are still read, while a screen whose look changed (another
// theme, another scaling) is refused rather than half-recognised. Measured on TestCalibratedScreens
// (534 reads, all calibrated): no floor 330 right, this one 327, a cap of 0.25 only 313.
const (
	floorFraction = 0.35
	maxFloor      = 0.15
)

// glyphConfidence rescales a glyph's lead over the next class to 0–1.
func glyphConfidence(m match) float64 {
	c := (float64(m.margin) - minMargin) / (fullMargin - minMargin)
	return min(1, max(0, c))
}

// Floor returns the confidence below which r abstains (ErrBelowFloor).
func (r *Recognizer) Floor() float64 { return r.floor }

// floor is the calibration's learnt floor, DefaultFloor for one saved without.
func (c *Calibration) floor() float64 {
	if c.Floor <= 0 {
		return DefaultFloor
	}
	return c.Floor
}

// learnFloor sets c.Floor from the confidence with which img, the calibration image, is read
// with c. When it is not read as want, c keeps no floor of its own (DefaultFloor applies).
func (c *Calibration) learnFloor(img image.Image, want int64) error {
	r, err := NewRecognizer(c)
	if err != nil {
		return err
	}
	r.floor = 0
	if res := r.Recognize(img); res.OK() && res.Fen == want {
		c.Floor = min(maxFloor, floorFraction*res.Confidence)
		c.CalConfidence = res.Confidence
	}
	return nil
}
