package hotkey

import (
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

func TestParseRejects(t *testing.T) {
	bad := map[string]domain.Code{
		"":             CodeInvalid,
		"Ctrl+":        CodeInvalid,
		"Ctrl++P":      CodeInvalid,
		"Ctrl+Shift":   CodeInvalid,
		"Ctrl+Ctrl+P":  CodeInvalid,
		"Ctrl+P+Q":     CodeInvalid,
		"P":            CodeUnsupported,
		"Shift+P":      CodeUnsupported,
		"Ctrl+Enter":   CodeUnsupported,
		"Ctrl+Tab":     CodeUnsupported,
		"F13":          CodeUnsupported,
		"F0":           CodeUnsupported,
		"F01":          CodeUnsupported,
		"Ctrl+中":       CodeUnsupported,
		"Win+P":        CodeUnsupported,
		"Alt+F4":       CodeUnsupported,
		"Ctrl+C":       CodeUnsupported,
		"ctrl+v":       CodeUnsupported,
		"Hyper+Ctrl+P": CodeUnsupported,
	}
	for in, code := range bad {
		_, err := Parse(in)
		if domain.CodeOf(err) != code {
			t.Errorf("Parse(%q) err = %v, want code %s", in, err, code)
			continue
		}
		if msg := domain.AsError(err).Message; !strings.ContainsFunc(msg, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("Parse(%q) message %q is not Chinese", in, msg)
		}
	}
}
