package domain

import (
	"encoding/json"
	"math"
	"math/big"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// amountCase is one row of testdata/amounts.json, the table the UI's parser is tested on too.
type amountCase struct {
	In    string `json:"in"`
	Limit int64  `json:"limit"`
	Fen   int64  `json:"fen"`
	Text  string `json:"text"`
	Code  Code   `json:"code"`
}

// loadAmountCases reads the shared table of typed amounts.
func loadAmountCases(t *testing.T) []amountCase {
	t.Helper()
	b, err := os.ReadFile("testdata/amounts.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ Cases []amountCase }
	if err := json.Unmarshal(b, &table); err != nil {
		t.Fatal(err)
	}
	if len(table.Cases) < 40 {
		t.Fatalf("only %d cases in the table", len(table.Cases))
	}
	return table.Cases
}

func TestParseAmountSharedTable(t *testing.T) {
	for _, c := range loadAmountCases(t) {
		got, err := ParseAmount(c.In, c.Limit)
		if (err == nil) != (c.Code == "") || (err != nil && CodeOf(err) != c.Code) || got != c.Fen {
			t.Errorf("ParseAmount(%q, %d) = %d, %v; want %d, code %q", c.In, c.Limit, got, err, c.Fen, c.Code)
		}
		if c.Code == "" && NormalizeAmount(c.In) != c.Text {
			t.Errorf("NormalizeAmount(%q) = %q, want %q", c.In, NormalizeAmount(c.In), c.Text)
		}
	}
}

func TestParseAmountMessagesAreChinese(t *testing.T) {
	for _, c := range loadAmountCases(t) {
		if _, err := ParseAmount(c.In, c.Limit); err != nil && !isChinese(AsError(err).Message) {
			t.Errorf("ParseAmount(%q): message %q is not Chinese", c.In, AsError(err).Message)
		}
	}
}

func TestFormatFen(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00", 1: "0.01", 10: "0.10", 1230: "12.30", -1: "-0.01", 123456789: "1234567.89"} {
		if got := FormatFen(fen); got != want {
			t.Errorf("FormatFen(%d) = %q, want %q", fen, got, want)
		}
	}
}

// reAmount is the grammar ParseAmount accepts after trimming and normalising.
var reAmount = regexp.MustCompile(`^[0-9]+(\.[0-9]{1,2})?$`)

// Shapes the oracle refuses with a reason of their own, after trimming and normalising.
var (
	reNegative  = regexp.MustCompile(`^[-－−]`)
	reSeparator = regexp.MustCompile(`[,，]`)
	reDecimals  = regexp.MustCompile(`^[0-9]+\.[0-9]{3,}$`)
)

// oracleWidth maps full-width digits and points to ASCII, written out by hand.
var oracleWidth = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5",
	"６", "6", "７", "7", "８", "8", "９", "9", "．", ".", "。", ".")

// amountOracle reads s the slow way (regular expressions and exact rationals) and says what
// ParseAmount must answer: the fen, or the error code.
func amountOracle(s string, limit int64) (int64, Code) {
	if limit <= 0 {
		limit = DefaultPayLimit
	}
	s = strings.Trim(oracleWidth.Replace(s), " \t\u3000")
	switch {
	case s == "":
		return 0, CodeAmountEmpty
	case reNegative.MatchString(s):
		return 0, CodeAmountNegative
	case reSeparator.MatchString(s):
		return 0, CodeAmountSeparator
	case reDecimals.MatchString(s):
		return 0, CodeAmountDecimals
	case !reAmount.MatchString(s):
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

// isChinese reports whether s has a Han character.
func isChinese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0.01", "12.3", " 7.05\t", "007.50", "1e3", "1e9", "1E2", "0.001", "-1", "+1", "-0",
		"１", "１２．５", "１２。５", "－１", "−1", "1，5", "　８　", "١٢", "12\x00", "\x00", "\u200b1", "1\u00a0", "1,000", ".5", "5.", "0.00", "NaN", "0x10",
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
			if !isChinese(AsError(err).Message) {
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
