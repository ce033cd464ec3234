package services

import (
	"io"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/internal/atomicfile"
	"xiaotongfu/backend/support"
)

// SupportSource is what the desktop knows of itself for 设置 → 关于: the facts, the config
// without secrets, the log files and the 开机自动启动 switch.
type SupportSource interface {
	About() support.Info
	RedactedConfig() any
	LogFiles() []string
	SetAutostart(on bool) error
}

// SystemService is 设置 → 关于: version and folders, 开机自动启动, and 导出诊断信息.
type SystemService struct {
	c      *Core
	src    SupportSource
	device *DeviceService
}

// NewSystemService binds the about/support methods; src is nil only for binding generation.
func NewSystemService(c *Core, src SupportSource, device *DeviceService) *SystemService {
	return &SystemService{c: c, src: src, device: device}
}

// About returns what 设置 → 关于 shows, with this terminal's numbers once initialised.
func (s *SystemService) About() (support.Info, error) {
	if s.src == nil {
		return support.Info{}, domain.Errorf(domain.CodeUnavailable, "小通付尚未就绪")
	}
	info := s.src.About()
	s.c.mu.Lock()
	if t := s.c.terminal; t != nil {
		info.MerchantNo, info.TerminalNo, info.StoreName = t.MerchantNo, t.TermNo, t.StoreName
	}
	s.c.mu.Unlock()
	return info, nil
}

// SetAutostart switches 开机自动启动 (Windows only) and returns the new About.
func (s *SystemService) SetAutostart(on bool) (support.Info, error) {
	if s.src == nil || !s.src.About().AutostartSupported {
		return support.Info{}, domain.Errorf(CodeAutostartUnsupported, "开机自动启动仅支持 Windows")
	}
	if err := s.src.SetAutostart(on); err != nil {
		s.c.log.Error("autostart", "on", on, "err", err)
		return support.Info{}, domain.Errorf(CodeAutostartFailed, "开机自动启动设置失败")
	}
	return s.About()
}

// Error codes of 设置 → 关于.
const (
	CodeAutostartUnsupported domain.Code = "autostart_unsupported"
	CodeAutostartFailed      domain.Code = "autostart_failed"
	CodeDiagnosticsFailed    domain.Code = "diagnostics_failed"
)

// DiagnosticsResult is what 导出诊断信息 did: where the zip went (empty when cancelled) and
// the self-test outcomes, which the screen shows by name and status.
type DiagnosticsResult struct {
	Path   string           `json:"path"`
	Checks []support.Result `json:"checks"`
}

// ExportDiagnostics runs the device self-test and saves the 诊断信息 zip where the user picks.
func (s *SystemService) ExportDiagnostics() (DiagnosticsResult, error) {
	info, err := s.About()
	if err != nil {
		return DiagnosticsResult{}, err
	}
	now := time.Now()
	path, err := s.c.dialog.SavePath(s.c.context(), SaveRequest{Title: "导出诊断信息",
		DefaultName: "小通付诊断信息-" + now.Format("20060102-1504") + ".zip", Filters: []FileFilter{{"ZIP 压缩包 (*.zip)", "*.zip"}}})
	if err != nil || path == "" {
		return DiagnosticsResult{}, err
	}
	path = withExt(path, "zip")
	checks := support.RunChecks(s.c.context(), s.device.selfTests())
	for _, r := range checks {
		s.c.log.Info("self-test", "check", r.Name, "status", r.Status, "detail", r.Detail)
	}
	b := support.Bundle{Info: info, Config: s.src.RedactedConfig(), Devices: s.c.prefs.Devices(),
		Checks: checks, Logs: s.src.LogFiles(), Made: now}
	if err := atomicfile.Stream(path, func(w io.Writer) error { return support.Write(w, b) }); err != nil {
		s.c.log.Error("diagnostics", "path", path, "err", err)
		return DiagnosticsResult{}, domain.Errorf(CodeDiagnosticsFailed, "保存诊断信息失败")
	}
	return DiagnosticsResult{Path: path, Checks: checks}, nil
}
