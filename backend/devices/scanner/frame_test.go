package scanner

import (
	"maps"
	"reflect"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
)

type frameLog struct {
	codes []string
	drops []dropReason
}

func newFramer(l *frameLog) *framer {
	return &framer{
		code: func(c string) { l.codes = append(l.codes, c) },
		drop: func(r dropReason, _ []byte) { l.drops = append(l.drops, r) },
	}
}

func TestFramerTerminatorsAndNoise(t *testing.T) {
	const wx, ali, up = "134567890123456789", "2812345678901234567890", "6212345678901234567"
	cases := []struct {
		name  string
		in    []string
		codes []string
		drops []dropReason
	}{
		{"CR", []string{wx + "\r"}, []string{wx}, nil},
		{"LF", []string{wx + "\n"}, []string{wx}, nil},
		{"CRLF twice", []string{wx + "\r\n" + ali + "\r\n"}, []string{wx, ali}, nil},
		{"split across reads", []string{"1345", "67890123", "456789\r", "\n"}, []string{wx}, nil},
		{"blank lines", []string{"\r\n\r\n\n" + up + "\n"}, []string{up}, nil},
		{"letters", []string{"ABC123\r\n"}, nil, []dropReason{dropNotDigits}},
		{"control bytes", []string{"\x02" + wx + "\x03\r"}, nil, []dropReason{dropNotDigits}},
		{"product barcode", []string{"6901234567892\r"}, nil, []dropReason{dropLength}},
		{"too long for a code", []string{strings.Repeat("1", 25) + "\r"}, nil, []dropReason{dropLength}},
		{"overlong run then code", []string{strings.Repeat("x", 100), "\r" + wx + "\r"}, []string{wx}, []dropReason{dropTooLong}},
		{"spaces are noise", []string{" " + wx + "\r"}, nil, []dropReason{dropNotDigits}},
		{"full-width digits", []string{"１３４５６７８９０１２３４５６７８９\r"}, nil, []dropReason{dropNotDigits}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var l frameLog
			f := newFramer(&l)
			for _, s := range c.in {
				f.feed([]byte(s))
			}
			if !reflect.DeepEqual(l.codes, c.codes) || !reflect.DeepEqual(l.drops, c.drops) {
				t.Fatalf("codes %q drops %q, want %q %q", l.codes, l.drops, c.codes, c.drops)
			}
			if f.pending() {
				t.Fatalf("frame still pending: %q", f.buf)
			}
		})
	}
}

func TestFramerIdleDropsPartial(t *testing.T) {
	var l frameLog
	f := newFramer(&l)
	f.feed([]byte("1345678"))
	if !f.pending() {
		t.Fatal("partial frame not pending")
	}
	f.idle()
	f.feed([]byte("134567890123456789\r"))
	if !reflect.DeepEqual(l.codes, []string{"134567890123456789"}) || !reflect.DeepEqual(l.drops, []dropReason{dropPartial}) {
		t.Fatalf("codes %q drops %q", l.codes, l.drops)
	}
}

func TestMaskFrameKeepsLastFour(t *testing.T) {
	if got := maskFrame([]byte("134567890123456789")); got != `"****6789"` {
		t.Fatalf("mask = %s", got)
	}
	if got := maskFrame([]byte("12\x00\x01\x1b")); got != `"****2\x00\x01\x1b"` {
		t.Fatalf("mask of control bytes = %s", got)
	}
}

func TestSettingsValidate(t *testing.T) {
	ok := DefaultSettings()
	ok.Port = "COM3"
	if err := ok.Validate(); err != nil {
		t.Fatalf("defaults + port: %v", err)
	}
	if ok.BaudRate != 9600 || ok.DataBits != 8 || ok.Parity != ParityNone || ok.StopBits != StopBits1 || !ok.Broadcast {
		t.Fatalf("defaults differ from manual §8.2: %+v", ok)
	}
	bad := []struct {
		field  string
		code   domain.Code
		params map[string]any
		mutate func(*Settings)
	}{
		{"port", CodePortRequired, nil, func(s *Settings) { s.Port = "" }},
		{"port", CodePortTooLong, map[string]any{"max": maxPortChars}, func(s *Settings) { s.Port = strings.Repeat("C", maxPortChars+1) }},
		{"baudRate", CodeBaud, map[string]any{"baud": 9601}, func(s *Settings) { s.BaudRate = 9601 }},
		{"dataBits", CodeDataBits, nil, func(s *Settings) { s.DataBits = 9 }},
		{"parity", CodeParity, nil, func(s *Settings) { s.Parity = "无" }},
		{"stopBits", CodeStopBits, nil, func(s *Settings) { s.StopBits = "3" }},
	}
	for _, b := range bad {
		s := ok
		b.mutate(&s)
		e := domain.AsError(s.Validate())
		if e == nil || e.Code != b.code || e.Field != b.field || !maps.Equal(e.Params, b.params) {
			t.Fatalf("%s: err = %+v, want %s %v on %s", b.code, e, b.code, b.params, b.field)
		}
		if _, oerr := Open(s, Handlers{}, Options{}); oerr == nil {
			t.Fatalf("%s: Open accepted invalid settings", b.code)
		}
	}
}

func TestPortsKeepsTypedPath(t *testing.T) {
	ports, err := Ports("/dev/pts/77")
	if err != nil {
		t.Fatalf("Ports: %v", err)
	}
	if len(ports) == 0 || ports[len(ports)-1].Name != "/dev/pts/77" {
		t.Fatalf("typed path missing: %+v", ports)
	}
	for _, p := range ports[:len(ports)-1] {
		if strings.HasPrefix(p.Name, "/dev/pts/") {
			t.Fatalf("a pty was listed: %+v", p)
		}
	}
}
