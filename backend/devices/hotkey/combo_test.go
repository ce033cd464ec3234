package hotkey

import (
	"maps"
	"strings"
	"testing"
	"unicode"

	"xiaotongfu/backend/domain"
)

func TestParseFormat(t *testing.T) {
	ok := map[string]string{
		"Ctrl+Shift+P":     "Ctrl+Shift+P",
		"shift + ctrl + p": "Ctrl+Shift+P",
		"F8":               "F8",
		"f12":              "F12",
		"Alt+1":            "Alt+1",
		"Control+Alt+K":    "Ctrl+Alt+K",
		"Shift+F3":         "Shift+F3",
		"Ctrl+Shift+C":     "Ctrl+Shift+C",
	}
	for in, want := range ok {
		c, err := Parse(in)
		if err != nil || c.String() != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, c, err, want)
			continue
		}
		if again, err := Parse(c.String()); err != nil || again != c {
			t.Errorf("round trip of %q: %q, %v", want, again, err)
		}
	}
}

// TestParseRejects: each refused hotkey has its own code, with what it is about (the key, the
// modifier, the combo) as parameters, and a Chinese message for the log.
func TestParseRejects(t *testing.T) {
	type want struct {
		code   domain.Code
		params map[string]any
	}
	bad := map[string]want{
		"":             {CodeEmpty, nil},
		"Ctrl+":        {CodeFormat, nil},
		"Ctrl++P":      {CodeFormat, nil},
		"Ctrl+Shift":   {CodeNoKey, nil},
		"Ctrl+Ctrl+P":  {CodeModTwice, map[string]any{"mod": "Ctrl"}},
		"Ctrl+P+Q":     {CodeTwoKeys, map[string]any{"first": "P", "second": "Q"}},
		"P":            {CodeNeedsModifier, map[string]any{"combo": "P"}},
		"Shift+P":      {CodeNeedsModifier, map[string]any{"combo": "Shift+P"}},
		"Ctrl+Enter":   {CodeKeyUnsupported, map[string]any{"key": "Enter"}},
		"Ctrl+Tab":     {CodeKeyUnsupported, map[string]any{"key": "Tab"}},
		"F13":          {CodeKeyUnsupported, map[string]any{"key": "F13"}},
		"F0":           {CodeKeyUnsupported, map[string]any{"key": "F0"}},
		"F01":          {CodeKeyUnsupported, map[string]any{"key": "F01"}},
		"Ctrl+中":       {CodeKeyUnsupported, map[string]any{"key": "中"}},
		"Win+P":        {CodeWin, nil},
		"Alt+F4":       {CodeAltF4, nil},
		"Ctrl+C":       {CodeEditKey, map[string]any{"combo": "Ctrl+C"}},
		"ctrl+v":       {CodeEditKey, map[string]any{"combo": "Ctrl+V"}},
		"Hyper+Ctrl+P": {CodeKeyUnsupported, map[string]any{"key": "Hyper"}},
	}
	for in, w := range bad {
		_, err := Parse(in)
		e := domain.AsError(err)
		if e.Code != w.code || !maps.Equal(e.Params, w.params) {
			t.Errorf("Parse(%q) = %s %v, want %s %v", in, e.Code, e.Params, w.code, w.params)
			continue
		}
		if !strings.ContainsFunc(e.Message, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("Parse(%q) message %q is not Chinese", in, e.Message)
		}
	}
}
