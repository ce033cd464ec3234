package services

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"image"
	"image/png"
	"sync"
	"time"

	"xiaotongfu/backend/devices/ocr"
	"xiaotongfu/backend/devices/screen"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
)

// Screen-area modes (manual §8.3 对接方式).
const (
	ScreenOff     = "off"
	ScreenTextBox = "textbox"
	ScreenOCR     = "ocr"
	ScreenPole    = "pole" // 客显: the cashier program's customer display port (device_screen_pole.go)
)

// Rect is a rectangle in full-resolution pixels, relative to the display's top-left corner.
type Rect struct {
	X int `json:"x"`
	Y int `json:"y"`
	W int `json:"w"`
	H int `json:"h"`
}

// ScreenSettings are 截屏区域配置: how the amount is read. For OCR, Rect is the red box on
// display Display (0 = 屏幕1; only 0 unless Dual). For the text box, Rect.X/Rect.Y is the
// point the cashier clicked, in virtual-desktop pixels, with W = H = 0. Calibrated says
// whether 开始对接 learnt the cashier program's digits (ocr.Calibrate). Pole is the 客显
// source's ports, used when Mode is ScreenPole.
type ScreenSettings struct {
	Mode       string       `json:"mode"`
	Dual       bool         `json:"dual"`
	Display    int          `json:"display"`
	Rect       Rect         `json:"rect"`
	Calibrated bool         `json:"calibrated"`
	Pole       PoleSettings `json:"pole"`
}

// DisplayInfo is one screen, in virtual-desktop pixels; Index 0 is 屏幕1.
type DisplayInfo struct {
	Index  int `json:"index"`
	X      int `json:"x"`
	Y      int `json:"y"`
	Width  int `json:"width"`
	Height int `json:"height"`
}

