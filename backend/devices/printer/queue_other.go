//go:build !windows

package printer

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"

	"xiaotongfu/backend/domain"
)

// sendToQueue pipes the bytes to `lp -d name -o raw`, so CUPS passes them through untouched.
func sendToQueue(ctx context.Context, name, doc string, data []byte) error {
	lp, err := exec.LookPath("lp")
	if err != nil {
		return domain.Errorf(CodePrinterNotFound, "本机没有打印系统（未找到 CUPS 的 lp 命令）")
	}
	cmd := exec.CommandContext(ctx, lp, "-d", name, "-o", "raw", "-t", doc)
	cmd.Stdin = bytes.NewReader(data)
	if out, err := cmd.CombinedOutput(); err != nil {
		return domain.Errorf(CodePrinterUnreachable, "打印机 %s 打印失败", name).With("detail", strings.TrimSpace(string(out)))
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
		return nil, domain.Errorf(CodePrinterNotFound, "无法读取打印机列表").With("detail", strings.TrimSpace(stderr.String()))
	}
	return strings.Fields(string(out)), nil
}
