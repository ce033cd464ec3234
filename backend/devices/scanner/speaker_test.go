package scanner

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
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

// TestPCSpeakerWithoutEngine: with no speech engine on the PATH the cashier gets the code
// tts_unavailable and words that name no program; the program's name is in the error's text,
// which only the log sees.
func TestPCSpeakerWithoutEngine(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := PCSpeaker{}.Speak(context.Background(), Announcement{Kind: AnnouncePaid, AmountFen: 1})
	e := domain.AsError(err)
	if e.Code != CodeTTSUnavailable {
		t.Fatalf("err = %v, want code %s", err, CodeTTSUnavailable)
	}
	shown := fmt.Sprint(e.Message, e.Params)
	for _, name := range []string{"espeak", "powershell", ttsProgram} {
		if strings.Contains(strings.ToLower(shown), name) {
			t.Fatalf("the cashier would see the program name %q: %s", name, shown)
		}
	}
	if !strings.Contains(err.Error(), ttsProgram) {
		t.Fatalf("the log text %q does not say which program is missing", err)
	}
}
