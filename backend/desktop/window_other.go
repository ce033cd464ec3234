//go:build !windows

package desktop

// pollMinimised: on Linux, Wails answers WindowIsMinimised with a GTK call made on the
// caller's thread, which is unsafe off the GTK main thread (it crashed the app at quit), so
// the window is not polled; the UI's minimise button (WindowService.Minimise) still shows the bubble.
const pollMinimised = false
