package domain

import (
	"math"
	"math/big"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

func TestParseAmount(t *testing.T) {
	ok := []struct {
		in   string
		want int64
	}{
		{"0.01", 1}, {"1", 100}, {"12.3", 1230}, {"12.30", 1230}, {" 7.05 ", 705},
		{"007.50", 750}, {"50000", 5_000_000}, {"49999.99", 4_999_999},
	}
	for _, c := range ok {
		got, err := ParseAmount(c.in, 0)
		if err != nil || got != c.want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	bad := []struct {
		in   string
		code Code
	}{
		{"", CodeAmountInvalid}, {"   ", CodeAmountInvalid}, {"1.234", CodeAmountInvalid},
		{"-1", CodeAmountInvalid}, {"+1", CodeAmountInvalid}, {"1e3", CodeAmountInvalid},
		{"１２", CodeAmountInvalid}, {"١٢", CodeAmountInvalid}, {"1,000", CodeAmountInvalid},
		{"1 000", CodeAmountInvalid}, {".5", CodeAmountInvalid}, {"5.", CodeAmountInvalid},
		{"0", CodeAmountZero}, {"0.00", CodeAmountZero}, {"50000.01", CodeAmountTooLarge},
		{"99999999999999999999", CodeAmountTooLarge}, {"NaN", CodeAmountInvalid}, {"0x10", CodeAmountInvalid},
	}
	for _, c := range bad {
		got, err := ParseAmount(c.in, 0)
		if CodeOf(err) != c.code {
			t.Errorf("ParseAmount(%q) = %d, %v; want code %s", c.in, got, err, c.code)
		}
	}
	if _, err := ParseAmount("10.01", 1000); CodeOf(err) != CodeAmountTooLarge {
		t.Errorf("custom limit not applied: %v", err)
	}
}

func TestFormatFen(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00", 1: "0.01", 10: "0.10", 1230: "12.30", -1: "-0.01", 123456789: "1234567.89"} {
		if got := FormatFen(fen); got != want {
			t.Errorf("FormatFen(%d) = %q, want %q", fen, got, want)
		}
	}
}

// reAmount is the grammar ParseAmount accepts after trimming spaces and tabs.
var reAmount = regexp.MustCompile(`^[0-9]+(\.[0-9]{1,2})?$`)

// amountOracle reads s the slow way (a regular expression and exact rationals) and says what
// ParseAmount must answer: the fen, or the error code.
func amountOracle(s string, limit int64) (int64, Code) {
	if limit <= 0 {
		limit = DefaultPayLimit
	}
	s = strings.Trim(s, " \t")
	if !reAmount.MatchString(s) {
		return 0, CodeAmountInvalid
	}
	intPart, _, _ := strings.Cut(s, ".")
	r, _ := new(big.Rat).SetString(s)
	fen := new(big.Rat).Mul(r, big.NewRat(100, 1))
	switch {
	case fen.Sign() == 0:
		return 0, CodeAmountZero
	case len(strings.TrimLeft(intPart, "0")) > maxIntDigits || fen.Cmp(new(big.Rat).SetInt64(limit)) > 0:
		return 0, CodeAmountTooLarge
	}
	return fen.Num().Int64(), ""
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0.01", "12.3", " 7.05\t", "007.50", "1e3", "1e9", "1E2", "0.001", "-1", "+1", "-0",
		"１", "١٢", "12\x00", "\x00", "\u200b1", "1\u00a0", "1,000", ".5", "5.", "0.00", "NaN", "0x10",
		"50000.01", "9999999999999.99", "10000000000000", "92233720368547758.07", "99999999999999999999",
		strings.Repeat("0", 500) + "1", strings.Repeat("9", 5000), ""} {
		f.Add(s, int64(0))
		f.Add(s, int64(math.MaxInt64))
	}
	f.Add("10.01", int64(1000))
	f.Add("0.01", int64(-5))
	f.Fuzz(func(t *testing.T, s string, limit int64) {
		fen, err := ParseAmount(s, limit)
		want, code := amountOracle(s, limit)
		if fen != want || (err == nil) != (code == "") || (err != nil && CodeOf(err) != code) {
			t.Fatalf("ParseAmount(%q, %d) = %d, %v; want %d, %q", s, limit, fen, err, want, code)
		}
		if err != nil {
			if !strings.ContainsFunc(AsError(err).Message, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Fatalf("ParseAmount(%q): message %q is not Chinese", s, AsError(err).Message)
			}
			return
		}
		back, err := ParseAmount(FormatFen(fen), limit)
		if err != nil || back != fen {
			t.Fatalf("round trip of %q: %d → %q → %d, %v", s, fen, FormatFen(fen), back, err)
		}
	})
}
