package desktop

import (
	"bytes"
	"encoding/json"
	"errors"

	"xiaotongfu/backend/services"
)

var _ services.CalibrationStore = (*ConfigFile)(nil)

var errInvalidCalibration = errors.New("OCR 校准数据不是 JSON")

// OCRCalibration returns the saved OCR calibration (nil when none).
func (f *ConfigFile) OCRCalibration() []byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	return bytes.Clone(f.cfg.OCRCalibration)
}

// SaveOCRCalibration saves the OCR calibration (nil forgets it). data must be JSON, as
// ocr.MarshalCalibration writes it.
func (f *ConfigFile) SaveOCRCalibration(data []byte) error {
	if data != nil && !json.Valid(data) {
		return errInvalidCalibration
	}
	return f.update(func(c *Config) { c.OCRCalibration = bytes.Clone(data) })
}
