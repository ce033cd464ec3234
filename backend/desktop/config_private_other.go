//go:build !windows

package desktop

import "os"

// makePrivate lets only the file's owner read and write it (mode 0600), since the config holds
// the terminal token.
func makePrivate(f *os.File) error { return f.Chmod(0o600) }
