package desktop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

func TestMissingConfigMeansEmbedded(t *testing.T) {
	f, err := LoadConfig(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if s := f.Settings(); s.Mode != services.ModeEmbedded || f.TerminalToken() != "" {
		t.Fatalf("defaults = %+v, token %q", s, f.TerminalToken())
	}
}

func TestConfigSavesAtomicallyAndPrivately(t *testing.T) {
	dir := t.TempDir()
	f, _ := LoadConfig(dir)
	if err := f.SetTerminalToken("tok-123"); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveSettings(services.Settings{Mode: services.ModeRemote, ServerURL: "http://127.0.0.1:8080"}); err != nil {
		t.Fatal(err)
	}
	checkPrivate(t, filepath.Join(dir, ConfigName))
	again, err := LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if again.TerminalToken() != "tok-123" || again.Config().Platform.ServerURL != "http://127.0.0.1:8080" {
		t.Fatalf("reloaded = %+v", again.Config())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("data folder holds %d files after saving, want only %s", len(entries), ConfigName)
	}
}

func TestBrokenConfigIsAClearError(t *testing.T) {
	for name, body := range map[string]string{
		"not json":   "{platform:",
		"bad mode":   `{"platform":{"mode":"cloud"}}`,
		"remote url": `{"platform":{"mode":"remote","serverUrl":"xtfd"}}`,
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ConfigName), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := LoadConfig(dir)
		if err == nil || !strings.Contains(err.Error(), ConfigName) {
			t.Fatalf("%s: err = %v, want one naming the file", name, err)
		}
	}
}

// TestReconcileConfig: absent is the platform's default hour, -1 is never.
func TestReconcileConfig(t *testing.T) {
	if o := (ReconcileConfig{}).options(); !o.Enabled || o.Hour != platform.DefaultReconcileHour {
		t.Fatalf("default: %+v", o)
	}
	never, six := -1, 6
	if o := (ReconcileConfig{Hour: &never}).options(); o.Enabled {
		t.Fatalf("-1: %+v", o)
	}
	if o := (ReconcileConfig{Hour: &six}).options(); !o.Enabled || o.Hour != 6 {
		t.Fatalf("6: %+v", o)
	}
}
