package testkit

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/creack/pty"
)

// PtyPort is a simulated serial device: the master side of a real pty, reached by the app
// through a stable symlink (Link) so that a replug (a new pty) keeps the configured port path.
type PtyPort struct {
	// Link is the port path to configure in the app.
	Link   string
	t      testing.TB
	master *os.File
}

// NewPtyPort returns an unplugged port whose link lies in a temporary folder of t; it is
// unplugged again when t ends.
func NewPtyPort(t testing.TB) *PtyPort {
	p := &PtyPort{t: t, Link: filepath.Join(t.TempDir(), "ttyBOX")}
	t.Cleanup(p.Unplug)
	return p
}

// Plug creates a fresh pty and points the link at it.
func (p *PtyPort) Plug() {
	master, slave, err := pty.Open()
	if err != nil {
		p.t.Fatalf("pty.Open: %v", err)
	}
	tmp := p.Link + ".new"
	if err := os.Symlink(slave.Name(), tmp); err != nil {
		p.t.Fatal(err)
	}
	if err := os.Rename(tmp, p.Link); err != nil {
		p.t.Fatal(err)
	}
	slave.Close()
	p.master = master
}

// Unplug closes the master: the app's next read fails, as with a pulled USB cable.
func (p *PtyPort) Unplug() {
	if p.master != nil {
		p.master.Close()
		p.master = nil
	}
}

// Send writes s as the device, failing the test if the write fails.
func (p *PtyPort) Send(s string) {
	if _, err := p.master.Write([]byte(s)); err != nil {
		p.t.Fatalf("device write: %v", err)
	}
}

// Recv reads what the app wrote to the port until n bytes came, failing the test after a
// minute without them.
func (p *PtyPort) Recv(n int) []byte {
	p.t.Helper()
	got := make(chan []byte, 1)
	master := p.master
	go func() {
		buf := make([]byte, 0, n)
		b := make([]byte, 256)
		for len(buf) < n {
			k, err := master.Read(b)
			if err != nil {
				break
			}
			buf = append(buf, b[:k]...)
		}
		got <- buf
	}()
	select {
	case b := <-got:
		if len(b) < n {
			p.t.Fatalf("device read %d of %d bytes: %q", len(b), n, b)
		}
		return b
	case <-time.After(time.Minute):
		p.t.Fatalf("device read: nothing after a minute (want %d bytes)", n)
		return nil
	}
}
