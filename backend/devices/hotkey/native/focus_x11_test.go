//go:build linux && cgo && hotkeyx11

package native

import (
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// focusWindow maps a small window and gives it the input focus, as a desktop always has.
// Without a focused window (bare Xvfb, no window manager) X reports every key event on the
// root window to the library's connections, and unrelated keys would look like hotkey key-ups.
func focusWindow(t *testing.T) {
	t.Helper()
	conn, err := xgb.NewConn()
	if err != nil {
		t.Fatalf("X connection: %v", err)
	}
	t.Cleanup(conn.Close)
	screen := xproto.Setup(conn).DefaultScreen(conn)
	wid, err := xproto.NewWindowId(conn)
	if err != nil {
		t.Fatal(err)
	}
	xproto.CreateWindow(conn, screen.RootDepth, wid, screen.Root, 0, 0, 200, 100, 0,
		xproto.WindowClassInputOutput, screen.RootVisual, xproto.CwBackPixel, []uint32{screen.WhitePixel})
	xproto.MapWindow(conn, wid)
	time.Sleep(100 * time.Millisecond)
	if err := xproto.SetInputFocusChecked(conn, xproto.InputFocusParent, wid, xproto.TimeCurrentTime).Check(); err != nil {
		t.Fatalf("focus: %v", err)
	}
}
