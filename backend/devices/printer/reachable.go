package printer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
)

// Reachable checks, without printing, that target could take a job: a network printer
// accepts a connection, a file can be written (see writable), a queue is listed by the
// spooler.
func Reachable(ctx context.Context, target string) error {
	t, err := ParseTarget(target)
	if err != nil {
		return err
	}
	switch t := t.(type) {
	case TCP:
		var d net.Dialer
		conn, err := d.DialContext(ctx, "tcp", t.Addr)
		if err != nil {
			return unreachable(t.Addr, err)
		}
		return conn.Close()
	case File:
		return writable(t.Path)
	case Queue:
		names, err := Printers(ctx)
		if err != nil {
			return err
		}
		if !slices.Contains(names, t.Name) {
			return failed(CodePrinterNotFound, t.Name, "找不到打印机 %s", fmt.Errorf("queue %q is not among %q", t.Name, names))
		}
		return nil
	}
	return fmt.Errorf("unknown printer target %T", t)
}

// writable checks that a job could be written to path without writing one: an existing file
// (a printer device such as /dev/usb/lp0) opens for appending, as File.Send opens it; a new
// one could be created, shown by creating and removing a scratch file in its folder.
func writable(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = os.CreateTemp(filepath.Dir(path), ".xtf-printer-check-*")
		if err == nil {
			defer os.Remove(f.Name())
		}
	}
	if err != nil {
		return unreachable(path, err)
	}
	return f.Close()
}
