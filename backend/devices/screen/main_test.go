package screen

import (
	"fmt"
	"os"
	"testing"

	"github.com/jezek/xgb"
)

// TestMain holds one X connection open for the whole run when there is a display: an X server
// started by xvfb-run resets whenever its last client leaves, and screenshot opens a new
// connection per call, so without this some captures would meet a server mid-reset.
func TestMain(m *testing.M) {
	if os.Getenv("DISPLAY") != "" {
		conn, err := xgb.NewConn()
		if err != nil {
			fmt.Fprintf(os.Stderr, "screen tests: cannot connect to X display %q: %v\n", os.Getenv("DISPLAY"), err)
			os.Exit(1)
		}
		code := m.Run()
		conn.Close()
		os.Exit(code)
	}
	os.Exit(m.Run())
}
