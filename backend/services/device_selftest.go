package services

import (
	"context"
	"fmt"
	"image"
	"strings"

	"xiaotongfu/backend/devices/hotkey"
	"xiaotongfu/backend/devices/printer"
	"xiaotongfu/backend/devices/scanner"
	"xiaotongfu/backend/devices/screen"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/support"
)

// Codes of the device self-test of 导出诊断信息 (besides the devices' own codes).
const (
	CodeHotkeyNotRegistered domain.Code = "hotkey_not_registered" // a configured hotkey is not registered: {combos}
	CodeScreenTextBox       domain.Code = "screen_textbox"        // the text at the saved point cannot be read
)

// selfTests are the device checks of 导出诊断信息, on the saved settings. Each tries the
// device for real: the printer is reached, the box's port opened and closed, the hotkeys
// looked up among the registered ones, the screen area captured once.
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
		{Name: support.CheckBox, Run: func(context.Context) error { return s.box.selfTest(d.Box) }},
		{Name: support.CheckHotkeys, Run: func(context.Context) error { return s.keys.check() }},
		{Name: support.CheckScreen, Run: func(ctx context.Context) error { return s.screen.selfTest(ctx, d.Screen) }},
	}
}

// selfTest opens the box's port and closes it again. When 小通付 reads the box already, the
// port is open in this program and a second open would only fail as busy: that state is
// reported as it is (box_connected, a pass).
func (r *boxRunner) selfTest(b BoxSettings) error {
	if !b.Enabled {
		return support.ErrNotConfigured
	}
	if st := r.current(); st.State == string(scanner.StateConnected) {
		note := &domain.Error{Code: st.Code, Message: st.Message, Params: st.Params}
		return support.Passed(note)
	}
	return scanner.Probe(b.withDefaults().scannerSettings())
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
			missing = append(missing, b.Combo)
		}
	}
	switch {
	case enabled == 0:
		return support.ErrNotConfigured
	case k.mgr == nil:
		return domain.Errorf(hotkey.CodeNoSystem, "本程序没有注册系统快捷键")
	case len(missing) > 0:
		combos := strings.Join(missing, "、")
		return domain.Errorf(CodeHotkeyNotRegistered, "快捷键 %s 未注册", combos).With("combos", combos)
	}
	return nil
}

// selfTest reads the configured area once: a capture of the OCR box (which must lie on its
// screen), or the text at the text box's point.
func (a *screenArea) selfTest(ctx context.Context, st ScreenSettings) error {
	switch st.Mode {
	case ScreenOCR:
		if err := a.check(&st); err != nil {
			return err
		}
		img, err := screen.Capture(st.Display, st.Rect.image())
		if err == nil && img.Bounds().Empty() {
			err = fmt.Errorf("the capture of %v is empty", st.Rect.image())
		}
		if err != nil {
			return fmt.Errorf("%w (%w)", domain.Errorf(CodeScreenCapture, "截屏失败"), err)
		}
		return nil
	case ScreenTextBox:
		if _, err := a.reader.TextAt(ctx, image.Pt(st.Rect.X, st.Rect.Y)); err != nil {
			return fmt.Errorf("%w (%w)", domain.Errorf(CodeScreenTextBox, "读不到收银软件金额框的文字"), err)
		}
		return nil
	}
	return support.ErrNotConfigured
}
