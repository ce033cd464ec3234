package services

import "xiaotongfu/backend/events"

// WindowModes is what the services need of the window modes (main, quick pay, floating
// bubble): windowmode.Controller implements it; the desktop composes the two.
type WindowModes interface {
	ModeSwitcher
	// ShowMain brings back the main window and emits window:mode with reason.
	ShowMain(reason string)
	// ShowDetected opens quick pay with an amount read from the screen.
	ShowDetected(reason string, a events.Amount)
	// NoteDetected remembers an amount read from the screen, for quick pay opened without one.
	NoteDetected(a events.Amount)
	// SetHideFloating sets 隐藏悬浮窗: when true, minimising shows no bubble.
	SetHideFloating(hide bool)
	// SetMode switches to "main", "quickpay" or "floating" at the UI's request.
	SetMode(mode string) error
	// Minimise shows the floating bubble, or minimises when 隐藏悬浮窗 is set.
	Minimise()
	// Close hides the window to the tray (or minimises it when there is no tray).
	Close()
	// Quit ends the app; it is refused while a payment is in flight.
	Quit() error
}

// noWindow is the WindowModes of services built without a window (headless tools, binding
// generation): it is never in the background and switches nothing.
type noWindow struct{ noSwitch }

func (noWindow) ShowMain(string)                    {}
func (noWindow) ShowDetected(string, events.Amount) {}
func (noWindow) NoteDetected(events.Amount)         {}
func (noWindow) SetHideFloating(bool)               {}
func (noWindow) SetMode(string) error               { return nil }
func (noWindow) Minimise()                          {}
func (noWindow) Close()                             {}
func (noWindow) Quit() error                        { return nil }

// WindowService is the UI's handle on the window modes (bound).
type WindowService struct{ w WindowModes }

// NewWindowService binds the window methods to w.
func NewWindowService(w WindowModes) *WindowService { return &WindowService{w: w} }

// SetMode switches the window to "main", "quickpay" or "floating".
func (s *WindowService) SetMode(mode string) error { return s.w.SetMode(mode) }

// Minimise shows the floating bubble, or minimises when 隐藏悬浮窗 is set.
func (s *WindowService) Minimise() error {
	s.w.Minimise()
	return nil
}

// Close hides the window to the tray (or minimises it when there is no tray).
func (s *WindowService) Close() error {
	s.w.Close()
	return nil
}

// Quit ends the app; it is refused with a Chinese message while a payment is in flight.
func (s *WindowService) Quit() error { return s.w.Quit() }
