package pole

import (
	"bytes"
	"context"
	"testing"
	"time"

	"xiaotongfu/backend/devices/screen"
	"xiaotongfu/backend/internal/testkit"
)

var _ screen.AmountSource = (*Listener)(nil)

// TestListenerOverPTY: the cashier program's bytes arrive on one pty (split and with noise),
// the total is read, and every byte goes on unchanged to the real display on another pty.
func TestListenerOverPTY(t *testing.T) {
	pos, display := testkit.NewPtyPort(t), testkit.NewPtyPort(t)
	pos.Plug()
	display.Plug()
	totals := make(chan int64, 8)
	l, err := Open(Options{Port: pos.Link, RelayPort: display.Link, Idle: 30 * time.Millisecond},
		func(fen int64) { totals <- fen })
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.Name() != "pole" {
		t.Fatalf("name %q", l.Name())
	}
	parts := []string{"\x1b@\x00\xff\x1bs1\x1bQA3.5", "0\r\x1bs2\x1bQ", "A12.50\r", "\x0cTOTAL  7.", "80"}
	var sent bytes.Buffer
	for _, p := range parts {
		pos.Send(p)
		sent.WriteString(p)
		time.Sleep(5 * time.Millisecond)
	}
	for _, want := range []int64{0, 1250, 0, 780} {
		select {
		case got := <-totals:
			if got != want {
				t.Fatalf("total %d, want %d", got, want)
			}
		case <-time.After(time.Minute):
			t.Fatalf("no total (want %d)", want)
		}
	}
	if fen, err := l.Read(context.Background()); fen != 780 || err != nil {
		t.Fatalf("Read = %d, %v; want 780", fen, err)
	}
	if got := display.Recv(sent.Len()); !bytes.Equal(got, sent.Bytes()) {
		t.Fatalf("the display got %q, want %q", got, sent.Bytes())
	}
}

// TestListenerUnplugged: a port that goes away stops the source with an error, not a total.
func TestListenerUnplugged(t *testing.T) {
	pos := testkit.NewPtyPort(t)
	pos.Plug()
	l, err := Open(Options{Port: pos.Link}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	pos.Send("\x1bs2\x1bQA9.99\r")
	deadline := time.Now().Add(time.Minute)
	for fen, _ := l.Read(context.Background()); fen != 999; fen, _ = l.Read(context.Background()) {
		if time.Now().After(deadline) {
			t.Fatal("total never read")
		}
		time.Sleep(10 * time.Millisecond)
	}
	pos.Unplug()
	for _, err := l.Read(context.Background()); err == nil; _, err = l.Read(context.Background()) {
		if time.Now().After(deadline) {
			t.Fatal("no error after unplugging")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestOpenMissingPort(t *testing.T) {
	if _, err := Open(Options{Port: t.TempDir() + "/nope"}, nil); err == nil {
		t.Fatal("opened a port that does not exist")
	}
}
