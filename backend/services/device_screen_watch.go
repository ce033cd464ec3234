package services

import (
	"context"
	"image"

	"xiaotongfu/backend/devices/screen"
)

// Displays lists the screens (index 0 = 屏幕1) for 截屏区域配置.
func (s *DeviceService) Displays() ([]DisplayInfo, error) { return s.screen.Displays(), nil }

// CaptureDisplay returns a full-resolution screenshot of display index as a PNG data URL,
// for drawing the red box on a scaled preview.
func (s *DeviceService) CaptureDisplay(index int) (*Capture, error) {
	if err := s.c.requireAdmin(); err != nil {
		return nil, err
	}
	return s.screen.CaptureDisplay(index)
}

// Connect runs 开始对接 with s: OCR reads the rectangle once (calibrating to amount, the
// cashier's reading, when given); the text box waits up to 10 s for the cashier to click the
// amount box (Windows only). The settings are saved when it succeeds. The admin only, as for
// CaptureDisplay (a screenshot of the desktop).
func (s *DeviceService) Connect(settings ScreenSettings, amount string) (*ConnectResult, error) {
	if err := s.c.requireAdmin(); err != nil {
		return nil, err
	}
	return s.screen.Connect(settings, amount)
}

// SaveScreen saves the screen-area settings (e.g. turning detection off); the admin only.
func (s *DeviceService) SaveScreen(settings ScreenSettings) error {
	if err := s.c.requireAdmin(); err != nil {
		return err
	}
	return s.screen.SaveScreen(settings)
}

// withDefaults fills an unsaved mode with "off" and the 客显 baud rate with 2400.
func (s ScreenSettings) withDefaults() ScreenSettings {
	if s.Mode == "" {
		s.Mode = ScreenOff
	}
	s.Pole = s.Pole.withDefaults()
	return s
}

// start runs the watcher for the saved settings (the core started).
func (a *screenArea) start(ctx context.Context) {
	a.mu.Lock()
	a.ctx = ctx
	a.mu.Unlock()
	a.restart()
}

// stop ends the watcher (shutdown).
func (a *screenArea) stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ctx = nil
	a.health.reset(false, 0)
	if a.stopRun != nil {
		a.stopRun()
		a.stopRun = nil
	}
}

// restart replaces the running watcher with one for the saved settings; nothing runs when
// detection is off or the core has not started.
func (a *screenArea) restart() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.stopRun != nil {
		a.stopRun()
		a.stopRun = nil
	}
	st := a.c.prefs.Devices().Screen
	a.health.reset(false, 0)
	if a.ctx == nil || st.Mode != ScreenPole {
		a.pole.off()
	}
	if a.ctx == nil || st.Mode == ScreenOff || st.Mode == "" {
		return
	}
	src, closeSrc, err := a.source(st)
	if err != nil {
		a.c.log.Warn("amount watcher not started", "mode", st.Mode, "err", err)
		return
	}
	ctx, cancel := context.WithCancel(a.ctx)
	done := make(chan struct{})
	var last string
	w := &screen.Watcher{Source: src, Interval: a.interval, OnAmount: a.amountDetected,
		OnError: func(err error) {
			if err.Error() != last { // a lasting failure is logged once, not every poll
				last = err.Error()
				a.c.log.Warn("amount watcher read failed", "source", src.Name(), "err", err)
			}
		}}
	go func() {
		defer close(done)
		_ = w.Run(ctx)
	}()
	a.stopRun = func() { cancel(); <-done; closeSrc() }
	a.c.log.Info("amount watcher started", "source", src.Name(), "display", st.Display, "calibrated", st.Calibrated)
}

// source builds what the watcher reads for st, and what closes it once the watcher stopped.
func (a *screenArea) source(st ScreenSettings) (screen.AmountSource, func(), error) {
	nothing := func() {}
	switch st.Mode {
	case ScreenTextBox:
		return &screen.TextBoxSource{Point: image.Pt(st.Rect.X, st.Rect.Y), Reader: a.reader}, nothing, nil
	case ScreenPole:
		return a.pole.open(st.Pole.withDefaults(), a.c.log)
	}
	var cal []byte
	if st.Calibrated {
		cal = a.calibrationLocked()
	}
	rec, err := recognizer(cal)
	if err != nil {
		return nil, nil, err
	}
	a.health.reset(true, rec.Floor())
	return &screen.OCRSource{Display: st.Display, Rect: st.Rect.image(), Recognizer: rec, OnRead: a.health.record}, nothing, nil
}

// calibrationLocked is calibration for callers holding a.mu.
func (a *screenArea) calibrationLocked() []byte {
	if store, ok := a.c.prefs.(CalibrationStore); ok {
		return store.OCRCalibration()
	}
	return a.cal
}
