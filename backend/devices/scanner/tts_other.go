//go:build !windows

package scanner

import (
	"context"
	"os/exec"
)

func ttsCommand(ctx context.Context, text string) (*exec.Cmd, error) {
	bin, err := lookTTS("espeak-ng")
	if err != nil {
		return nil, err
	}
	return exec.CommandContext(ctx, bin, "-v", "cmn", "--", text), nil
}
