package scanner

import (
	"context"
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

// CodeTTSUnavailable is the error code returned when the PC has no usable speech engine.
const CodeTTSUnavailable domain.Code = "tts_unavailable"

// PCSpeaker speaks through the computer's own text-to-speech: Windows SAPI (System.Speech via
// PowerShell) on Windows, espeak-ng elsewhere. It waits until the sentence has been spoken or
// ctx ends.
type PCSpeaker struct{}

// Speak says a.Text() on the PC.
func (PCSpeaker) Speak(ctx context.Context, a Announcement) error {
	cmd, err := ttsCommand(ctx, a.Text())
	if err != nil {
		return err
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return domain.Errorf(CodeTTSUnavailable, "电脑语音播报失败").With("detail", string(out))
	}
	return nil
}

// lookTTS finds a speech program, or explains in Chinese that there is none.
func lookTTS(name string) (string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", domain.Errorf(CodeTTSUnavailable, "电脑未安装语音播报程序（%s）", name)
	}
	return path, nil
}
