package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWriteReplaces: the new contents replace the old, prepare runs on the temporary file, and
// nothing else is left in the folder.
func TestWriteReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	prepared := false
	if err := Write(path, []byte("new"), func(f *os.File) error { prepared = f.Name() != path; return nil }); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "new" || !prepared {
		t.Fatalf("after Write: %q, %v, prepared %v", b, err, prepared)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("folder holds %d entries, want only the file", len(ents))
	}
}

// TestWriteWaitsForAReader: a reader holding the file open (as a poller of the demo bank's
// ledger does) while it is replaced. Windows refuses the rename until the reader closes it;
// Write waits for that instead of failing, and the reader's copy is the old one.
func TestWriteWaitsForAReader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- Write(path, []byte("new"), nil) }()
	time.Sleep(200 * time.Millisecond)
	r.Close()
	if err := <-done; err != nil {
		t.Fatalf("Write while a reader held the file: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("after Write: %q", b)
	}
}

// TestWriteReportsAMissingFolder: a folder that does not exist is an error, not a panic.
func TestWriteReportsAMissingFolder(t *testing.T) {
	if err := Write(filepath.Join(t.TempDir(), "no", "such", "file"), []byte("x"), nil); err == nil {
		t.Fatal("Write into a missing folder succeeded")
	}
}

// TestStreamFailureKeepsTheOldFile: a write that fails half-way leaves the old file and no
// temporary file behind.
func TestStreamFailureKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "交易.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := Stream(path, func(w io.Writer) error {
		if _, err := w.Write([]byte("half")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Stream = %v, want the write's error", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("after a failed Stream: %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("folder holds %d entries, want only the old file", len(ents))
	}
}
