package captchatest

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"testing"

	"xiaotongfu/backend/platform/captcha"
)

// TestReadsBackWhatWasDrawn: every drawn answer, noise and jitter included, reads back.
func TestReadsBackWhatWasDrawn(t *testing.T) {
	for range 200 {
		want := fmt.Sprintf("%0*d", captcha.Digits, rand.IntN(10000))
		img, err := captcha.Draw(want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Read("data:image/png;base64," + base64.StdEncoding.EncodeToString(img))
		if err != nil || got != want {
			t.Fatalf("read %q, %v; want %q", got, err, want)
		}
	}
}

func TestRefusesWhatIsNotACaptcha(t *testing.T) {
	for _, in := range []string{"", "data:image/jpeg;base64,AAAA", "data:image/png;base64,!!", "data:image/png;base64,AAAA"} {
		if got, err := Read(in); err == nil {
			t.Errorf("Read(%q) = %q, want an error", in, got)
		}
	}
}
