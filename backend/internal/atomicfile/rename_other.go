//go:build !windows

package atomicfile

import "os"

// rename moves from over to: POSIX renames replace a file even while it is open.
func rename(from, to string) error { return os.Rename(from, to) }
