// Package captchatest reads the digits back from a captcha picture, as a person would by
// looking at it. Tests and the end-to-end harness use it; the app never does.
package captchatest

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/png"
	"strings"

	"xiaotongfu/backend/platform/captcha"
)

// Read returns the digits of a captcha picture drawn by captcha.Draw, given as a PNG data URL.
func Read(dataURL string) (string, error) {
	raw, ok := strings.CutPrefix(dataURL, "data:image/png;base64,")
	if !ok {
		return "", errors.New("captcha: not a PNG data URL")
	}
	b, err := base64.StdEncoding.DecodeString(raw)
	if err != nil {
		return "", err
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	var out []byte
	for i := range captcha.Digits {
		d, err := readSlot(img, 4+i*captcha.Slot)
		if err != nil {
			return "", err
		}
		out = append(out, d)
	}
	return string(out), nil
}

// readSlot finds the ink in one digit slot, samples it back to 5×7 cells and matches a glyph.
func readSlot(img image.Image, x0 int) (byte, error) {
	ink := func(x, y int) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		return r>>8 < captcha.Dark && g>>8 < captcha.Dark && b>>8 < captcha.Dark
	}
	minX, minY, maxX, maxY := 1<<30, 1<<30, -1, -1
	for y := 0; y < captcha.Height; y++ {
		for x := x0; x < x0+captcha.Slot && x < captcha.Width; x++ {
			if ink(x, y) {
				minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
			}
		}
	}
	if maxX < 0 {
		return 0, errors.New("captcha: empty slot")
	}
	for d, g := range captcha.Font {
		gx0, gy0, gx1, gy1 := glyphBox(g)
		if (gx1-gx0+1)*captcha.Scale != maxX-minX+1 || (gy1-gy0+1)*captcha.Scale != maxY-minY+1 {
			continue
		}
		match := true
		for gy := gy0; gy <= gy1 && match; gy++ {
			for gx := gx0; gx <= gx1; gx++ {
				px, py := minX+(gx-gx0)*captcha.Scale+captcha.Scale/2, minY+(gy-gy0)*captcha.Scale+captcha.Scale/2
				if ink(px, py) != (g[gy][gx] == '#') {
					match = false
					break
				}
			}
		}
		if match {
			return byte('0' + d), nil
		}
	}
	return 0, errors.New("captcha: unreadable digit")
}

// glyphBox is the bounding box of a glyph's set cells.
func glyphBox(g [7]string) (x0, y0, x1, y1 int) {
	x0, y0, x1, y1 = 5, 7, -1, -1
	for y, row := range g {
		for x := range row {
			if row[x] == '#' {
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			}
		}
	}
	return
}
