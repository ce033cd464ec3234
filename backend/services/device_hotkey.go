package services

import (
	"context"
	"sync"

	"xiaotongfu/backend/devices/hotkey"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
)

// Names of the hotkey rows, as in HotkeySettings, HotkeyStatus.Errors and hotkey:pressed.
const (
	HotkeyQuickPay = "quickPay"
	HotkeyShowMain = "showMain"
)

// Hotkey is one 快捷键配置 row: the combination (e.g. "Ctrl+Shift+P") and whether it is on.
type Hotkey struct {
	Keys    string `json:"keys"`
	Enabled bool   `json:"enabled"`
}

// HotkeySettings are 快捷键配置 (manual §8.4): quick pay, show the main window, and
// 隐藏悬浮窗 (no floating bubble when minimised).
type HotkeySettings struct {
	QuickPay     Hotkey `json:"quickPay"`
	ShowMain     Hotkey `json:"showMain"`
	HideFloating bool   `json:"hideFloating"`
}

// HotkeyStatus reports SaveHotkeys: the error of each row that could not be used (keys
// quickPay / showMain), a code with its parameters for the UI to translate; empty when
// everything was saved and registered.
type HotkeyStatus struct {
	Errors map[string]*domain.Error `json:"errors"`
}

// DefaultHotkeys are the app's defaults: Ctrl+Shift+P quick pay, Ctrl+Shift+M main window.
func DefaultHotkeys() HotkeySettings {
	return HotkeySettings{QuickPay: Hotkey{Keys: "Ctrl+Shift+P", Enabled: true},
		ShowMain: Hotkey{Keys: "Ctrl+Shift+M", Enabled: true}}
}

// withDefaults returns the defaults when nothing was ever saved, and fills an empty
// combination with its default (switched off rows keep Enabled false).
func (h HotkeySettings) withDefaults() HotkeySettings {
	def := DefaultHotkeys()
	if h == (HotkeySettings{}) {
		return def
	}
	if h.QuickPay.Keys == "" {
		h.QuickPay.Keys = def.QuickPay.Keys
	}
	if h.ShowMain.Keys == "" {
		h.ShowMain.Keys = def.ShowMain.Keys
	}
	return h
}

// bindings converts the settings to hotkey.Manager bindings (off rows have no combo).
func (h HotkeySettings) bindings() []hotkey.Binding {
	row := func(name string, k Hotkey) hotkey.Binding {
		if !k.Enabled {
			return hotkey.Binding{Name: name}
		}
		return hotkey.Binding{Name: name, Combo: k.Keys}
	}
	return []hotkey.Binding{row(HotkeyQuickPay, h.QuickPay), row(HotkeyShowMain, h.ShowMain)}
}

// hotkeys is DeviceService's hotkey part. Without a system backend (UseHotkeys not called,
// e.g. a build without hotkeys) it only validates and saves.
type hotkeys struct {
	c   *Core
	mu  sync.Mutex
	mgr *hotkey.Manager
}

// newHotkeys builds the hotkey part; the saved hotkeys are registered when the core starts.
func newHotkeys(c *Core) *hotkeys {
	k := &hotkeys{c: c}
	c.onLifecycle(func(context.Context) { k.startup() }, k.close)
	return k
}

// UseHotkeys gives d the operating system's hotkey registration (hotkey/native, which only
// the desktop app may import). Call it before the core starts.
func UseHotkeys(d *DeviceService, b hotkey.Backend) {
	if b == nil {
		return
	}
	k := d.keys
	k.mu.Lock()
	defer k.mu.Unlock()
	k.mgr = hotkey.NewManager(b, k.fired, k.c.log)
}

// SaveHotkeys (the admin only) checks and registers h; when every enabled row works it saves h, otherwise it
// keeps the previous hotkeys and reports each problem (a code) next to its row.
func (s *DeviceService) SaveHotkeys(h HotkeySettings) (*HotkeyStatus, error) {
	if err := s.c.requireAdmin(); err != nil {
		return nil, err
	}
	return s.keys.save(h)
}

// startup registers the saved hotkeys and applies 隐藏悬浮窗.
func (k *hotkeys) startup() {
	h := k.c.prefs.Devices().Hotkeys.withDefaults()
	k.c.Window().SetHideFloating(h.HideFloating)
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.mgr != nil {
		k.mgr.Apply(h.bindings())
	}
}

// close releases the hotkeys (shutdown).
func (k *hotkeys) close() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.mgr != nil {
		k.mgr.Close()
	}
}

// save validates, registers and saves h (see SaveHotkeys).
func (k *hotkeys) save(h HotkeySettings) (*HotkeyStatus, error) {
	st := &HotkeyStatus{Errors: map[string]*domain.Error{}}
	rows := []struct {
		name string
		key  *Hotkey
	}{{HotkeyQuickPay, &h.QuickPay}, {HotkeyShowMain, &h.ShowMain}}
	used := map[string]string{}
	for _, r := range rows {
		c, err := hotkey.Parse(r.key.Keys)
		switch {
		case err != nil && r.key.Enabled:
			st.Errors[r.name] = domain.AsError(err)
		case err != nil: // an unusable combination may stay in a row that is off
		case r.key.Enabled && used[c.String()] != "":
			st.Errors[r.name] = hotkey.Used(c)
		default:
			r.key.Keys = c.String()
			if r.key.Enabled {
				used[c.String()] = r.name
			}
		}
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(st.Errors) == 0 && k.mgr != nil {
		for _, res := range k.mgr.Apply(h.bindings()) {
			if res.Err != nil {
				st.Errors[res.Name] = res.Err
			}
		}
		if len(st.Errors) > 0 { // keep the previous hotkeys working
			k.mgr.Apply(k.c.prefs.Devices().Hotkeys.withDefaults().bindings())
		}
	}
	if len(st.Errors) > 0 {
		return st, nil
	}
	if err := k.c.prefs.UpdateDevices(func(d *DeviceSettings) { d.Hotkeys = h }); err != nil {
		return nil, err
	}
	k.c.Window().SetHideFloating(h.HideFloating)
	return st, nil
}

// fired handles a hotkey's key-up: hotkey:pressed, then quick pay or the main window.
func (k *hotkeys) fired(name string) {
	k.c.emit.Emit(events.HotkeyPressed, events.Hotkey{Name: name})
	switch name {
	case HotkeyQuickPay:
		k.c.Window().ShowQuickPay(events.ReasonHotkey, "", 0)
	case HotkeyShowMain:
		k.c.Window().ShowMain(events.ReasonHotkey)
	}
}
