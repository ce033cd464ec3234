//go:build !windows

package scanner

import (
	"bytes"
	"context"
	"os/exec"
)

// ttsProgram is the speech engine: espeak-ng (Debian packages espeak-ng and espeak-ng-data,
// whose cmn voice is Mandarin).
const ttsProgram = "espeak-ng"

// ttsNoVoice tells from espeak-ng's exit status and output that the Mandarin voice is missing.
func ttsNoVoice(_ int, out []byte) bool {
	return bytes.Contains(out, []byte("voice does not exist"))
}

// ttsCommand speaks text with the Mandarin voice, into the WAV file wav when it is set.
func ttsCommand(ctx context.Context, bin, text, wav string) *exec.Cmd {
	args := []string{"-v", "cmn"}
	if wav != "" {
		args = append(args, "-w", wav)
	}
	return exec.CommandContext(ctx, bin, append(args, "--", text)...)
}
