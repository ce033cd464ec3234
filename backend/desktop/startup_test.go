package desktop

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xiaotongfu/backend/store"
)

// TestStartupFailureNamesTheDataFolder: a data folder that cannot be created, or whose log
// cannot be opened, fails Open with a StartupError whose Chinese message names the folder and
// reaches the user (stderr outside Windows, a real message box on Windows: see reported).
func TestStartupFailureNamesTheDataFolder(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "not-a-folder")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	logDir := filepath.Join(base, "data")
	if err := os.MkdirAll(filepath.Join(logDir, LogName), 0o700); err != nil { // the log is a folder
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join(file, "XiaoTongFu"), logDir} {
		t.Setenv(store.DataDirEnv, dir)
		sh, err := Open(context.Background())
		var se *StartupError
		if sh != nil || !errors.As(err, &se) || se.Dir != dir {
			t.Fatalf("Open with %s = %v, %v; want a StartupError for that folder", dir, sh, err)
		}
		out := reported(t, err)
		for _, want := range []string{StartupTitle + ": ", "数据文件夹无法打开", "数据文件夹：" + dir, "原因："} {
			if !strings.Contains(out, want) {
				t.Fatalf("message lacks %q:\n%s", want, out)
			}
		}
	}
	if msg := StartupMessage(errors.New("webview2 missing")); !strings.Contains(msg, "webview2 missing") || strings.Contains(msg, "数据文件夹") {
		t.Fatalf("generic start-up message: %s", msg)
	}
}
