// Package desktop composes the desktop app: it reads the config file in the data folder,
// opens the log, builds the platform (embedded on a local database with the simulator or
// real Allinpay keys, or remote against an xtfd server) and the bound services.
package desktop

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"xiaotongfu/backend/internal/atomicfile"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

// ConfigName is the config file's name inside the data folder.
const ConfigName = "config.json"

// Config is the desktop's config file. It holds the terminal token, so only the current user
// may read it (mode 0600; a private ACL on Windows).
type Config struct {
	Platform      PlatformConfig  `json:"platform"`
	TerminalToken string          `json:"terminalToken,omitempty"`
	Database      string          `json:"database,omitempty"` // embedded: SQLite path or postgres:// DSN; <data>/xiaotongfu.db when empty
	Allinpay      *AllinpayConfig `json:"allinpay,omitempty"` // embedded: real Allinpay instead of the simulator
	Merchant      *MerchantConfig `json:"merchant,omitempty"` // embedded with real keys: the shop itself
	Sim           SimConfig       `json:"sim"`
	Poll          PollConfig      `json:"poll"`
	// Reconcile is when the embedded platform reconciles yesterday against the statement.
	Reconcile ReconcileConfig `json:"reconcile"`
	// Devices are the printer, box, screen-area and hotkey settings (manual §8.1–8.4).
	Devices services.DeviceSettings `json:"devices"`
	// OCRCalibration is what 开始对接 learnt of the cashier program's digits (ocr.Calibration).
	OCRCalibration json.RawMessage `json:"ocrCalibration,omitempty"`
	// Autostart is 开机自动启动 as chosen in 设置; nil until the first start, which turns it on.
	Autostart *bool `json:"autostart,omitempty"`
}

// PlatformConfig says where the platform runs.
type PlatformConfig struct {
	Mode      string `json:"mode"`                // embedded (default) or remote
	ServerURL string `json:"serverUrl,omitempty"` // xtfd URL, remote mode
}

// AllinpayConfig are real 收银宝 credentials for embedded mode. Key files are read at start;
// relative paths are under the data folder. The keys never appear in the log.
type AllinpayConfig struct {
	BaseURL               string `json:"baseUrl"`                // e.g. https://vsp.allinpay.com/apiweb
	StatementURL          string `json:"statementUrl,omitempty"` // trxfile/get; baseUrl + /trxfile/get when empty
	CusID                 string `json:"cusid"`
	AppID                 string `json:"appid"`
	OrgID                 string `json:"orgid,omitempty"`
	SignType              string `json:"signType"` // RSA, SM2 or MD5
	PrivateKeyFile        string `json:"privateKeyFile,omitempty"`
	PlatformPublicKeyFile string `json:"platformPublicKeyFile,omitempty"`
	MD5KeyFile            string `json:"md5KeyFile,omitempty"`
	Version               string `json:"version,omitempty"` // 11 (default) or 12
	TermNo                string `json:"termNo,omitempty"`  // 8-digit terminal number registered with Allinpay
}

// MerchantConfig registers the shop's merchant at start (embedded mode with real keys).
type MerchantConfig struct {
	MerchantNo string   `json:"merchantNo"`
	Name       string   `json:"name"`
	Phone      string   `json:"phone"`
	PayLimit   int64    `json:"payLimit,omitempty"` // fen
	Stores     []string `json:"stores,omitempty"`
}

// SimConfig tunes the built-in simulator (demo mode).
type SimConfig struct {
	// Addr is the loopback address the simulator listens on; 127.0.0.1:0 (any free port)
	// when empty. Its GET /_sim/trades lists what the simulated bank did (tests use it).
	Addr     string `json:"addr,omitempty"`
	SignType string `json:"signType,omitempty"` // RSA (default), SM2 or MD5
}

// PollConfig overrides the platform's poll schedule (milliseconds; 0 keeps the default).
type PollConfig struct {
	FirstMs  int `json:"firstMs,omitempty"`
	EveryMs  int `json:"everyMs,omitempty"`
	WindowMs int `json:"windowMs,omitempty"`
	SweepMs  int `json:"sweepMs,omitempty"`
}

