//go:build !windows

package desktop

import (
	"fmt"
	"io"
	"os"
)

// startupOut is where the failure goes outside Windows (tests replace it).
var startupOut io.Writer = os.Stderr

// showStartupFailure writes the failure to the standard error stream, where a Linux or macOS
// user starting the app from a terminal sees it.
func showStartupFailure(title, text string) { fmt.Fprintln(startupOut, title+": "+text) }
