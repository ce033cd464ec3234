package services

import (
	"strings"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform/httpapi"
)

// Settings are the terminal's own settings. Device settings (printer, box, screen area,
// hotkeys) join them in later issues.
type Settings struct {
	Mode      string `json:"mode"`      // embedded or remote
	ServerURL string `json:"serverUrl"` // the xtfd URL, for remote
}

// SettingsView is Settings plus what is running now: a changed platform mode or server
// takes effect at the next start.
type SettingsView struct {
	Settings
	RunningMode      string `json:"runningMode"`
	RunningServerURL string `json:"runningServerUrl"`
	RestartRequired  bool   `json:"restartRequired"`
}

// SettingsService reads and saves the settings.
type SettingsService struct{ c *Core }

// NewSettingsService binds the settings methods to c.
func NewSettingsService(c *Core) *SettingsService { return &SettingsService{c: c} }

// Get returns the saved settings and what is running.
func (s *SettingsService) Get() (SettingsView, error) {
	st := s.c.prefs.Settings()
	return SettingsView{Settings: st, RunningMode: s.c.mode, RunningServerURL: s.c.server,
		RestartRequired: st.Mode != s.c.mode || (st.Mode == ModeRemote && st.ServerURL != s.c.server)}, nil
}

// Save checks and stores the settings. A new platform mode or server applies at restart.
func (s *SettingsService) Save(st Settings) error {
	if s.c.broken != nil {
		return s.c.broken
	}
	st.ServerURL = strings.TrimSpace(st.ServerURL)
	if err := CheckSettings(st); err != nil {
		return err
	}
	if err := s.c.prefs.SaveSettings(st); err != nil {
		s.c.log.Error("save settings", "err", err)
		return domain.Errorf(domain.CodeInternal, "无法保存设置，请检查数据目录的写权限")
	}
	return nil
}

// CheckSettings validates st: a known mode, and in remote mode an https:// server URL
// (http:// only to this machine; httpapi.CheckServerURL).
func CheckSettings(st Settings) error {
	switch st.Mode {
	case ModeEmbedded:
		return nil
	case ModeRemote:
		return httpapi.CheckServerURL(st.ServerURL)
	}
	return domain.FieldError("mode", "平台模式只能是 embedded（本机）或 remote（服务器）")
}
