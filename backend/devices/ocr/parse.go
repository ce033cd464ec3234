package ocr

import (
	"errors"
	"strings"
)

// maxIntDigits bounds the yuan part of an amount (up to 999 999 999 yuan).
const maxIntDigits = 9

// parseNumber turns a string of ASCII digits, at most one '.' and well-formed thousands commas
// into fen. It rejects more than two decimals, a trailing '.', leading zeros and misplaced commas.
func parseNumber(s string) (int64, error) {
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (len(frac) < 1 || len(frac) > 2 || !allDigits(frac)) {
		return 0, ErrMalformed
	}
	digits, err := ungroup(intPart)
	if err != nil {
		return 0, err
	}
	if len(digits) > 1 && digits[0] == '0' || len(digits) > maxIntDigits {
		return 0, ErrMalformed
	}
	var fen int64
	for _, c := range digits {
		fen = fen*10 + int64(c-'0')
	}
	fen *= 100
	if len(frac) >= 1 {
		fen += int64(frac[0]-'0') * 10
	}
	if len(frac) == 2 {
		fen += int64(frac[1] - '0')
	}
	return fen, nil
}

// ungroup removes thousands commas from an integer part, checking that every group after the
// first has exactly three digits.
func ungroup(s string) (string, error) {
	groups := strings.Split(s, ",")
	for i, g := range groups {
		if !allDigits(g) || g == "" || (i == 0 && len(g) > 3 && len(groups) > 1) || (i > 0 && len(g) != 3) {
			return "", ErrMalformed
		}
	}
	return strings.Join(groups, ""), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseAmountText reads the amount from a control's text, such as "¥1,234.56", "金额：123.32" or
// "应收 88.00元", and returns it in fen. Labels, currency signs and spaces around the number are
// ignored. It fails with ErrAmbiguous when the text holds numbers of different value, ErrMalformed
// for a badly formed or signed number and ErrNoAmount when there is no number.
func ParseAmountText(text string) (int64, error) {
	var found []int64
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !isNumRune(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isNumRune(rs[j]) {
			j++
		}
		if i > 0 && (rs[i-1] == '-' || rs[i-1] == '−' || rs[i-1] == '－') {
			return 0, ErrMalformed
		}
		fen, err := parseNumber(string(rs[i:j]))
		if err != nil {
			return 0, err
		}
		found = append(found, fen)
		i = j
	}
	return single(found)
}

func isNumRune(r rune) bool { return r >= '0' && r <= '9' || r == '.' || r == ',' }

// single returns the one value in found, failing when it is empty or holds different values.
func single(found []int64) (int64, error) {
	if len(found) == 0 {
		return 0, ErrNoAmount
	}
	for _, v := range found[1:] {
		if v != found[0] {
			return 0, ErrAmbiguous
		}
	}
	return found[0], nil
}

// Reasons for abstaining. Their texts are stable error codes for the UI to translate.
var (
	ErrEmpty      = errors.New("ocr.empty")        // the region shows no text at all
	ErrNoAmount   = errors.New("ocr.no_amount")    // text, but no number that could be read
	ErrAmbiguous  = errors.New("ocr.ambiguous")    // two numbers of different value
	ErrUnsure     = errors.New("ocr.unsure_glyph") // a glyph in or next to the number is not recognised well enough
	ErrMalformed  = errors.New("ocr.malformed")    // decimals, separators or sign not those of an amount
	ErrSpacing    = errors.New("ocr.spacing")      // glyph spacing suggests a lost or spurious separator
	ErrClipped    = errors.New("ocr.clipped")      // the number touches the edge of the region
	ErrBelowFloor = errors.New("ocr.below_floor")  // read, but less confident than the calibration's floor
)
