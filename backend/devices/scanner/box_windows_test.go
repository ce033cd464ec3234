package scanner

import (
	"os"
	"slices"
	"testing"
	"time"

	"go.bug.st/serial"

	"xiaotongfu/backend/domain"
)

// comPortEnv names a COM port the Windows tests may open and close; scripts/wine-test.sh maps
// COM5 to a pty for them. Nothing is written to it.
const comPortEnv = "XTF_TEST_COM_PORT"

// testCOMPort returns the port named by comPortEnv, or skips saying why.
func testCOMPort(t *testing.T) string {
	t.Helper()
	port := os.Getenv(comPortEnv)
	if port == "" {
		t.Skipf("no COM port to test with: set %s (scripts/wine-test.sh maps COM5 to a pty under Wine)", comPortEnv)
	}
	return port
}

// TestPortsListsCOMPort: the port list the settings screen shows holds the COM port.
func TestPortsListsCOMPort(t *testing.T) {
	port := testCOMPort(t)
	ports, err := Ports("")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(ports, func(p PortInfo) bool { return p.Name == port }) {
		t.Fatalf("Ports() = %+v, want %s among them", ports, port)
	}
}

// TestBoxOpensAndClosesCOMPort: the box opens the COM port (connected), Close gives it back
// (closed), and the port can then be opened again.
func TestBoxOpensAndClosesCOMPort(t *testing.T) {
	port := testCOMPort(t)
	r := newRecorder()
	b := r.open(t, port, Options{})
	r.waitState(t, StateConnected)
	closed := make(chan error, 1)
	go func() { closed <- b.Close() }()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatalf("Close: %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Close did not return: the read on the port never ended")
	}
	r.waitState(t, StateClosed)
	p, err := serial.Open(port, &serial.Mode{BaudRate: 9600})
	if err != nil {
		t.Fatalf("%s after Close: %v", port, err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestProbeOpensCOMPort: the self-test's Probe opens the COM port and gives it back (a second
// probe opens it again); a COM port that is not there fails with a box code naming the port.
func TestProbeOpensCOMPort(t *testing.T) {
	s := DefaultSettings()
	s.Port = testCOMPort(t)
	for i := range 2 {
		if err := Probe(s); err != nil {
			t.Fatalf("probe %d of %s: %v", i+1, s.Port, err)
		}
	}
	s.Port = "COM99"
	e := domain.AsError(Probe(s))
	if e == nil || e.Code == domain.CodeInternal || e.Params["port"] != "COM99" {
		t.Fatalf("probe of a missing COM99: %+v", e)
	}
}
