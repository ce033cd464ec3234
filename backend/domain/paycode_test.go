package domain

import (
	"regexp"
	"strings"
	"testing"
)

func TestChannelOfCode(t *testing.T) {
	cases := map[string]Channel{
		"134567890123456789":       ChannelWeChat,
		"104567890123456700":       ChannelWeChat,
		"284567890123456789":       ChannelAlipay,
		"2500000000000000":         ChannelAlipay,
		"300000000000000000000000": ChannelAlipay,
		"6212345678901234567":      ChannelUnionPay,
	}
	for code, want := range cases {
		if got, err := ChannelOfCode(code); err != nil || got != want {
			t.Errorf("ChannelOfCode(%q) = %s, %v; want %s", code, got, err, want)
		}
	}
	for _, code := range []string{"", "1", "16456789012345678", "164567890123456789", "13456789012345678a",
		"１34567890123456789", "2400000000000000", "3100000000000000", "621234567890123456", "6312345678901234567",
		"2500000000000000000000000", " 134567890123456789"} {
		if _, err := ChannelOfCode(code); CodeOf(err) != CodePayCodeInvalid {
			t.Errorf("ChannelOfCode(%q) err = %v; want %s", code, err, CodePayCodeInvalid)
		}
	}
}

func TestMaskCode(t *testing.T) {
	if got := MaskCode("134567890123456789"); got != "****6789" {
		t.Errorf("MaskCode = %q", got)
	}
	if got := MaskCode("12"); got != "****" {
		t.Errorf("MaskCode short = %q", got)
	}
}

// Code shapes ChannelOfCode accepts, written the slow way.
var (
	reWeChat   = regexp.MustCompile(`^1[0-5][0-9]{16}$`)
	reAlipay   = regexp.MustCompile(`^(2[5-9]|30)[0-9]{14,22}$`)
	reUnionPay = regexp.MustCompile(`^62[0-9]{17}$`)
)

func FuzzChannelOfCode(f *testing.F) {
	for _, s := range []string{"134567890123456700", "281234567890123400", "6212345678901234500", "2500000000000000",
		"300000000000000000000000", "3000000000000000000000000", "-34567890123456700", "1e17", "0.001",
		"１34567890123456789", "١٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩", "134567890123456700\x00", "\x00", " 134567890123456789",
		"13456789012345678\u200b", "99999999999999999999", strings.Repeat("1", 5000), ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		want := ChannelUnknown
		switch {
		case reWeChat.MatchString(code):
			want = ChannelWeChat
		case reAlipay.MatchString(code):
			want = ChannelAlipay
		case reUnionPay.MatchString(code):
			want = ChannelUnionPay
		}
		got, err := ChannelOfCode(code)
		if got != want || (want == ChannelUnknown) != (CodeOf(err) == CodePayCodeInvalid) || (want != ChannelUnknown && err != nil) {
			t.Fatalf("ChannelOfCode(%q) = %s, %v; want %s", code, got, err, want)
		}
		if got != ChannelUnknown && MaskCode(code) != "****"+code[len(code)-4:] {
			t.Fatalf("MaskCode(%q) = %q", code, MaskCode(code))
		}
	})
}

// TestOrderNoIsNeverAPaymentCode: a receipt's QR code (the bare order number) is recognised,
// refused as a payment code with its own code, and no payment code is taken for one.
func TestOrderNoIsNeverAPaymentCode(t *testing.T) {
	for _, no := range []string{"202611251753280001234567", "209912312359590000000000", "200002290000000000000000"} {
		if !IsOrderNo(no) {
			t.Errorf("IsOrderNo(%q) = false", no)
		}
		if _, err := ChannelOfCode(no); CodeOf(err) != CodePayCodeIsOrder {
			t.Errorf("ChannelOfCode(%q) err = %v; want %s", no, err, CodePayCodeIsOrder)
		}
	}
	for _, code := range []string{"", "134567890123456789", "284567890123456789", "300000000000000000000000",
		"6212345678901234567", "20261125175328000123456", "2026112517532800012345678", "202613251753280001234567", "202602301753280001234567",
		"202611251753280001234x67", "TEST20261125175328", "192611251753280001234567"} {
		if IsOrderNo(code) {
			t.Errorf("IsOrderNo(%q) = true", code)
		}
	}
}
