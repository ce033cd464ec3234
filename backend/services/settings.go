package services

import (
	"context"
	"strings"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
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
	// Access says who may save: AccessOpen, AccessAdmin, AccessPassword (the admin password
	// goes with Save) or AccessReadOnly.
	Access string `json:"access"`
}

// SettingsService reads and saves the settings.
type SettingsService struct{ c *Core }

// NewSettingsService binds the settings methods to c.
func NewSettingsService(c *Core) *SettingsService { return &SettingsService{c: c} }

// Get returns the saved settings, what is running, and who may change them.
func (s *SettingsService) Get() (SettingsView, error) {
	st := s.c.prefs.Settings()
	v := SettingsView{Settings: st, RunningMode: s.c.mode, RunningServerURL: s.c.server,
		RestartRequired: st.Mode != s.c.mode || (st.Mode == ModeRemote && st.ServerURL != s.c.server)}
	access, err := s.c.access()
	if err != nil {
		// The platform cannot say who is logged in: show, do not offer to change.
		s.c.log.Warn("settings access unknown", "code", domain.CodeOf(err))
		access = AccessReadOnly
	}
	v.Access = access
	return v, nil
}

// Save checks and stores the settings; a new platform mode or server applies at restart.
// The connection is the admin's: before initialisation anyone may set it; after, the admin
// logged in, or at the login screen whoever gives the admin password, which the platform
// checks (adminPassword is ignored otherwise). A cashier is refused with CodeAdminOnly.
func (s *SettingsService) Save(st Settings, adminPassword string) error {
	if s.c.broken != nil {
		return s.c.broken
	}
	st.ServerURL = strings.TrimSpace(st.ServerURL)
	if err := CheckSettings(st); err != nil {
		return err
	}
	if err := s.allowSave(adminPassword); err != nil {
		return err
	}
	if err := s.c.prefs.SaveSettings(st); err != nil {
		s.c.log.Error("save settings", "err", err)
		return domain.Errorf(domain.CodeInternal, "无法保存设置，请检查数据目录的写权限")
	}
	s.c.log.Info("platform connection saved", "mode", st.Mode, "server", st.ServerURL)
	return nil
}

// allowSave applies Save's rule of who may change the connection.
func (s *SettingsService) allowSave(adminPassword string) error {
	access, err := s.c.access()
	if err != nil {
		return err
	}
	switch access {
	case AccessOpen, AccessAdmin:
		return nil
	case AccessPassword:
		return callErr(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) error {
			return api.VerifyAdmin(ctx, cr.TerminalToken, adminPassword)
		})
	}
	return errAdminOnly
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
