package services

import (
	"context"
	"errors"
	"fmt"
	"image"
	"strings"

	"xiaotongfu/backend/devices/printer"
	"xiaotongfu/backend/devices/scanner"
	"xiaotongfu/backend/devices/screen"
	"xiaotongfu/backend/support"
)

// selfTests are the device checks of 导出诊断信息, on the saved settings.
func (s *DeviceService) selfTests() []support.Check {
	d := s.c.prefs.Devices()
	return []support.Check{
		{Name: support.CheckPrinter, Run: func(ctx context.Context) error {
			p := d.Printer.withDefaults()
			if !p.Enabled || strings.TrimSpace(p.Name) == "" {
				return support.ErrNotConfigured
			}
			return printer.Reachable(ctx, p.Name)
		}},
		{Name: support.CheckBox, Run: func(context.Context) error {
			if !d.Box.Enabled {
				return support.ErrNotConfigured
			}
			if st := s.box.current(); st.State != string(scanner.StateConnected) {
				return fmt.Errorf("box on %s: %s (%s)", d.Box.Port, st.State, st.Code)
			}
			return nil
		}},
		{Name: support.CheckHotkeys, Run: func(context.Context) error { return s.keys.check() }},
		{Name: support.CheckScreen, Run: func(ctx context.Context) error { return s.screen.selfTest(ctx, d.Screen) }},
	}
}

// check reports a configured hotkey that is not registered.
func (k *hotkeys) check() error {
	var missing []string
	enabled := 0
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, b := range k.c.prefs.Devices().Hotkeys.withDefaults().bindings() {
		if b.Combo == "" {
			continue
		}
		enabled++
		if k.mgr == nil || !k.mgr.Registered(b.Name) {
			missing = append(missing, b.Name+"="+b.Combo)
		}
	}
	switch {
	case enabled == 0:
		return support.ErrNotConfigured
	case len(missing) > 0:
		return fmt.Errorf("not registered: %s", strings.Join(missing, ", "))
	}
	return nil
}

// selfTest reads the configured area once: a capture of the OCR box, or the text at the
// text box's point.
func (a *screenArea) selfTest(ctx context.Context, st ScreenSettings) error {
	switch st.Mode {
	case ScreenOCR:
		img, err := screen.Capture(st.Display, st.Rect.image())
		if err != nil {
			return err
		}
		if img.Bounds().Empty() {
			return errors.New("the capture is empty")
		}
		return nil
	case ScreenTextBox:
		_, err := a.reader.TextAt(ctx, image.Pt(st.Rect.X, st.Rect.Y))
		return err
	}
	return support.ErrNotConfigured
}
