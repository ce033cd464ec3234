package domain

import (
	"strconv"
	"strings"
)

// DefaultPayLimit is the default single-payment limit in fen (50,000.00 yuan).
const DefaultPayLimit int64 = 5_000_000

// maxIntDigits bounds the integer part so the fen value cannot overflow int64.
const maxIntDigits = 13

// ParseAmount turns what a cashier typed (yuan, e.g. "12.3") into fen. It accepts ASCII
// digits with at most two decimals, surrounded by optional spaces; it rejects blanks, signs,
// exponents, separators, full-width or other non-ASCII digits, zero, and amounts over limit
// (limit ≤ 0 means DefaultPayLimit).
func ParseAmount(s string, limit int64) (int64, error) {
	if limit <= 0 {
		limit = DefaultPayLimit
	}
	s = strings.Trim(s, " \t")
	if s == "" {
		return 0, Errorf(CodeAmountInvalid, "请输入金额")
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if !allASCIIDigits(intPart) || (hasDot && !allASCIIDigits(frac)) {
		return 0, Errorf(CodeAmountInvalid, "金额格式不正确，请输入如 12.50 的数字")
	}
	if len(frac) > 2 {
		return 0, Errorf(CodeAmountInvalid, "金额最多两位小数")
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > maxIntDigits {
		return 0, Errorf(CodeAmountTooLarge, "金额超过单笔限额 %s 元", FormatFen(limit)).With("limit", FormatFen(limit))
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
		return 0, Errorf(CodeAmountTooLarge, "金额超过单笔限额 %s 元", FormatFen(limit)).With("limit", FormatFen(limit))
	}
	return fen, nil
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
