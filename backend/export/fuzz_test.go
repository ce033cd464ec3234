package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzEscapeCell checks that an escaped cell never starts like a formula, changes only by a
// leading apostrophe, and survives a CSV round trip.
func FuzzEscapeCell(f *testing.F) {
	for _, s := range []string{"", "03", "=1+1", "+86", "-5", "@x", "\tx", "\rx", "＝1", "'", "a\"b,c\nd", "收银员"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := EscapeCell(s)
		if got != s && got != "'"+s {
			t.Fatalf("EscapeCell(%q) = %q changes more than a leading apostrophe", s, got)
		}
		if r, _ := utf8.DecodeRuneInString(got); r != utf8.RuneError && strings.ContainsRune(formulaStarts, r) {
			t.Fatalf("EscapeCell(%q) = %q still starts like a formula", s, got)
		}
		if !utf8.ValidString(s) || strings.ContainsRune(s, '\r') {
			return // encoding/csv needs valid text; with UseCRLF it drops lone CRs by design
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.UseCRLF = true
		if err := w.Write([]string{got, "x"}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		rec, err := csv.NewReader(&buf).Read()
		if err != nil {
			t.Fatalf("read back %q: %v", buf.String(), err)
		}
		if rec[0] != got {
			t.Fatalf("round trip %q → %q", got, rec[0])
		}
	})
}
