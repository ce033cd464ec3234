package services_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"xiaotongfu/backend/platform"
)

// TestEveryReconcileCodeHasATextInBothLanguages: every difference kind, note, run state and
// run error code the platform sends to 对账结果 is a key of both locales in reconcile.ts.
func TestEveryReconcileCodeHasATextInBothLanguages(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "frontend", "src", "locales", "reconcile.ts"))
	if err != nil {
		t.Fatal(err)
	}
	codes := []string{platform.DiffOnlyBank, platform.DiffOnlyLocal, platform.DiffAmountDiffers, platform.DiffStatusDiffers,
		platform.NoteQueryFixed, platform.NoteInFlight, platform.NoteNeedsAdmin,
		platform.RunNone, platform.RunRunning, platform.RunDone, platform.RunFailed,
		platform.RunNoGateway, platform.RunRefused, platform.RunMalformed, platform.RunUnreached, "internal"}
	for _, c := range codes {
		if n := len(regexp.MustCompile(`(?m)^\s+`+c+`:`).FindAll(b, -1)); n < 2 {
			t.Errorf("code %s has %d texts, want one in zh-CN and one in en", c, n)
		}
	}
}
