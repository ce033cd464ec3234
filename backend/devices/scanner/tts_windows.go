package scanner

import (
	"context"
	"os"
	"os/exec"
	"syscall"
)

// ttsProgram runs Windows' speech (System.Speech, SAPI 5).
const ttsProgram = "powershell.exe"

// ttsNoVoice tells from sapiScript's exit status that Windows has no Chinese voice.
func ttsNoVoice(status int, _ []byte) bool { return status == 3 }

// sapiScript speaks $env:XTF_SAY with an enabled Chinese voice (exit 3 when there is none:
// another voice would skip the Chinese words), into $env:XTF_WAV when it is set. The text
// travels in the environment, never in the script.
const sapiScript = `Add-Type -AssemblyName System.Speech; ` +
	`$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; ` +
	`$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -like 'zh-*' } | Select-Object -First 1; ` +
	`if (-not $v) { exit 3 }; $s.SelectVoice($v.VoiceInfo.Name); ` +
	`if ($env:XTF_WAV) { $s.SetOutputToWaveFile($env:XTF_WAV) }; $s.Speak($env:XTF_SAY); $s.Dispose()`

// ttsCommand speaks text through SAPI without a console window, into the WAV file wav when
// it is set.
func ttsCommand(ctx context.Context, bin, text, wav string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, bin, "-NoProfile", "-NonInteractive", "-Command", sapiScript)
	cmd.Env = append(os.Environ(), "XTF_SAY="+text, "XTF_WAV="+wav)
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
	return cmd
}
