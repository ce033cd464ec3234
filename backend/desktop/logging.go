package desktop

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
)

// LogName is the log file's name inside the data folder.
const LogName = "xiaotongfu.log"

// maxLogBytes: a log bigger than this at start is moved to xiaotongfu.log.1 first.
const maxLogBytes = 10 << 20

// OpenLog opens dir/xiaotongfu.log for appending (rotating once when it is large) and
// returns a text logger writing to it and to stderr when verbose.
func OpenLog(dir string, verbose bool) (*slog.Logger, io.Closer, error) {
	path := filepath.Join(dir, LogName)
	if st, err := os.Stat(path); err == nil && st.Size() > maxLogBytes {
		_ = os.Rename(path, path+".1")
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, err
	}
	var w io.Writer = f
	if verbose {
		w = io.MultiWriter(f, os.Stderr)
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})), f, nil
}
