package domain

import (
	"strconv"
	"strings"
)

// DefaultPayLimit is the default single-payment limit in fen (50,000.00 yuan).
const DefaultPayLimit int64 = 5_000_000

// maxIntDigits bounds the integer part so the fen value cannot overflow int64.
const maxIntDigits = 13

// ParseAmount turns what a cashier typed (yuan, e.g. "12.3") into fen. After NormalizeAmount
// it accepts ASCII digits with at most two decimals and refuses everything else with a reason:
// blank (CodeAmountEmpty), a minus sign (CodeAmountNegative), a comma (CodeAmountSeparator),
// more than two decimals (CodeAmountDecimals), any other shape such as "+1", "1e3", ".5" or
// other scripts' digits (CodeAmountInvalid), zero, and amounts over limit (limit ≤ 0 means
// DefaultPayLimit). It never drops a character: what it accepts is what was typed.
// testdata/amounts.json is the table both this and the UI's parser are tested on.
func ParseAmount(s string, limit int64) (int64, error) {
	if limit <= 0 {
		limit = DefaultPayLimit
	}
	s = NormalizeAmount(s)
	if err := amountShape(s); err != nil {
		return 0, err
	}
	intPart, frac, _ := strings.Cut(s, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > maxIntDigits {
		return 0, overLimit(limit)
	}
	yuan := int64(0)
	if intPart != "" {
		yuan, _ = strconv.ParseInt(intPart, 10, 64)
	}
	fen := yuan * 100
	if len(frac) > 0 {
		fen += int64(frac[0]-'0') * 10
	}
	if len(frac) > 1 {
		fen += int64(frac[1] - '0')
	}
	if fen == 0 {
		return 0, Errorf(CodeAmountZero, "金额必须大于 0")
	}
	if fen > limit {
		return 0, overLimit(limit)
	}
	return fen, nil
}

// amountShape refuses normalised text that is not digits with at most two decimals, saying why.
func amountShape(s string) error {
	intPart, frac, hasDot := strings.Cut(s, ".")
	switch {
	case s == "":
		return Errorf(CodeAmountEmpty, "请输入金额")
	case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "－") || strings.HasPrefix(s, "−"):
		return Errorf(CodeAmountNegative, "金额不能为负数")
	case strings.ContainsAny(s, ",，"):
		return Errorf(CodeAmountSeparator, "金额不能有逗号：小数点请用“.”，如 1.50")
	case !allASCIIDigits(intPart) || (hasDot && !allASCIIDigits(frac)):
		return Errorf(CodeAmountInvalid, "金额格式不正确，请输入如 12.50 的数字")
	case len(frac) > 2:
		return Errorf(CodeAmountDecimals, "金额最多两位小数")
	}
	return nil
}

// overLimit is the error of an amount above limit fen.
func overLimit(limit int64) error {
	return Errorf(CodeAmountTooLarge, "金额超过单笔限额 %s 元", FormatFen(limit)).With("limit", FormatFen(limit))
}

// NormalizeAmount is the only change made to what a cashier typed before it is read: spaces,
// tabs and ideographic spaces around it are trimmed, and the full-width digits ０–９ and points
// ． 。 that a Chinese input method types become their ASCII forms. The UI applies the same
// mapping as the cashier types, so the field shows the amount that will be charged.
func NormalizeAmount(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．' || r == '。':
			return '.'
		}
		return r
	}, s)
	return strings.Trim(s, " \t\u3000")
}

// allASCIIDigits reports whether s is one or more of 0-9.
func allASCIIDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FormatFen renders fen as yuan with two decimals, e.g. 1230 → "12.30", -1 → "-0.01".
func FormatFen(fen int64) string {
	sign := ""
	u := uint64(fen)
	if fen < 0 {
		sign = "-"
		u = uint64(-fen)
	}
	return sign + strconv.FormatUint(u/100, 10) + "." + strconv.FormatUint(u%100/10, 10) + strconv.FormatUint(u%10, 10)
}
