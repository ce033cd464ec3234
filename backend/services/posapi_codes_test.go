package services_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"xiaotongfu/backend/services"
)

// TestEveryPosCodeHasATextInBothLanguages: the POS API's status codes (settings.ts) and its
// errors (errors.ts) are keys of the Chinese and of the English locale.
func TestEveryPosCodeHasATextInBothLanguages(t *testing.T) {
	for file, codes := range map[string][]string{
		"settings.ts": {services.PosPortBusy, services.PosNotLoopback},
		"errors.ts":   {services.PosPortInvalid, string(services.CodePosOff)},
	} {
		b, err := os.ReadFile(filepath.Join("..", "..", "frontend", "src", "locales", file))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range codes {
			if n := len(regexp.MustCompile(`(?m)^\s+`+c+`:`).FindAll(b, -1)); n < 2 {
				t.Errorf("%s: code %s has %d texts, want one in zh-CN and one in en", file, c, n)
			}
		}
	}
}
