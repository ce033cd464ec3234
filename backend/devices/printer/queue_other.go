//go:build !windows

package printer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// sendToQueue pipes the bytes to `lp -d name -o raw`, so CUPS passes them through untouched.
func sendToQueue(ctx context.Context, name, doc string, data []byte) error {
	lp, err := exec.LookPath("lp")
	if err != nil {
		return failed(CodeNoSpooler, "", "本机没有打印系统", err)
	}
	cmd := exec.CommandContext(ctx, lp, "-d", name, "-o", "raw", "-t", doc)
	cmd.Stdin = bytes.NewReader(data)
	if out, err := cmd.CombinedOutput(); err != nil {
		return failed(CodePrinterUnreachable, name, "打印机 %s 打印失败", fmt.Errorf("lp: %w: %s", err, strings.TrimSpace(string(out))))
	}
	return nil
}

// Printers lists the CUPS destinations (`lpstat -e`). Without CUPS installed it returns an
// empty list; a network printer can still be set as tcp://host:9100.
func Printers(ctx context.Context) ([]string, error) {
	lpstat, err := exec.LookPath("lpstat")
	if err != nil {
		return nil, nil
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, lpstat, "-e")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && strings.Contains(stderr.String(), "No destinations") {
			return nil, nil
		}
		return nil, failed(CodeListFailed, "", "无法读取打印机列表", fmt.Errorf("lpstat: %w: %s", err, strings.TrimSpace(stderr.String())))
	}
	return strings.Fields(string(out)), nil
}
