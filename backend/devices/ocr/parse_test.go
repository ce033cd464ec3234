package ocr

import (
	"errors"
	"testing"
)

func TestParseAmountText(t *testing.T) {
	good := map[string]int64{
		"123.32": 12332, "¥1,234.56": 123456, "金额：123.32": 12332, "应收 88.00元": 8800, "￥0.50": 50,
		"7": 700, "12.5": 1250, "1,000,000.00": 100000000, "合计 ¥ 5.00  ¥5.00": 500, "0.00": 0,
	}
	for text, want := range good {
		if got, err := ParseAmountText(text); err != nil || got != want {
			t.Errorf("ParseAmountText(%q) = %d, %v; want %d", text, got, err, want)
		}
	}
	bad := map[string]error{
		"": ErrNoAmount, "金额": ErrNoAmount, "1.234": ErrMalformed, "12.": ErrMalformed, "1,23.45": ErrMalformed,
		"1234,567.00": ErrMalformed, "-12.00": ErrMalformed, "01.50": ErrMalformed, "1.2.3": ErrMalformed,
		"2 件 24.00": ErrAmbiguous, "1234567890.00": ErrMalformed, ",123": ErrMalformed,
	}
	for text, want := range bad {
		if got, err := ParseAmountText(text); !errors.Is(err, want) {
			t.Errorf("ParseAmountText(%q) = %d, %v; want %v", text, got, err, want)
		}
	}
}

func TestResolveSeparators(t *testing.T) {
	good := map[string]string{
		"12?50": "12.50", "14?157?72": "14,157.72", "14?157.72": "14,157.72", "1,234?5": "1,234.5", "1234": "1234",
		"1?234?567?89": "1,234,567.89",
	}
	for in, want := range good {
		if got, err := resolveSeparators(in); err != nil || got != want {
			t.Errorf("resolveSeparators(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"1?234", "1?234,56", "1.234?56", "12?", "1?2345?67", "1?2?34", "12.3?4"} {
		got, err := resolveSeparators(in)
		if err == nil {
			if _, err = parseNumber(got); err == nil {
				t.Errorf("resolveSeparators(%q) = %q, accepted; want it refused", in, got)
			}
		}
	}
}
