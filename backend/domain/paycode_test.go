package domain

import "testing"

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
