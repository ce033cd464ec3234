package scanner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// osWords are bits of the system's own error texts, which must never reach the screen.
var osWords = []string{"no such file", "directory", "permission", "busy", "errno", "ioctl", "inappropriate", "/dev/"}

// TestBoxStatusCarriesCodeAndPortOnly: each open failure of a real port (one that does not
// exist, a file that is no serial port) becomes a status code
// with the port as its only parameter; the system's error text is in the log, not in the status.
func TestBoxStatusCarriesCodeAndPortOnly(t *testing.T) {
	dir := t.TempDir()
	notSerial := filepath.Join(dir, "plain-file")
	if err := os.WriteFile(notSerial, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		port string
		code domain.Code
	}{
		{filepath.Join(dir, "ttyUSB9"), CodePortNotFound},
		{notSerial, CodePortInvalid},
	}
	// A port another program holds cannot be made here: root opens a TIOCEXCL tty anyway.
	for _, c := range cases {
		r := newRecorder()
		r.open(t, c.port, Options{MinBackoff: time.Hour})
		s := r.waitState(t, StateError)
		if s.Code != c.code || s.Port != c.port {
			t.Errorf("%s: status %+v, want code %s", c.port, s, c.code)
		}
		if p := s.Params(); len(p) != 1 || p["port"] != c.port {
			t.Errorf("%s: params %v, want the port only", c.port, p)
		}
		shown := strings.ToLower(s.Message)
		for _, w := range osWords {
			if strings.Contains(strings.ReplaceAll(shown, strings.ToLower(c.port), ""), w) {
				t.Errorf("%s: message %q holds the system's text %q", c.port, s.Message, w)
			}
		}
		if log := r.logText(); !strings.Contains(log, "err=") {
			t.Errorf("%s: the system's error is not logged:\n%s", c.port, log)
		}
	}
}
