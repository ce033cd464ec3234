package desktop

import "fmt"

// AutostartSupported tells whether this system offers 开机自动启动 (Windows only).
const AutostartSupported = autostartSupported

// AutostartChoice is what 设置 shows: the saved choice (on by default on Windows).
func (f *ConfigFile) AutostartChoice() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return autostartSupported && (f.cfg.Autostart == nil || *f.cfg.Autostart)
}

// SetAutostartChoice saves the choice made in 设置 and applies it with set (SetAutostart).
func (f *ConfigFile) SetAutostartChoice(on bool, set func(bool) error) error {
	if err := set(on); err != nil {
		return err
	}
	return f.update(func(c *Config) { c.Autostart = &on })
}

// ApplyAutostart makes the Run key follow the saved choice at start: the first start turns
// it on (the option is on by default) and saves that; later starts write it again, so an
// upgrade into another folder keeps starting the right exe, or remove it when turned off.
// It does nothing where autostart is not supported.
func (f *ConfigFile) ApplyAutostart(set func(bool) error) error {
	if !autostartSupported {
		return nil
	}
	on := f.AutostartChoice()
	if err := f.SetAutostartChoice(on, set); err != nil {
		return fmt.Errorf("开机自动启动: %w", err)
	}
	return nil
}
