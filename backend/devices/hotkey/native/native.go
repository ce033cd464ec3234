//go:build (linux && cgo) || windows

// Package native registers hotkeys with the operating system through golang.design/x/hotkey
// (X11 on Linux, RegisterHotKey on Windows). On Linux the library's init panics without an X
// display, which is why it lives apart from package hotkey; other builds get a backend that
// reports hotkeys as unsupported. It never uses hotkey/mainthread (Wails owns the main thread).
package native

import (
	"fmt"

	xhk "golang.design/x/hotkey"

	"xiaotongfu/backend/devices/hotkey"
)

// Available reports whether this build can register system hotkeys.
const Available = true

// Backend returns the system hotkey backend.
func Backend() hotkey.Backend { return backend{} }

type backend struct{}

// Register grabs every variant of c (see variants) and calls fire on each key-up. Key-up,
// not key-down, is used: on X11 without a focused window every key press reaches the root
// window as a key-down, while key-up only comes from the grab.
func (backend) Register(c hotkey.Combo, fire func()) (func(), error) {
	key, err := keyOf(c)
	if err != nil {
		return nil, err
	}
	var grabbed []*xhk.Hotkey
	for _, mods := range variants(c.Mods) {
		hk := xhk.New(mods, key)
		if err := hk.Register(); err != nil {
			release(grabbed)
			return nil, err
		}
		grabbed = append(grabbed, hk)
		go listen(hk.Keydown(), hk.Keyup(), fire)
	}
	return func() { release(grabbed) }, nil
}

// listen drains key-downs (the library queues them without bound) and fires on key-ups until
// the hotkey is unregistered, which closes both channels.
func listen(down, up <-chan xhk.Event, fire func()) {
	for {
		select {
		case _, ok := <-down:
			if !ok {
				return
			}
		case _, ok := <-up:
			if !ok {
				return
			}
			fire()
		}
	}
}

// release unregisters in the background: on X11 Unregister blocks until the next key event.
func release(hks []*xhk.Hotkey) {
	for _, hk := range hks {
		go func() { _ = hk.Unregister() }()
	}
}

func keyOf(c hotkey.Combo) (xhk.Key, error) {
	switch {
	case c.Letter():
		return letterKeys[c.Key[0]-'A'], nil
	case c.Digit():
		return digitKey(c.Key[0] - '0'), nil
	case c.Fn() > 0:
		return fnKeys[c.Fn()-1], nil
	}
	return 0, fmt.Errorf("hotkey: no key code for %q", c.Key)
}

var letterKeys = [26]xhk.Key{
	xhk.KeyA, xhk.KeyB, xhk.KeyC, xhk.KeyD, xhk.KeyE, xhk.KeyF, xhk.KeyG, xhk.KeyH, xhk.KeyI,
	xhk.KeyJ, xhk.KeyK, xhk.KeyL, xhk.KeyM, xhk.KeyN, xhk.KeyO, xhk.KeyP, xhk.KeyQ, xhk.KeyR,
	xhk.KeyS, xhk.KeyT, xhk.KeyU, xhk.KeyV, xhk.KeyW, xhk.KeyX, xhk.KeyY, xhk.KeyZ,
}

var fnKeys = [12]xhk.Key{
	xhk.KeyF1, xhk.KeyF2, xhk.KeyF3, xhk.KeyF4, xhk.KeyF5, xhk.KeyF6,
	xhk.KeyF7, xhk.KeyF8, xhk.KeyF9, xhk.KeyF10, xhk.KeyF11, xhk.KeyF12,
}

// digitKey: X11 keysyms and Windows virtual-key codes of 0–9 are both '0'–'9'. The library's
// Linux Key0…Key9 constants are off by one, so they are not used.
func digitKey(d byte) xhk.Key { return xhk.Key('0' + d) }
