//go:build !windows

package desktop

import (
	"os"
	"testing"
)

// checkPrivate fails unless path has mode 0600.
func checkPrivate(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("config file: %v, mode %v; want 0600", err, st.Mode().Perm())
	}
}
