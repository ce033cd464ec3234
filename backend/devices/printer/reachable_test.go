package printer

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"testing"

	"xiaotongfu/backend/domain"
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
	if err := Reachable(ctx, "file://"+filepath.Join(dir, "no", "lp0")); domain.CodeOf(err) != CodePrinterUnreachable {
		t.Errorf("a file in a missing folder: %v, want %s", err, CodePrinterUnreachable)
	}
	if err := Reachable(ctx, "file://"+dir); domain.CodeOf(err) != CodePrinterUnreachable {
		t.Errorf("a folder, which cannot be written like a printer: %v, want %s", err, CodePrinterUnreachable)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("the check left %d files behind", len(left))
	}
	if err := Reachable(ctx, "no-such-queue-xtf"); err == nil {
		t.Error("a queue the spooler does not list was reachable")
	}
}
