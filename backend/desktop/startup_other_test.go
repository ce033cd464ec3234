//go:build !windows

package desktop

import (
	"bytes"
	"os"
	"testing"
)

// reported returns what ReportStartupFailure(err) writes to the standard error stream.
func reported(t *testing.T, err error) string {
	t.Helper()
	var out bytes.Buffer
	startupOut = &out
	defer func() { startupOut = os.Stderr }()
	ReportStartupFailure(err)
	return out.String()
}
