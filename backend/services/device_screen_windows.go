//go:build windows

package services

import (
	"context"
	"image"
	"time"

	"golang.org/x/sys/windows"

	"xiaotongfu/backend/devices/screen"
)

var procGetAsyncKeyState = windows.NewLazySystemDLL("user32.dll").NewProc("GetAsyncKeyState")

const (
	vkLButton = 0x01
	clickPoll = 15 * time.Millisecond
)

// leftDown reports whether the left mouse button is held down now.
func leftDown() bool {
	r, _, _ := procGetAsyncKeyState.Call(vkLButton)
	return r&0x8000 != 0
}

// waitClick waits up to timeout for a full left click (the button goes down, then up) and
// returns where the mouse was when it was released. A button still held when the wait starts
// (the click on 开始对接 itself) is not counted. It fails with context.DeadlineExceeded when
// nobody clicks in time.
func waitClick(ctx context.Context, timeout time.Duration) (image.Point, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(clickPoll)
	defer tick.Stop()
	wasDown, pressed := leftDown(), false
	for {
		select {
		case <-ctx.Done():
			return image.Point{}, ctx.Err()
		case <-tick.C:
		}
		down := leftDown()
		switch {
		case down && !wasDown:
			pressed = true
		case !down && wasDown && pressed:
			return screen.CursorPos()
		}
		wasDown = down
	}
}
