package scanner

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"testing"

	"xiaotongfu/backend/domain"
)

func TestAnnouncementText(t *testing.T) {
	if got := (Announcement{Kind: AnnouncePaid, AmountFen: 1230}).Text(); got != "收款成功，12.30元" {
		t.Fatalf("paid text %q", got)
	}
	if got := (Announcement{Kind: AnnounceFailed, AmountFen: 1230}).Text(); got != "收款失败" {
		t.Fatalf("failed text %q", got)
	}
}

func TestBoxAnnounceHonoursSettings(t *testing.T) {
	s := DefaultSettings()
	s.Port = filepath.Join(t.TempDir(), "absent") // the box need not be connected to announce
	a := Announcement{Kind: AnnouncePaid, AmountFen: 100}
	b, err := Open(s, Handlers{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Announce(context.Background(), a); !errors.Is(err, ErrBroadcastUnsupported) {
		t.Fatalf("default speaker: err = %v, want ErrBroadcastUnsupported", err)
	}
	s.Broadcast = false
	off, err := Open(s, Handlers{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer off.Close()
	if err := off.Announce(context.Background(), a); err != nil {
		t.Fatalf("broadcast off: err = %v", err)
	}
}

func TestPCSpeakerWithoutEngine(t *testing.T) {
	if _, err := exec.LookPath("espeak-ng"); err == nil {
		t.Skip("espeak-ng is installed: the missing-engine error cannot be shown here")
	}
	t.Setenv("PATH", t.TempDir())
	err := PCSpeaker{}.Speak(context.Background(), Announcement{Kind: AnnouncePaid, AmountFen: 1})
	if domain.CodeOf(err) != CodeTTSUnavailable {
		t.Fatalf("err = %v", err)
	}
}
