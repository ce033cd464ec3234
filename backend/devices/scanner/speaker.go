package scanner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"

	"xiaotongfu/backend/domain"
)

// AnnounceKind is the payment outcome being voiced.
type AnnounceKind string

// Announcement kinds.
const (
	AnnouncePaid   AnnounceKind = "paid"
	AnnounceFailed AnnounceKind = "failed"
)

// Announcement is what is said after a payment.
type Announcement struct {
	Kind      AnnounceKind `json:"kind"`
	AmountFen int64        `json:"amountFen"`
}

// Text is the Chinese sentence for the announcement, e.g. "收款成功，12.30元".
func (a Announcement) Text() string {
	if a.Kind == AnnouncePaid {
		return "收款成功，" + domain.FormatFen(a.AmountFen) + "元"
	}
	return "收款失败"
}

// Speaker voices announcements. The manual (§8.2) supports box broadcast only on the 世麦
// QR80SR, whose serial voice protocol we do not have: no implementation here talks to the box.
// Unsupported says so; PCSpeaker is an honest fallback that speaks through the PC instead.
type Speaker interface {
	Speak(ctx context.Context, a Announcement) error
}

// CodeBroadcastUnsupported is the error code of ErrBroadcastUnsupported, for the UI to translate.
const CodeBroadcastUnsupported domain.Code = "box_broadcast_unsupported"

// ErrBroadcastUnsupported is returned by Unsupported: the vendor protocol is still unknown.
var ErrBroadcastUnsupported = domain.Errorf(CodeBroadcastUnsupported,
	"盒子播报暂不可用：世麦 QR80SR 的播报协议尚未从厂商获得，可改用电脑语音播报")

// Unsupported is the default Speaker: it voices nothing and returns ErrBroadcastUnsupported.
type Unsupported struct{}

// Speak returns ErrBroadcastUnsupported.
func (Unsupported) Speak(context.Context, Announcement) error { return ErrBroadcastUnsupported }

// Error codes of the PC's speech, for the UI to translate. Their messages name no program:
// which engine failed, and how, is in the wrapping error's text, for the log only.
const (
	CodeTTSUnavailable domain.Code = "tts_unavailable" // no speech engine (or no Chinese voice) on this PC
	CodeTTSFailed      domain.Code = "tts_failed"      // the speech engine ran and failed
)

var (
	errTTSUnavailable = domain.Errorf(CodeTTSUnavailable, "这台电脑没有可用的中文语音，无法播报金额")
	errTTSFailed      = domain.Errorf(CodeTTSFailed, "电脑语音播报失败")
)

// PCSpeaker speaks through the computer's own text-to-speech (ttsProgram): Windows' speech
// (SAPI, through PowerShell) with its Chinese voice on Windows, espeak-ng's Mandarin voice
// elsewhere. It waits until the sentence has been spoken or ctx ends.
type PCSpeaker struct {
	// ToFile, when set, is a WAV file the speech is written to instead of the speakers.
	ToFile string
}

// Speak says a.Text() on the PC. A missing engine or voice is CodeTTSUnavailable, any other
// failure CodeTTSFailed; the error's text (for the log) names the program and what it said.
func (p PCSpeaker) Speak(ctx context.Context, a Announcement) error {
	bin, err := exec.LookPath(ttsProgram)
	if err != nil {
		return fmt.Errorf("speech engine %s: %v: %w", ttsProgram, err, errTTSUnavailable)
	}
	out, err := ttsCommand(ctx, bin, a.Text(), p.ToFile).CombinedOutput()
	if err == nil {
		return nil
	}
	cause := errTTSFailed
	var exit *exec.ExitError
	if errors.As(err, &exit) && ttsNoVoice(exit.ExitCode(), out) {
		cause = errTTSUnavailable
	}
	return fmt.Errorf("speech engine %s: %v: %s: %w", ttsProgram, err, bytes.TrimSpace(out), cause)
}
