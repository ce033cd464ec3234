package domain

import "testing"

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

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0.01", "12.3", "1e3", "１", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fen, err := ParseAmount(s, 0)
		if err != nil {
			return
		}
		if fen <= 0 || fen > DefaultPayLimit {
			t.Fatalf("ParseAmount(%q) = %d out of range", s, fen)
		}
		back, err := ParseAmount(FormatFen(fen), 0)
		if err != nil || back != fen {
			t.Fatalf("round trip of %q: %d → %q → %d, %v", s, fen, FormatFen(fen), back, err)
		}
	})
}