// Capture is a full-resolution screenshot of one display as a PNG data URL.
type Capture struct {
	Image  string `json:"image"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// ConnectResult is the answer of 开始对接: the amount read (fen), the text as read, the OCR
// confidence (0–1; 1 for a text box) and a result code (ResultConnected or why not, one of
// ScreenResultCodes) with its parameters, which the UI translates.
type ConnectResult struct {
	OK         bool              `json:"ok"`
	Amount     int64             `json:"amount"`
	Text       string            `json:"text"`
	Confidence float64           `json:"confidence"`
	Code       string            `json:"code"`
	Params     map[string]string `json:"params,omitempty"`
}

// CalibrationStore keeps the serialised OCR calibration (ocr.MarshalCalibration) beside the
// settings. The desktop's config file implements it; without one it lives in memory.
type CalibrationStore interface {
	OCRCalibration() []byte
	SaveOCRCalibration(data []byte) error
}

// clickTimeout is how long the text-box 对接 waits for the cashier's click.
const clickTimeout = 10 * time.Second

// screenArea is DeviceService's screen part: 开始对接, the saved settings and the watcher
// that reads the amount while they are configured.
type screenArea struct {
	c        *Core
	reader   screen.TextReader
	click    func(ctx context.Context, timeout time.Duration) (image.Point, error)
	interval time.Duration // watcher poll interval (screen.DefaultInterval when 0)

	mu      sync.Mutex
	cal     []byte // the calibration when no CalibrationStore
	ctx     context.Context
	stopRun func() // stops the running watcher

	pole   poleState   // the 客显 listener's status (device_screen_pole.go)
	health *readHealth // the OCR watcher's last reads (device_screen_health.go)
}

// newScreenArea builds the screen part; the watcher starts with the core.
func newScreenArea(c *Core) *screenArea {
	a := &screenArea{c: c, reader: screen.NewTextReader(), click: waitClick,
		health: &readHealth{now: time.Now, log: c.log}}
	c.onLifecycle(a.start, a.stop)
	return a
}

// Displays lists the screens.
func (a *screenArea) Displays() []DisplayInfo {
	out := []DisplayInfo{}
	for _, d := range screen.Displays() {
		b := d.Bounds
		out = append(out, DisplayInfo{Index: d.Index, X: b.Min.X, Y: b.Min.Y, Width: b.Dx(), Height: b.Dy()})
	}
	return out
}

// CaptureDisplay grabs the whole display as a PNG data URL with its full size.
func (a *screenArea) CaptureDisplay(index int) (*Capture, error) {
	ds := screen.Displays()
	if index < 0 || index >= len(ds) {
		return nil, errNoDisplay(index, len(ds))
	}
	b := ds[index].Bounds
	img, err := screen.Capture(index, image.Rect(0, 0, b.Dx(), b.Dy()))
	if err != nil {
		a.c.log.Warn("截屏失败", "display", index, "err", err)
		return nil, domain.Errorf(CodeScreenCapture, "截屏失败")
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return &Capture{Image: "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()),
		Width: b.Dx(), Height: b.Dy()}, nil
}

// check validates settings the cashier chose (for OCR, the rectangle must lie on the display).
func (a *screenArea) check(s *ScreenSettings) error {
	switch s.Mode {
	case ScreenOff, ScreenTextBox, ScreenOCR:
	case ScreenPole:
		return s.Pole.check()
	default:
		return &domain.Error{Code: CodeScreenMode, Field: "mode", Message: "未知的对接方式 " + s.Mode}
	}
	if !s.Dual {
		s.Display = 0
	}
	if s.Mode != ScreenOCR {
		return nil
	}
	ds := screen.Displays()
	if s.Display < 0 || s.Display >= len(ds) {
		return errNoDisplay(s.Display, len(ds))
	}
	b := ds[s.Display].Bounds
	r := s.Rect.image()
	if r.Empty() || !r.In(image.Rect(0, 0, b.Dx(), b.Dy())) {
		return (&domain.Error{Code: CodeScreenRect, Field: "rect", Message: "截屏区域不在屏幕内，请重新框选金额"}).With("n", s.Display+1)
	}
	return nil
}

// image converts the rect.
func (r Rect) image() image.Rectangle { return image.Rect(r.X, r.Y, r.X+r.W, r.Y+r.H) }

// Connect runs 开始对接 once and saves the settings when it succeeds.
func (a *screenArea) Connect(s ScreenSettings, amount string) (*ConnectResult, error) {
	if err := a.check(&s); err != nil {
		return nil, err
	}
	var want int64
	if amount != "" {
		fen, err := ocr.ParseAmountText(amount)
		if err != nil || fen <= 0 {
			return nil, &domain.Error{Code: CodeScreenAmount, Field: "amount", Message: "请按收银软件上显示的金额填写，如 123.32"}
		}
		want = fen
	}
	switch s.Mode {
	case ScreenOCR:
		return a.connectOCR(s, amount, want)
	case ScreenTextBox:
		return a.connectTextBox(s, want)
	}
	return &ConnectResult{Code: ResultNoMode}, nil
}

// connectOCR reads the rectangle, calibrating to amount when given.
func (a *screenArea) connectOCR(s ScreenSettings, amount string, want int64) (*ConnectResult, error) {
	img, err := screen.Capture(s.Display, s.Rect.image())
	if err != nil {
		a.c.log.Warn("开始对接: capture failed", "err", err)
		return &ConnectResult{Code: ResultCaptureFailed}, nil
	}
	calData := a.calibration()
	if !s.Calibrated {
		calData = nil
	}
	if amount != "" {
		cal, err := ocr.Calibrate(img, amount)
		if err != nil {
			a.c.log.Info("开始对接: calibration failed", "err", err)
			return &ConnectResult{Code: calibrationCode(err)}, nil
		}
		if calData, err = ocr.MarshalCalibration(cal); err != nil {
			return nil, err
		}
	}
	rec, err := recognizer(calData)
	if err != nil {
		return nil, err
	}
	res := rec.Recognize(img)
	out := &ConnectResult{Amount: res.Fen, Text: res.Text, Confidence: res.Confidence}
	switch {
	case res.Err != nil:
		a.c.log.Info("开始对接: not recognised", "err", res.Err)
		out.Code = ocrCode(res.Err)
		return out, nil
	case want != 0 && res.Fen != want:
		out.Code, out.Params = ResultOCRMismatch, map[string]string{"amount": domain.FormatFen(res.Fen)}
		return out, nil
	}
	s.Calibrated = calData != nil
	if err := a.save(s, calData); err != nil {
		return nil, err
	}
	out.OK, out.Code = true, ResultConnected
	return out, nil
}

// connectTextBox waits for the cashier's click on the amount box and reads it (Windows).
func (a *screenArea) connectTextBox(s ScreenSettings, want int64) (*ConnectResult, error) {
	ctx := a.c.context()
	pt, err := a.click(ctx, clickTimeout)
	switch {
	case errors.Is(err, screen.ErrOnlyWindows):
		return &ConnectResult{Code: ResultOnlyWindows}, nil
	case errors.Is(err, context.DeadlineExceeded):
		return &ConnectResult{Code: ResultClickTimeout}, nil
	case err != nil:
		a.c.log.Warn("开始对接: no mouse position", "err", err)
		return &ConnectResult{Code: ResultClickFailed}, nil
	}
	src := &screen.TextBoxSource{Point: pt, Reader: a.reader}
	text, err := a.reader.TextAt(ctx, pt)
	if err != nil {
		a.c.log.Info("开始对接: text box unreadable", "err", err)
		return &ConnectResult{Code: ResultTextBoxUnreadable}, nil
	}
	fen, err := src.Read(ctx)
	out := &ConnectResult{Amount: fen, Text: text, Confidence: 1}
	switch {
	case err != nil || fen <= 0:
		out.Code = ResultTextBoxEmpty
		return out, nil
	case want != 0 && fen != want:
		out.Code, out.Params = ResultTextBoxMismatch, map[string]string{"amount": domain.FormatFen(fen)}
		return out, nil
	}
	s.Rect, s.Calibrated = Rect{X: pt.X, Y: pt.Y}, false
	if err := a.save(s, nil); err != nil {
		return nil, err
	}
	out.OK, out.Code = true, ResultConnected
	return out, nil
}

// SaveScreen saves settings as they are (e.g. turning amount detection off) and restarts the
// watcher. The calibration is kept while Calibrated stays set.
func (a *screenArea) SaveScreen(s ScreenSettings) error {
	if err := a.check(&s); err != nil {
		return err
	}
	cal := a.calibration()
	if !s.Calibrated || s.Mode != ScreenOCR {
		cal, s.Calibrated = nil, false
	}
	s.Pole = s.Pole.withDefaults()
	return a.save(s, cal)
}

// save persists the settings and the calibration, then restarts the watcher.
func (a *screenArea) save(s ScreenSettings, cal []byte) error {
	if store, ok := a.c.prefs.(CalibrationStore); ok {
		if err := store.SaveOCRCalibration(cal); err != nil {
			return err
		}
	} else {
		a.mu.Lock()
		a.cal = cal
		a.mu.Unlock()
	}
	if err := a.c.prefs.UpdateDevices(func(d *DeviceSettings) { d.Screen = s }); err != nil {
		return err
	}
	a.restart()
	return nil
}

// calibration returns the saved calibration (nil when none).
func (a *screenArea) calibration() []byte {
	if store, ok := a.c.prefs.(CalibrationStore); ok {
		return store.OCRCalibration()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cal
}

// recognizer builds a recogniser with the calibration, if any.
func recognizer(calData []byte) (*ocr.Recognizer, error) {
	if calData == nil {
		return ocr.NewRecognizer()
	}
	cal, err := ocr.UnmarshalCalibration(calData)
	if err != nil {
		return nil, err
	}
	return ocr.NewRecognizer(cal)
}

// amountDetected tells the UI about a new amount and, when the main window is out of sight,
// opens quick pay with it (not while a payment is in flight). The window remembers it for
// quick pay opened later by the hotkey, the tray or the box.
func (a *screenArea) amountDetected(fen int64, source string) {
	amt := events.Amount{Amount: fen, Source: source}
	w := a.c.Window()
	w.NoteDetected(amt)
	a.c.emit.Emit(events.AmountDetected, amt)
	if w.Background() && !a.c.Paying() {
		w.ShowDetected(events.ReasonAmount, amt)
	}
}
