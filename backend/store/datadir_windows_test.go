package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows"
)

// TestDataDirIsUnderAppData: without XTF_DATA_DIR the data folder is XiaoTongFu in the user's
// roaming application data folder. %APPDATA%, which DataDir goes by, is checked against the
// shell's own FOLDERID_RoamingAppData; the folder is then created under a temporary %APPDATA%,
// so the test never touches the real user's data.
func TestDataDirIsUnderAppData(t *testing.T) {
	shell, err := windows.KnownFolderPath(windows.FOLDERID_RoamingAppData, 0)
	if err != nil {
		t.Fatal(err)
	}
	if env := os.Getenv("APPDATA"); !strings.EqualFold(env, shell) {
		t.Fatalf("%%APPDATA%% = %q, but the roaming AppData folder is %q", env, shell)
	}
	t.Setenv(DataDirEnv, "")
	appData := t.TempDir()
	t.Setenv("APPDATA", appData)
	dir, err := DataDir()
	if want := filepath.Join(appData, "XiaoTongFu"); err != nil || dir != want {
		t.Fatalf("DataDir = %q, %v; want %q", dir, err, want)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Fatalf("data folder not created: %v", err)
	}
}
