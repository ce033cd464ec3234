package atomicfile

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// renameTries × renamePause bounds how long rename waits for readers of the target to let go
// (Go opens files for reading without FILE_SHARE_DELETE, so a rename onto one fails meanwhile).
const (
	renameTries = 100
	renamePause = 20 * time.Millisecond
)

// rename moves from over to, retrying while the target is held open by a reader.
func rename(from, to string) error {
	var err error
	for i := 0; i < renameTries; i++ {
		if err = os.Rename(from, to); err == nil || !held(err) {
			return err
		}
		time.Sleep(renamePause)
	}
	return err
}

// held reports whether err is Windows refusing a rename because the target is open.
func held(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_ACCESS_DENIED) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
