package services

import (
	"context"
	"sync"

	"xiaotongfu/backend/devices/scanner"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/platform"
)

// DeviceSettings are the settings of the shop's devices (manual §8.1–8.4), kept in the
// desktop's config file.
type DeviceSettings struct {
	Printer PrinterSettings `json:"printer"`
	Box     BoxSettings     `json:"box"`
	Screen  ScreenSettings  `json:"screen"`
	Hotkeys HotkeySettings  `json:"hotkeys"`
	Pos     PosSettings     `json:"pos"`
	// Handover is this terminal's 交接班 prompt choice (see HandoverService.QuitAsk).
	Handover HandoverPrefs `json:"handover"`
}

// withDefaults fills what was never saved with the manual's defaults.
func (d DeviceSettings) withDefaults() DeviceSettings {
	d.Printer = d.Printer.withDefaults()
	d.Box = d.Box.withDefaults()
	d.Screen = d.Screen.withDefaults()
	d.Hotkeys = d.Hotkeys.withDefaults()
	d.Pos = d.Pos.withDefaults()
	return d
}

// ModeSwitcher switches the window to the quick-pay dialog (副收款界面, manual §4.2) when a
// device delivers something while the main window is out of sight. The window controller
// (Window) implements it.
type ModeSwitcher interface {
	// Background reports whether the main window is hidden, minimised or floating.
	Background() bool
	// ShowQuickPay opens the quick-pay dialog with the scanned code and the amount in fen
	// (0 when unknown) and emits window:mode with the reason ("box", "amount", "hotkey").
	ShowQuickPay(reason, code string, amount int64)
}

// noSwitch is the ModeSwitcher used when none is given: the window never counts as hidden.
type noSwitch struct{}

// Background reports false.
func (noSwitch) Background() bool { return false }

// ShowQuickPay does nothing.
func (noSwitch) ShowQuickPay(string, string, int64) {}

// DeviceOptions tune a DeviceService; the zero value is the production setup.
type DeviceOptions struct {
	// Modes switches to quick-pay on a box scan while minimised; nil never switches.
	Modes ModeSwitcher
	// BoxSpeaker voices payments through the box (scanner.Unsupported when nil: the QR80SR
	// protocol is unknown); PCSpeaker is the fallback when the box cannot (scanner.PCSpeaker
	// when nil).
	BoxSpeaker, PCSpeaker scanner.Speaker
	// Box tunes the scanner box's timing (tests use short backoffs).
	Box scanner.Options
}

// DeviceService configures and runs the shop's devices: the receipt printer and the scanner
// box (manual §8.1, §8.2). It prints a receipt and voices the amount after each successful
// payment, and reports box scans and connection changes as events.
type DeviceService struct {
	c    *Core
	opts DeviceOptions
	box  *boxRunner
	jobs sync.WaitGroup // receipts and announcements under way

	screen *screenArea // amount detection (device_screen.go)
	keys   *hotkeys    // global hotkeys (device_hotkey.go)
}

// NewDeviceService binds the device methods to c: it opens the box when the core starts
// (if enabled), closes it at Stop, and follows every payment.
func NewDeviceService(c *Core, opts DeviceOptions) *DeviceService {
	if opts.Modes == nil {
		opts.Modes = noSwitch{}
	}
	if opts.BoxSpeaker == nil {
		opts.BoxSpeaker = scanner.Unsupported{}
	}
	if opts.PCSpeaker == nil {
		opts.PCSpeaker = scanner.PCSpeaker{}
	}
	opts.Box.Logger = c.log
	opts.Box.Speaker = opts.BoxSpeaker
	s := &DeviceService{c: c, opts: opts}
	s.box = newBoxRunner(c, opts)
	s.screen = newScreenArea(c)
	s.keys = newHotkeys(c)
	c.onLifecycle(s.start, s.stop)
	c.after.Subscribe(s.afterPay)
	return s
}

// Settings returns the device settings, with the manual's defaults where nothing was saved,
// without the POS API's key (PosService.Status shows it to the admin).
func (s *DeviceService) Settings() (DeviceSettings, error) {
	d := s.c.prefs.Devices().withDefaults()
	d.Pos.Key = ""
	return d, nil
}

// start opens the box when it is enabled.
func (s *DeviceService) start(context.Context) {
	s.box.apply(s.c.prefs.Devices().withDefaults().Box)
}

// stop closes the box and waits for receipts and announcements under way.
func (s *DeviceService) stop() {
	s.box.close()
	s.jobs.Wait()
}

// fault tells the UI (device:notice) and the log that background device work failed.
func (s *DeviceService) fault(device string, tradeID uint, err error) {
	e := domain.AsError(err)
	s.c.log.Warn("device: "+device+" failed", "trade", tradeID, "code", e.Code, "err", err)
	s.c.emit.Emit(events.DeviceNotice, events.Fault{Device: device, TradeID: tradeID, Code: string(e.Code), Params: e.Params, Message: e.Message})
}

// afterPay prints the receipt of a successful payment, void or refund and voices the amount
// of a payment, in the background: the trade never waits for the devices nor fails because
// of them.
func (s *DeviceService) afterPay(t platform.Trade) {
	if t.Status != string(domain.StatusSuccess) {
		return
	}
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		s.printReceipt(t)
	}()
	if t.Kind != string(domain.KindPay) {
		return // a void or refund gets its receipt, and no 收款成功 announcement
	}
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		if err := s.box.announce(t); err != nil {
			s.fault("broadcast", t.ID, err)
		}
	}()
}