// ReconcileConfig sets the daily reconciliation (对账) of the embedded platform.
type ReconcileConfig struct {
	// Hour (0–23, China time) is when yesterday's statement is fetched; platform's default
	// when absent, never when -1.
	Hour *int `json:"hour,omitempty"`
}

// options converts the setting to the platform's.
func (r ReconcileConfig) options() platform.ReconcileOptions {
	h := platform.DefaultReconcileHour
	if r.Hour != nil {
		h = *r.Hour
	}
	return platform.ReconcileOptions{Enabled: h >= 0 && h <= 23, Hour: h}
}

// schedule converts the override to a platform schedule (zero fields keep the defaults).
func (p PollConfig) schedule() platform.PollSchedule {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	return platform.PollSchedule{First: ms(p.FirstMs), Every: ms(p.EveryMs), Window: ms(p.WindowMs), Sweep: ms(p.SweepMs)}
}

// ConfigFile is the config file on disk; it implements services.Prefs.
type ConfigFile struct {
	path string
	mu   sync.Mutex
	cfg  Config
}

var _ services.Prefs = (*ConfigFile)(nil)

// LoadConfig reads dir/config.json; a missing file means the defaults (embedded mode).
func LoadConfig(dir string) (*ConfigFile, error) {
	f := &ConfigFile{path: filepath.Join(dir, ConfigName)}
	b, err := os.ReadFile(f.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("读取配置文件 %s 失败: %w", f.path, err)
	default:
		if err := json.Unmarshal(b, &f.cfg); err != nil {
			return nil, fmt.Errorf("配置文件 %s 格式错误: %w", f.path, err)
		}
	}
	if f.cfg.Platform.Mode == "" {
		f.cfg.Platform.Mode = services.ModeEmbedded
	}
	st := services.Settings{Mode: f.cfg.Platform.Mode, ServerURL: f.cfg.Platform.ServerURL}
	if err := services.CheckSettings(st); err != nil {
		return nil, fmt.Errorf("配置文件 %s: %w", f.path, err)
	}
	return f, nil
}

// Path is the file's location.
func (f *ConfigFile) Path() string { return f.path }

// Config returns a copy of the current config.
func (f *ConfigFile) Config() Config {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cfg
}

// TerminalToken returns the saved terminal token ("" before initialisation).
func (f *ConfigFile) TerminalToken() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cfg.TerminalToken
}

// SetTerminalToken saves the terminal token ("" forgets it).
func (f *ConfigFile) SetTerminalToken(token string) error {
	return f.update(func(c *Config) { c.TerminalToken = token })
}

// Settings returns the saved settings.
func (f *ConfigFile) Settings() services.Settings {
	f.mu.Lock()
	defer f.mu.Unlock()
	return services.Settings{Mode: f.cfg.Platform.Mode, ServerURL: f.cfg.Platform.ServerURL}
}

// SaveSettings saves the settings.
func (f *ConfigFile) SaveSettings(s services.Settings) error {
	return f.update(func(c *Config) { c.Platform = PlatformConfig{Mode: s.Mode, ServerURL: s.ServerURL} })
}

// Devices returns the saved device settings.
func (f *ConfigFile) Devices() services.DeviceSettings {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cfg.Devices
}

// UpdateDevices changes the device settings with change and saves them.
func (f *ConfigFile) UpdateDevices(change func(*services.DeviceSettings)) error {
	return f.update(func(c *Config) { change(&c.Devices) })
}

// update changes the config and writes it atomically (temp file + rename), readable only by
// the current user (makePrivate).
func (f *ConfigFile) update(change func(*Config)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	next := f.cfg
	change(&next)
	b, err := json.MarshalIndent(next, "", "  ")
	if err != nil {
		return err
	}
	if err := writePrivate(f.path, append(b, '\n')); err != nil {
		return err
	}
	f.cfg = next
	return nil
}

// writePrivate replaces the file at path with b, readable by its owner only (makePrivate),
// through a temporary file in the same folder, so a crash leaves the old or the new file.
func writePrivate(path string, b []byte) error {
	return atomicfile.Write(path, b, makePrivate)
}
