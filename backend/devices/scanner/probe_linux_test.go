//go:build linux

package scanner

import (
	"path/filepath"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/internal/testkit"
)

// TestProbeOpensAndClosesThePort: a real pty opens (and is closed again, so the box can open
// it afterwards); a path with no port behind it is box_port_not_found naming the port.
func TestProbeOpensAndClosesThePort(t *testing.T) {
	d := testkit.NewPtyPort(t)
	d.Plug()
	s := DefaultSettings()
	s.Port = d.Link
	for i := range 2 { // a port left open by the first probe would make the second one fail
		if err := Probe(s); err != nil {
			t.Fatalf("probe %d of a plugged pty: %v", i+1, err)
		}
	}
	s.Port = filepath.Join(t.TempDir(), "ttyNONE")
	err := Probe(s)
	e := domain.AsError(err)
	if e.Code != CodePortNotFound || e.Params["port"] != s.Port || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("probe of a missing port: %v (code %s, params %v)", err, e.Code, e.Params)
	}
	s.Port = ""
	if domain.CodeOf(Probe(s)) != CodePortRequired {
		t.Fatalf("probe without a port: %v", Probe(s))
	}
}
