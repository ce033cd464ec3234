package desktop

import (
	"path/filepath"

	"xiaotongfu/backend/services"
	"xiaotongfu/backend/support"
)

// supportSource is the shell as services.SupportSource: what 设置 → 关于 shows of it.
type supportSource struct{ sh *Shell }

var _ services.SupportSource = supportSource{}

// About returns the version, folders, mode and the 开机自动启动 choice.
func (s supportSource) About() support.Info {
	sh := s.sh
	info := support.Info{Version: sh.Version, OS: support.Platform(), DataDir: sh.Dir,
		LogFile: filepath.Join(sh.Dir, LogName), AutostartSupported: AutostartSupported}
	if sh.Config != nil {
		cfg := sh.Config.Config()
		info.Mode, info.ServerURL = cfg.Platform.Mode, cfg.Platform.ServerURL
		info.Autostart = sh.Config.AutostartChoice()
	}
	if sh.Backend != nil { // what runs, when it differs from a saved but not yet applied change
		info.Mode, info.ServerURL = sh.Backend.Mode, sh.Backend.ServerURL
	}
	return info
}

// RedactedConfig is the config file without the terminal token or database passwords.
func (s supportSource) RedactedConfig() any {
	if s.sh.Config == nil {
		return nil
	}
	return s.sh.Config.Config().Redacted()
}

// LogFiles are the log and its rotated predecessor.
func (s supportSource) LogFiles() []string {
	p := filepath.Join(s.sh.Dir, LogName)
	return []string{p, p + ".1"}
}

// SetAutostart saves and applies the choice made in 设置.
func (s supportSource) SetAutostart(on bool) error {
	return s.sh.Config.SetAutostartChoice(on, SetAutostart)
}

// ApplyAutostart makes the Run key follow the saved 开机自动启动 choice (on at the first
// start); main calls it once, tests never do. A failure is logged: the app still starts.
func (sh *Shell) ApplyAutostart() {
	if sh.Config == nil {
		return
	}
	if err := sh.Config.ApplyAutostart(SetAutostart); err != nil {
		sh.Log.Warn("autostart not applied", "err", err)
	}
}
