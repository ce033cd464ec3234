package services_test

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"io"
	"net"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/devices/hotkey"
	"xiaotongfu/backend/devices/printer"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/internal/testkit"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
	"xiaotongfu/backend/support"
)

// shellSource is the desktop's support source as the shell builds it, on the harness's folder.
type shellSource struct {
	dir   string
	prefs *desktop.ConfigFile
	on    []bool
}

func (s *shellSource) About() support.Info {
	return support.Info{Version: "9.9.9", DataDir: s.dir, Mode: services.ModeEmbedded, AutostartSupported: true}
}
func (s *shellSource) RedactedConfig() any { return s.prefs.Config().Redacted() }
func (s *shellSource) LogFiles() []string  { return []string{filepath.Join(s.dir, desktop.LogName)} }
func (s *shellSource) SetAutostart(on bool) error {
	s.on = append(s.on, on)
	return nil
}

// supportTerminal is an initialised terminal with the admin logged in, its device settings in
// a real config file, and 设置 → 关于 as the shell builds it.
type supportTerminal struct {
	h     *harness
	prefs *desktop.ConfigFile
	dev   *services.DeviceService
	sys   *services.SystemService
	src   *shellSource
	term  *platform.TerminalInfo
}

func newSupportTerminal(t *testing.T, dlg services.SaveDialog) *supportTerminal {
	t.Helper()
	h := newHarness(t)
	prefs, err := desktop.LoadConfig(h.dir)
	if err != nil {
		t.Fatal(err)
	}
	h.attach(services.Options{API: h.backend.API, Prefs: prefs, Mode: h.backend.Mode, Demo: h.backend.Demo, Dialog: dlg})
	term := h.initialise()
	h.changeInitial()
	dev := services.NewDeviceService(h.core, services.DeviceOptions{})
	src := &shellSource{dir: h.dir, prefs: prefs}
	t.Cleanup(h.core.Stop)
	return &supportTerminal{h: h, prefs: prefs, dev: dev, sys: services.NewSystemService(h.core, src, dev), src: src, term: term}
}

// set changes the saved device settings (as SaveX would, without applying them).
func (st *supportTerminal) set(t *testing.T, f func(d *services.DeviceSettings)) {
	t.Helper()
	if err := st.prefs.UpdateDevices(f); err != nil {
		t.Fatal(err)
	}
}

// selfTest runs 导出诊断信息 as the browser does and returns its self-test by check.
func (st *supportTerminal) selfTest(t *testing.T) map[support.CheckName]support.Result {
	t.Helper()
	f, err := st.sys.ExportDiagnosticsDownload()
	if err != nil {
		t.Fatalf("ExportDiagnosticsDownload: %v", err)
	}
	out := map[support.CheckName]support.Result{}
	for _, r := range f.Checks {
		out[r.Name] = r
	}
	return out
}

// expect fails unless check has status and code (and, when given, the params).
func expect(t *testing.T, got map[support.CheckName]support.Result, check support.CheckName, status support.CheckStatus, code domain.Code, params map[string]any) {
	t.Helper()
	r := got[check]
	if r.Status != status || r.Code != code {
		t.Errorf("self-test %s = %s %q (%s), want %s %q", check, r.Status, r.Code, r.Detail, status, code)
	}
	for k, v := range params {
		if r.Params[k] != v {
			t.Errorf("self-test %s params %v, want %s=%v", check, r.Params, k, v)
		}
	}
}

// TestExportDiagnostics: 导出诊断信息 on an initialised terminal writes a zip with the
// terminal's numbers, the config without its token, the devices, a self-test that names the
// dead printer and the unconfigured devices, and the log with payment codes masked. The save
// dialog speaks Chinese.
func TestExportDiagnostics(t *testing.T) {
	dlg := &dirDialog{dir: t.TempDir()}
	st := newSupportTerminal(t, dlg)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := "tcp://" + ln.Addr().String()
	ln.Close()
	st.set(t, func(d *services.DeviceSettings) { d.Printer = services.PrinterSettings{Enabled: true, Name: dead} })
	logLine := "time=x level=INFO msg=oops code=134567890123456789\n"
	f, _ := os.OpenFile(filepath.Join(st.h.dir, desktop.LogName), os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o600)
	f.WriteString(logLine)
	f.Close()

	about, err := st.sys.About()
	if err != nil || about.TerminalNo != st.term.TermNo || about.MerchantNo != st.term.MerchantNo || about.Version != "9.9.9" {
		t.Fatalf("About = %+v, %v; want terminal %s", about, err, st.term.TermNo)
	}
	res, err := st.sys.ExportDiagnostics()
	if err != nil || !strings.HasSuffix(res.Path, ".zip") {
		t.Fatalf("ExportDiagnostics = %+v, %v", res, err)
	}
	if r := dlg.asks[0]; r.Title != "导出诊断信息" || r.Filters[0].Name != "ZIP 压缩包 (*.zip)" || !strings.HasPrefix(r.DefaultName, "小通付诊断信息-") {
		t.Fatalf("the save dialog is not in Chinese: %+v", r)
	}
	got := map[support.CheckName]support.Result{}
	for _, r := range res.Checks {
		got[r.Name] = r
	}
	expect(t, got, support.CheckPrinter, support.StatusFailed, printer.CodePrinterUnreachable, map[string]any{"printer": ln.Addr().String()})
	expect(t, got, support.CheckBox, support.StatusNotConfigured, "", nil)
	expect(t, got, support.CheckHotkeys, support.StatusFailed, hotkey.CodeNoSystem, nil)
	expect(t, got, support.CheckScreen, support.StatusNotConfigured, "", nil)
	files := readZip(t, res.Path)
	token := st.prefs.TerminalToken()
	if token == "" {
		t.Fatal("no terminal token after initialisation: the secret check would be empty")
	}
	for name, body := range files {
		if strings.Contains(body, token) {
			t.Errorf("%s holds the terminal token", name)
		}
		if strings.Contains(body, "134567890123456789") {
			t.Errorf("%s holds a whole payment code", name)
		}
	}
	if !strings.Contains(files["logs/"+desktop.LogName], "code=****6789") || !strings.Contains(files["selftest.json"], ln.Addr().String()) {
		t.Errorf("log or self-test detail missing:\n%s\n%s", files["logs/"+desktop.LogName], files["selftest.json"])
	}
	if !strings.Contains(files["about.json"], about.TerminalNo) || !strings.Contains(files["devices.json"], dead) {
		t.Errorf("about/devices:\n%s\n%s", files["about.json"], files["devices.json"])
	}
	if _, err := st.sys.SetAutostart(false); err != nil || len(st.src.on) != 1 || st.src.on[0] {
		t.Errorf("SetAutostart(false) as the admin: %v, applied %v", err, st.src.on)
	}
	dlg.cancel = true
	if res, err := st.sys.ExportDiagnostics(); err != nil || res.Path != "" {
		t.Errorf("a cancelled dialog: %+v, %v", res, err)
	}
}

