package desktop

import (
	"reflect"
	"testing"
	"unicode"

	"github.com/wailsapp/wails/v2/pkg/options/windows"
)

// TestWebView2MessagesAreChinese: every message Wails can show about WebView2 is set, and in
// Chinese, so none falls back to Wails' English default.
func TestWebView2MessagesAreChinese(t *testing.T) {
	got := reflect.ValueOf(*WindowsOptions().Messages)
	def := reflect.ValueOf(*windows.DefaultMessages())
	for i := range got.NumField() {
		name, text := got.Type().Field(i).Name, got.Field(i).String()
		hasHan := false
		for _, r := range text {
			hasHan = hasHan || unicode.Is(unicode.Han, r)
		}
		if !hasHan || text == def.Field(i).String() {
			t.Errorf("%s = %q: want a Chinese message", name, text)
		}
	}
}
