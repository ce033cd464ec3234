package services

import (
	"bytes"
	"context"
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

// SetAutostart switches 开机自动启动 (Windows only; the admin only, CodeAdminOnly otherwise,
// like every setting of this terminal) and returns the new About.
func (s *SystemService) SetAutostart(on bool) (support.Info, error) {
	if err := s.c.requireAdmin(); err != nil {
		return support.Info{}, err
	}
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
	CodeDiagnosticsTimeout   domain.Code = "diagnostics_timeout" // the self-test and zip overran exportTimeout
)

// DiagnosticsResult is what 导出诊断信息 did: where the zip went (empty when cancelled) and
// the self-test outcomes, which the screen shows by name, status and code.
type DiagnosticsResult struct {
	Path   string           `json:"path"`
	Checks []support.Result `json:"checks"`
}

// DiagnosticsFile is 导出诊断信息 in a browser: the zip to offer as a download and the
// self-test outcomes.
type DiagnosticsFile struct {
	File   FileData         `json:"file"`
	Checks []support.Result `json:"checks"`
}

// ExportDiagnostics runs the device self-test and saves the 诊断信息 zip where the user picks
// in the save dialog (title and file type in Chinese). Like an export it is a file job:
// CancelExport stops it (export_cancelled, nothing written), and once the file is chosen it
// has exportTimeout to finish (diagnostics_timeout). Path is "" when the dialog was cancelled.
func (s *SystemService) ExportDiagnostics() (DiagnosticsResult, error) {
	info, err := s.About()
	if err != nil {
		return DiagnosticsResult{}, err
	}
	job, end := s.c.jobs.start(s.c.context())
	defer end()
	now := time.Now()
	path, err := s.c.dialog.SavePath(s.c.context(), SaveRequest{Title: "导出诊断信息",
		DefaultName: diagnosticsName(now), Filters: []FileFilter{{"ZIP 压缩包 (*.zip)", "*.zip"}}})
	if err != nil || path == "" || job.Err() != nil {
		return DiagnosticsResult{}, jobErr(job, err)
	}
	ctx, cancel := context.WithTimeout(job, exportTimeout)
	defer cancel()
	data, checks, err := s.diagnose(ctx, info, now)
	if err != nil {
		return DiagnosticsResult{}, err
	}
	path = withExt(path, "zip")
	if err := atomicfile.Write(path, data, nil); err != nil {
		s.c.log.Error("diagnostics", "path", path, "err", err)
		return DiagnosticsResult{}, domain.Errorf(CodeDiagnosticsFailed, "保存诊断信息失败")
	}
	return DiagnosticsResult{Path: path, Checks: checks}, nil
}

// ExportDiagnosticsDownload is ExportDiagnostics for the browser (the README's browser mode,
// where a native dialog would open on a screen nobody sees): the zip comes back to be offered
// as a download, with the same 取消 and time limit.
func (s *SystemService) ExportDiagnosticsDownload() (DiagnosticsFile, error) {
	info, err := s.About()
	if err != nil {
		return DiagnosticsFile{}, err
	}
	job, end := s.c.jobs.start(s.c.context())
	defer end()
	ctx, cancel := context.WithTimeout(job, exportTimeout)
	defer cancel()
	now := time.Now()
	data, checks, err := s.diagnose(ctx, info, now)
	if err != nil {
		return DiagnosticsFile{}, err
	}
	return DiagnosticsFile{File: newFileData(diagnosticsName(now), data, 0), Checks: checks}, nil
}

// diagnosticsName is the zip's name, 小通付诊断信息-<yyyyMMdd-HHmm>.zip.
func diagnosticsName(now time.Time) string {
	return "小通付诊断信息-" + now.Format("20060102-1504") + ".zip"
}

// diagnose runs the device self-test and writes the zip, both within ctx (a job).
func (s *SystemService) diagnose(ctx context.Context, info support.Info, now time.Time) ([]byte, []support.Result, error) {
	checks := support.RunChecks(ctx, s.device.selfTests())
	if ctx.Err() != nil {
		return nil, nil, diagnosticsErr(ctx)
	}
	for _, r := range checks {
		s.c.log.Info("self-test", "check", r.Name, "status", r.Status, "code", r.Code, "detail", r.Detail)
	}
	b := support.Bundle{Info: info, Config: s.src.RedactedConfig(), Devices: s.c.prefs.Devices(),
		Checks: checks, Logs: s.src.LogFiles(), Made: now}
	var buf bytes.Buffer
	if err := support.Write(&buf, b); err != nil {
		s.c.log.Error("diagnostics", "err", err)
		return nil, nil, domain.Errorf(CodeDiagnosticsFailed, "保存诊断信息失败")
	}
	if ctx.Err() != nil {
		return nil, nil, diagnosticsErr(ctx)
	}
	return buf.Bytes(), checks, nil
}

// diagnosticsErr names why the diagnostics job ended early: cancelled, or out of time.
func diagnosticsErr(ctx context.Context) error {
	if err := jobErr(ctx, ctx.Err()); domain.CodeOf(err) != CodeExportTimeout {
		return err
	}
	return domain.Errorf(CodeDiagnosticsTimeout, "设备自检和导出诊断信息超时，请重试")
}