// TestExportDiagnosticsDownloadCancelAndTimeout: in a browser the zip comes back as a
// download (no dialog is opened); 取消 (the trades' CancelExport, the one file job) pressed
// while the window's dialog is open writes nothing; a job over its time is diagnostics_timeout.
func TestExportDiagnosticsDownloadCancelAndTimeout(t *testing.T) {
	cd := &cancellingDialog{dirDialog: dirDialog{dir: t.TempDir()}}
	st := newSupportTerminal(t, cd)
	cd.trades = st.h.trades
	file, err := st.sys.ExportDiagnosticsDownload()
	if err != nil || !strings.HasPrefix(file.File.Name, "小通付诊断信息-") || !strings.HasSuffix(file.File.Name, ".zip") || len(file.Checks) != 4 {
		t.Fatalf("ExportDiagnosticsDownload = %+v, %v", file.File.Name, err)
	}
	data, err := base64.StdEncoding.DecodeString(file.File.Data)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) < 5 || zr.File[0].Name != "README.txt" {
		t.Fatalf("the download is not the diagnostics zip: %v", err)
	}
	if len(cd.asks) != 0 {
		t.Fatalf("the browser download opened the save dialog: %+v", cd.asks)
	}
	if _, err := st.sys.ExportDiagnostics(); domain.CodeOf(err) != services.CodeExportCancelled {
		t.Fatalf("取消 while the dialog is open: %v, want %s", err, services.CodeExportCancelled)
	}
	if entries, _ := os.ReadDir(cd.dir); len(entries) != 0 {
		t.Fatalf("a cancelled export left %d files", len(entries))
	}
	services.SetExportTimeout(t, time.Nanosecond)
	if _, err := st.sys.ExportDiagnosticsDownload(); domain.CodeOf(err) != services.CodeDiagnosticsTimeout {
		t.Fatalf("diagnostics over their time: %v, want %s", err, services.CodeDiagnosticsTimeout)
	}
}

// TestSelfTestReadsTheTextBox: the text box is read at its saved point; where it cannot be
// (not Windows), the self-test fails with screen_textbox, not the system's words.
func TestSelfTestReadsTheTextBox(t *testing.T) {
	if goruntime.GOOS == "windows" {
		t.Skip("on Windows the text box is readable at any point with a window under it: screen/textbox_windows_test.go covers reading")
	}
	st := newSupportTerminal(t, nil)
	st.set(t, func(d *services.DeviceSettings) {
		d.Screen = services.ScreenSettings{Mode: services.ScreenTextBox, Rect: services.Rect{X: 5, Y: 5}}
	})
	expect(t, st.selfTest(t), support.CheckScreen, support.StatusFailed, services.CodeScreenTextBox, nil)
}

// readZip returns the files of the zip at path by name.
func readZip(t *testing.T, path string) map[string]string {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out := map[string]string{}
	for _, f := range r.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

// TestSelfTestCapturesTheScreenAreaOnXvfb: the OCR area is captured once on the real X
// screen; an area past the screen's edge or on a screen that is not there fails with the
// screen settings' own codes.
func TestSelfTestCapturesTheScreenAreaOnXvfb(t *testing.T) {
	testkit.NeedX(t, "backend/services")
	st := newSupportTerminal(t, nil)
	area := func(s services.ScreenSettings) map[support.CheckName]support.Result {
		st.set(t, func(d *services.DeviceSettings) { d.Screen = s })
		return st.selfTest(t)
	}
	ok := services.ScreenSettings{Mode: services.ScreenOCR, Rect: services.Rect{X: 100, Y: 200, W: 120, H: 40}}
	expect(t, area(ok), support.CheckScreen, support.StatusOK, "", nil)
	past := ok
	past.Rect.X = 5000
	expect(t, area(past), support.CheckScreen, support.StatusFailed, services.CodeScreenRect, map[string]any{"n": 1})
	gone := ok
	gone.Dual, gone.Display = true, 7
	expect(t, area(gone), support.CheckScreen, support.StatusFailed, services.CodeScreenDisplay, map[string]any{"n": 8})
}
