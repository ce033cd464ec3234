package scanner

import (
	"context"
	"os"
	"os/exec"
	"syscall"
)

// sapiScript speaks $env:XTF_SAY; the text travels in the environment, never in the script.
const sapiScript = `Add-Type -AssemblyName System.Speech; ` +
	`$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; $s.Speak($env:XTF_SAY)`

func ttsCommand(ctx context.Context, text string) (*exec.Cmd, error) {
	ps, err := lookTTS("powershell.exe")
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, ps, "-NoProfile", "-NonInteractive", "-Command", sapiScript)
	cmd.Env = append(os.Environ(), "XTF_SAY="+text)
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
	return cmd, nil
}
