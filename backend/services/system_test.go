package services_test

import (
	"archive/zip"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xiaotongfu/backend/desktop"
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

// TestExportDiagnostics: 导出诊断信息 on an initialised terminal writes a zip with the
// terminal's numbers, the config without its token, the devices, a self-test that names the
// dead printer and the unconfigured devices, and the log with payment codes masked.
func TestExportDiagnostics(t *testing.T) {
	h := newHarness(t)
	term := h.initialise()
	prefs, err := desktop.LoadConfig(h.dir)
	if err != nil {
		t.Fatal(err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := "tcp://" + ln.Addr().String()
	ln.Close()
	if err := prefs.UpdateDevices(func(d *services.DeviceSettings) { d.Printer = services.PrinterSettings{Enabled: true, Name: dead} }); err != nil {
		t.Fatal(err)
	}
	logLine := "time=x level=INFO msg=oops code=134567890123456789\n"
	f, _ := os.OpenFile(filepath.Join(h.dir, desktop.LogName), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(logLine)
	f.Close()

	dlg := &dirDialog{dir: t.TempDir()}
	core := services.NewCore(services.Options{API: h.backend.API, Prefs: prefs, Mode: h.backend.Mode, Dialog: dlg})
	if _, err := services.NewSessionService(core).State(); err != nil {
		t.Fatal(err)
	}
	src := &shellSource{dir: h.dir, prefs: prefs}
	sys := services.NewSystemService(core, src, services.NewDeviceService(core, services.DeviceOptions{}))
	about, err := sys.About()
	if err != nil || about.TerminalNo != term.TermNo || about.MerchantNo != term.MerchantNo || about.Version != "9.9.9" {
		t.Fatalf("About = %+v, %v; want terminal %s", about, err, term.TermNo)
	}
	res, err := sys.ExportDiagnostics()
	if err != nil || !strings.HasSuffix(res.Path, ".zip") {
		t.Fatalf("ExportDiagnostics = %+v, %v", res, err)
	}
	status := map[support.CheckName]support.CheckStatus{}
	for _, r := range res.Checks {
		status[r.Name] = r.Status
	}
	want := map[support.CheckName]support.CheckStatus{support.CheckPrinter: support.StatusFailed,
		support.CheckBox: support.StatusNotConfigured, support.CheckHotkeys: support.StatusFailed, support.CheckScreen: support.StatusNotConfigured}
	for n, s := range want {
		if status[n] != s {
			t.Errorf("self-test %s = %s, want %s (all: %v)", n, status[n], s, status)
		}
	}
	files := readZip(t, res.Path)
	token := prefs.TerminalToken()
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
	if !strings.Contains(files["about.json"], term.TermNo) || !strings.Contains(files["devices.json"], dead) {
		t.Errorf("about/devices:\n%s\n%s", files["about.json"], files["devices.json"])
	}
	if _, err := sys.SetAutostart(false); err != nil || len(src.on) != 1 || src.on[0] {
		t.Errorf("SetAutostart(false): %v, applied %v", err, src.on)
	}
	dlg.cancel = true
	if res, err := sys.ExportDiagnostics(); err != nil || res.Path != "" {
		t.Errorf("a cancelled dialog: %+v, %v", res, err)
	}
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
