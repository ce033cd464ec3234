package desktop

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

var quietLog = slog.New(slog.NewTextHandler(io.Discard, nil))

// TestMachineIDIsStableAndNoticesACopiedFolder: the id survives restarts; a damaged or
// missing file gets a new one; a data folder copied elsewhere (another PC or folder: another
// binding) gets its own id, so two PCs never share a terminal.
func TestMachineIDIsStableAndNoticesACopiedFolder(t *testing.T) {
	dir := t.TempDir()
	id := MachineID(dir, quietLog)
	if !reMachineID.MatchString(id) {
		t.Fatalf("machine id %q", id)
	}
	if again := MachineID(dir, quietLog); again != id {
		t.Fatalf("restart: %q, was %q", again, id)
	}
	path := filepath.Join(dir, MachineName)
	if st, err := os.Stat(path); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
		t.Fatalf("%s: %v, %v", MachineName, st, err)
	}

	copied := t.TempDir()
	b, _ := os.ReadFile(path)
	if err := os.WriteFile(filepath.Join(copied, MachineName), b, 0o600); err != nil {
		t.Fatal(err)
	}
	other := MachineID(copied, quietLog)
	if other == id || !reMachineID.MatchString(other) || MachineID(copied, quietLog) != other {
		t.Fatalf("copied folder: %q (original %q)", other, id)
	}

	for name, body := range map[string]string{"damaged": "{not json", "bad id": `{"id":"XYZ","bind":"` + machineBinding(dir) + `"}`} {
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := MachineID(dir, quietLog); got == id || !reMachineID.MatchString(got) {
			t.Fatalf("%s file: %q", name, got)
		}
	}
	os.Remove(path)
	if got := MachineID(dir, quietLog); !reMachineID.MatchString(got) {
		t.Fatalf("missing file: %q", got)
	}
}
