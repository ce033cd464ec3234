//go:build race

package tray

// raceEnabled: fyne.io/systray v1.12.2 races with itself in its first dbusmenu GetLayout
// (systray_menu_unix.go:85–91 against refresh at :423), so tests under -race skip that call.
const raceEnabled = true
