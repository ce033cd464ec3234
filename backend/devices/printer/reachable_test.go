package printer

import (
	"context"
	"net"
	"path/filepath"
	"testing"
)

func TestReachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx := context.Background()
	if err := Reachable(ctx, "tcp://"+addr); err != nil {
		t.Errorf("a listening printer: %v", err)
	}
	ln.Close()
	if err := Reachable(ctx, "tcp://"+addr); err == nil {
		t.Error("a closed port was reachable")
	}
	dir := t.TempDir()
	if err := Reachable(ctx, "file://"+filepath.Join(dir, "lp0")); err != nil {
		t.Errorf("a file in an existing folder: %v", err)
	}
	if err := Reachable(ctx, "file://"+filepath.Join(dir, "no", "lp0")); err == nil {
		t.Error("a file in a missing folder was reachable")
	}
	if err := Reachable(ctx, "no-such-queue-xtf"); err == nil {
		t.Error("a queue the spooler does not list was reachable")
	}
}
