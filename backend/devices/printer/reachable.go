package printer

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
)

// Reachable checks, without printing, that target could take a job: a network printer
// accepts a connection, a file's folder exists, a queue is listed by the spooler.
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
		if _, err := os.Stat(filepath.Dir(t.Path)); err != nil {
			return unreachable(t.Path, err)
		}
		return nil
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
