//go:build linux

package scanner

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/internal/testkit"
)

func (r *recorder) waitCode(t *testing.T) string {
	t.Helper()
	select {
	case c := <-r.codes:
		return c
	case <-time.After(time.Minute):
		t.Fatal("no code")
		return ""
	}
}

func (r *recorder) noMoreCodes(t *testing.T) {
	t.Helper()
	select {
	case c := <-r.codes:
		t.Fatalf("unexpected code %q", c)
	case <-time.After(300 * time.Millisecond):
	}
}

func TestBoxReadsCodesOverPTY(t *testing.T) {
	d := testkit.NewPtyPort(t)
	d.Plug()
	r := newRecorder()
	r.open(t, d.Link, Options{})
	r.waitState(t, StateConnected)

	const wx, ali, up = "134567890123456789", "28123456789012345678", "6212345678901234567"
	d.Send(wx + "\r")
	d.Send(ali + "\n")
	d.Send(up + "\r\n")
	for _, want := range []string{wx, ali, up} {
		if got := r.waitCode(t); got != want {
			t.Fatalf("code %q, want %q", got, want)
		}
	}

	d.Send("13456789") // split frame: the rest comes well within the idle timeout
	time.Sleep(20 * time.Millisecond)
	d.Send("0123456789\r\n")
	if got := r.waitCode(t); got != wx {
		t.Fatalf("split frame gave %q", got)
	}

	d.Send("ERROR\r\n\x00\x1b\x02\r6901234567892\r\n") // noise, control bytes, a product barcode
	d.Send("1345678")                                  // a partial frame, then silence
	time.Sleep(400 * time.Millisecond)
	d.Send(ali + "\r\n")
	if got := r.waitCode(t); got != ali {
		t.Fatalf("after noise got %q, want %q (partial frame must not prefix it)", got, ali)
	}
	r.noMoreCodes(t)

	logs := r.logText()
	for _, code := range []string{wx, ali, up} {
		if strings.Contains(logs, code) {
			t.Fatalf("log holds a full payment code:\n%s", logs)
		}
	}
	for _, want := range []string{"****6789", string(dropNotDigits), string(dropLength), string(dropPartial)} {
		if !strings.Contains(logs, want) {
			t.Fatalf("log lacks %q:\n%s", want, logs)
		}
	}
}

func TestBoxReconnectsAfterUnplug(t *testing.T) {
	d := testkit.NewPtyPort(t) // not plugged yet: the port does not exist
	r := newRecorder()
	b := r.open(t, d.Link, Options{MinBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond})
	s := r.waitState(t, StateError)
	if s.Code != CodePortNotFound {
		t.Fatalf("error status %q", s.Message)
	}

	d.Plug()
	r.waitState(t, StateConnected)
	d.Send("134567890123456789\r")
	if got := r.waitCode(t); got != "134567890123456789" {
		t.Fatalf("code %q", got)
	}

	d.Unplug()
	if s := r.waitState(t, StateDisconnected); s.Code != CodeDisconnected {
		t.Fatalf("disconnected status %q", s.Message)
	}
	if b.Status().State == StateConnected {
		t.Fatal("Status() still connected after unplug")
	}
	time.Sleep(300 * time.Millisecond) // a few failed reopen attempts
	d.Plug()
	r.waitState(t, StateConnected)
	d.Send("6212345678901234567\r\n")
	if got := r.waitCode(t); got != "6212345678901234567" {
		t.Fatalf("code after reconnect %q", got)
	}
}

// closeReturns fails the test if Close does not come back: it must unblock reads and waits.
func closeReturns(t *testing.T, b *Box) {
	t.Helper()
	done := make(chan struct{})
	go func() { b.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("Close blocked")
	}
	if st := b.Status().State; st != StateClosed {
		t.Fatalf("state after Close %q", st)
	}
}

func TestBoxCloseUnblocks(t *testing.T) {
	t.Run("pending read", func(t *testing.T) {
		d := testkit.NewPtyPort(t)
		d.Plug()
		r := newRecorder()
		b := r.open(t, d.Link, Options{IdleTimeout: time.Hour})
		r.waitState(t, StateConnected)
		d.Send("1345") // keep a frame pending
		closeReturns(t, b)
		d.Send("67890123456789\r")
		r.noMoreCodes(t)
	})
	t.Run("backoff wait", func(t *testing.T) {
		r := newRecorder()
		b := r.open(t, filepath.Join(t.TempDir(), "missing"), Options{MinBackoff: time.Hour})
		r.waitState(t, StateError)
		closeReturns(t, b)
	})
}
