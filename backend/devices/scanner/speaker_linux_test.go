//go:build linux

package scanner

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// TestPCSpeakerSpeaksWithTheInstalledEngine voices a payment through the PC's speech engine
// (scripts/deps.sh installs it) into a WAV file and checks that the file holds speech: PCM
// of a plausible length that is not silence.
func TestPCSpeakerSpeaksWithTheInstalledEngine(t *testing.T) {
	wav := filepath.Join(t.TempDir(), "paid.wav")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := (PCSpeaker{ToFile: wav}).Speak(ctx, Announcement{Kind: AnnouncePaid, AmountFen: 1230}); err != nil {
		t.Fatalf("speak: %v", err)
	}
	b, err := os.ReadFile(wav)
	if err != nil {
		t.Fatal(err)
	}
	rate, samples := pcm16(t, b)
	if secs := float64(len(samples)) / float64(rate); secs < 1 || secs > 15 {
		t.Fatalf("speech lasts %.1f s, want 1–15 s for 收款成功，12.30元", secs)
	}
	loud := 0
	for _, s := range samples {
		if s > 2000 || s < -2000 {
			loud++
		}
	}
	if loud < len(samples)/20 {
		t.Fatalf("only %d of %d samples are above the noise floor: no speech", loud, len(samples))
	}
}

// TestPCSpeakerEngineFailures runs the real engine on broken voice data (ESPEAK_DATA_PATH):
// without the Mandarin voice it is tts_unavailable, with no data at all tts_failed; neither
// shows the program's output to the cashier, both keep it for the log.
func TestPCSpeakerEngineFailures(t *testing.T) {
	installed, err := filepath.Glob("/usr/lib/*/espeak-ng-data")
	if err != nil || len(installed) != 1 {
		t.Fatalf("espeak-ng-data not installed (scripts/deps.sh): %v %v", installed, err)
	}
	noVoice := filepath.Join(t.TempDir(), "espeak-ng-data")
	entries, err := os.ReadDir(installed[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(noVoice, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "lang" && e.Name() != "voices" {
			if err := os.Symlink(filepath.Join(installed[0], e.Name()), filepath.Join(noVoice, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	empty := filepath.Join(t.TempDir(), "espeak-ng-data")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		data string
		code domain.Code
		log  string
	}{{noVoice, CodeTTSUnavailable, "voice does not exist"}, {empty, CodeTTSFailed, "phontab"}} {
		t.Setenv("ESPEAK_DATA_PATH", filepath.Dir(c.data))
		err := PCSpeaker{ToFile: filepath.Join(t.TempDir(), "x.wav")}.Speak(context.Background(), Announcement{Kind: AnnouncePaid, AmountFen: 1})
		e := domain.AsError(err)
		if e.Code != c.code || strings.Contains(fmt.Sprint(e.Message, e.Params), ttsProgram) || !strings.Contains(err.Error(), c.log) {
			t.Fatalf("%s: code %s, shown %q, logged %q; want %s and %q in the log only", c.data, e.Code, e.Message, err, c.code, c.log)
		}
	}
}

// pcm16 returns the sample rate and samples of a 16-bit mono PCM WAV file.
func pcm16(t *testing.T, b []byte) (int, []int16) {
	t.Helper()
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatalf("not a WAV file (%d bytes)", len(b))
	}
	var rate int
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:p+8]))
		body := b[p+8 : min(len(b), p+8+size)]
		switch id {
		case "fmt ":
			if binary.LittleEndian.Uint16(body[0:2]) != 1 || binary.LittleEndian.Uint16(body[2:4]) != 1 ||
				binary.LittleEndian.Uint16(body[14:16]) != 16 {
				t.Fatalf("fmt chunk % x: want 16-bit mono PCM", body)
			}
			rate = int(binary.LittleEndian.Uint32(body[4:8]))
		case "data":
			if rate == 0 {
				t.Fatal("data chunk before the fmt chunk")
			}
			s := make([]int16, len(body)/2)
			for i := range s {
				s[i] = int16(binary.LittleEndian.Uint16(body[2*i:]))
			}
			return rate, s
		}
		p += 8 + size + size%2
	}
	t.Fatal("no data chunk")
	return 0, nil
}
