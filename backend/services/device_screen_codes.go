package services

import (
	"errors"

	"xiaotongfu/backend/devices/ocr"
	"xiaotongfu/backend/domain"
)

// Errors of 截屏区域配置 (the UI translates the codes, frontend/src/locales/errors.ts).
const (
	CodeScreenMode    domain.Code = "screen_mode"    // an unknown 对接方式
	CodeScreenDisplay domain.Code = "screen_display" // no such screen; Params n (1-based) and count
	CodeScreenRect    domain.Code = "screen_rect"    // the red box is not on screen n
	CodeScreenAmount  domain.Code = "screen_amount"  // the amount typed to calibrate is not an amount
	CodeScreenCapture domain.Code = "screen_capture" // the system refused the screenshot (the reason is logged)
)

// ScreenErrorCodes lists the error codes above, for the test that each has a text.
var ScreenErrorCodes = []domain.Code{CodeScreenMode, CodeScreenDisplay, CodeScreenRect, CodeScreenAmount, CodeScreenCapture}

// errNoDisplay says that screen index (0-based) is not among the count screens.
func errNoDisplay(index, count int) error {
	e := &domain.Error{Code: CodeScreenDisplay, Field: "display", Message: "没有这个屏幕"}
	return e.With("n", index+1).With("count", count)
}

// Result codes of 开始对接 (ConnectResult.Code); the UI translates them
// (frontend/src/locales/settings.ts, settings.screen.results).
const (
	ResultConnected         = "connected"          // 系统对接成功
	ResultNoMode            = "no_mode"            // no method chosen
	ResultCaptureFailed     = "capture_failed"     // the system refused the screenshot
	ResultCalibrationText   = "calibration_text"   // the amount typed is not an amount
	ResultCalibrationAbsent = "calibration_absent" // the amount typed is not in the red box
	ResultCalibrationDiffer = "calibration_differ" // the digits in the box differ from the amount typed
	ResultCalibrationFailed = "calibration_failed" // calibrating failed for another reason
	ResultOCREmpty          = "ocr_empty"          // nothing in the red box
	ResultOCRNoAmount       = "ocr_no_amount"      // no amount recognised in the box
	ResultOCRAmbiguous      = "ocr_ambiguous"      // several different numbers in the box
	ResultOCRClipped        = "ocr_clipped"        // the amount touches the box's edge
	ResultOCRUnsure         = "ocr_unsure"         // the digits cannot be told apart: calibrate
	ResultOCRBelowFloor     = "ocr_below_floor"    // read less surely than calibration allows: calibrate again
	ResultOCRFailed         = "ocr_failed"         // recognising failed for another reason
	ResultOCRMismatch       = "ocr_mismatch"       // recognised another amount; Params: amount
	ResultOnlyWindows       = "only_windows"       // the text box is read on Windows only
	ResultClickTimeout      = "click_timeout"      // no click on the amount box within 10 s
	ResultClickFailed       = "click_failed"       // the mouse position could not be read
	ResultTextBoxUnreadable = "textbox_unreadable" // the box's text cannot be read: use OCR
	ResultTextBoxEmpty      = "textbox_empty"      // the box holds no amount
	ResultTextBoxMismatch   = "textbox_mismatch"   // read another amount; Params: amount
)

// ScreenResultCodes lists every ConnectResult code, for the test that each has a text.
var ScreenResultCodes = []string{
	ResultConnected, ResultNoMode, ResultCaptureFailed,
	ResultCalibrationText, ResultCalibrationAbsent, ResultCalibrationDiffer, ResultCalibrationFailed,
	ResultOCREmpty, ResultOCRNoAmount, ResultOCRAmbiguous, ResultOCRClipped, ResultOCRUnsure,
	ResultOCRBelowFloor, ResultOCRFailed, ResultOCRMismatch,
	ResultOnlyWindows, ResultClickTimeout, ResultClickFailed,
	ResultTextBoxUnreadable, ResultTextBoxEmpty, ResultTextBoxMismatch,
}

// calibrationCode says why calibrating to the cashier's amount failed.
func calibrationCode(err error) string {
	switch {
	case errors.Is(err, ocr.ErrCalibrationText):
		return ResultCalibrationText
	case errors.Is(err, ocr.ErrCalibrationNotFound):
		return ResultCalibrationAbsent
	case errors.Is(err, ocr.ErrCalibrationMismatch):
		return ResultCalibrationDiffer
	}
	return ResultCalibrationFailed
}

// ocrCode says why the rectangle could not be read.
func ocrCode(err error) string {
	switch {
	case errors.Is(err, ocr.ErrEmpty):
		return ResultOCREmpty
	case errors.Is(err, ocr.ErrNoAmount):
		return ResultOCRNoAmount
	case errors.Is(err, ocr.ErrAmbiguous):
		return ResultOCRAmbiguous
	case errors.Is(err, ocr.ErrClipped):
		return ResultOCRClipped
	case errors.Is(err, ocr.ErrUnsure), errors.Is(err, ocr.ErrMalformed), errors.Is(err, ocr.ErrSpacing):
		return ResultOCRUnsure
	case errors.Is(err, ocr.ErrBelowFloor):
		return ResultOCRBelowFloor
	}
	return ResultOCRFailed
}
