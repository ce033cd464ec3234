package services_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"xiaotongfu/backend/services"
)

// TestEveryScreenCodeHasATextInBothLanguages: each code the 截屏区域配置 results, the 客显
// status, the 客显 checks and the screen errors can carry is a key of the Chinese and of the English locale.
func TestEveryScreenCodeHasATextInBothLanguages(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", "frontend", "src", "locales", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	settings, errs := read("settings.ts"), read("errors.ts")
	checks := []string{string(services.CodePolePortMissing), string(services.CodePoleBaud), string(services.CodePoleRelaySame)}
	for _, c := range services.ScreenErrorCodes {
		checks = append(checks, string(c))
	}
	for file, codes := range map[string][]string{
		settings: append(append(append([]string{}, services.ScreenResultCodes...), services.PoleStatusCodes...), services.ScreenHealthCodes...),
		errs:     checks,
	} {
		for _, c := range codes {
			key := regexp.MustCompile(`(?m)^\s+` + c + `:`)
			if n := len(key.FindAllString(file, -1)); n < 2 {
				t.Errorf("code %s has %d texts, want one in zh-CN and one in en", c, n)
			}
		}
	}
}
