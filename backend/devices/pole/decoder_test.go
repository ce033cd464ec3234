package pole

import (
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbk encodes s as the cashier program would send Chinese text to a VFD.
func gbk(t *testing.T, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Recorded-style streams: what cashier programs send during a sale, and the totals (fen) the
// decoder must report, in order. 0 is "the display was cleared".
func streams(t *testing.T) []struct {
	name string
	in   string
	want []int64
} {
	return []struct {
		name string
		in   string
		want []int64
	}{
		{"LED ESC s: prices, then the total, then cash and change",
			"\x1b@\x1bs1\x1bQA3.50\r\x1bs1\x1bQA9.00\r\x1bs2\x1bQA12.50\r\x1bs3\x1bQA20.00\r\x1bs4\x1bQA7.50\r",
			[]int64{0, 1250}},
		{"LED STX L lights (LED8N)",
			"\x0c\x02L1000\x1bQA6.00\r\x02L0100\x1bQA128.80\r\x02L0001\x1bQA1.20\r",
			[]int64{0, 12880}},
		{"LED: the item price shown before 总计 lights is not the total",
			"\x1bs1\x1bQA3.50\r\x1bs2", nil},
		{"LED: the next sale clears, then a new total",
			"\x1bs2\x1bQA8.88\r\x0c\x1bs2\x1bQA66.00\r", []int64{888, 0, 6600}},
		{"LED: a total of zero is no amount",
			"\x1bs2\x1bQA5.00\r\x1bs2\x1bQA0.00\r", []int64{500, 0}},
		{"LED: a negative or malformed number is ignored",
			"\x1bs2\x1bQA-5.00\r\x1bQA1.2.3\r\x1bQA12.345\r", nil},
		{"LED: an integer number is whole yuan", "\x1bs2\x1bQA25\r", []int64{2500}},
		{"VFD CD5220 lines, English", "\x0c\x1bQAITEM 3          9.00\r\x1bQBTOTAL:         12.50\r", []int64{0, 1250}},
		{"VFD text with cursor moves, Chinese (GBK)",
			"\x0c" + gbk(t, "欢迎光临") + "\x1f$\x01\x02" + gbk(t, "合计：￥36.80") + "\r", []int64{0, 3680}},
		{"VFD: SUBTOTAL and change lines are not the total",
			"\x0cSUBTOTAL 10.00\r\nCHANGE 2.00\r\n", []int64{0}},
		{"VFD: 应收 with 元", "\x0c\n" + gbk(t, "应收 15.5元") + "\r\n", []int64{0, 1550}},
		{"noise: unknown ESC commands, control bytes and garbage around a total",
			"\x00\xff\x1bZ\x07\x1bs2\x1b=\x02\x1bQA42.00\r\x1b\x1b", []int64{4200}},
		{"noise: an unterminated ESC Q A longer than any display is dropped",
			"\x1bs2\x1bQA" + string(make([]byte, 60)) + "\x1bQA1.00\r", []int64{100}},
	}
}

func decode(chunks []string) []int64 {
	var got []int64
	d := Decoder{OnTotal: func(fen int64) { got = append(got, fen) }}
	for _, c := range chunks {
		d.Feed([]byte(c))
	}
	d.Flush()
	return got
}

func TestDecoderStreams(t *testing.T) {
	for _, s := range streams(t) {
		if got := decode([]string{s.in}); !slices.Equal(got, s.want) {
			t.Errorf("%s: totals %v, want %v", s.name, got, s.want)
		}
	}
}

// TestDecoderPartialFrames: a stream split at every byte (as a serial port delivers it)
// decodes as the whole. Text is only read at a line's end or when the port goes quiet.
func TestDecoderPartialFrames(t *testing.T) {
	for _, s := range streams(t) {
		var bytewise []string
		for i := range len(s.in) {
			bytewise = append(bytewise, s.in[i:i+1])
		}
		if got := decode(bytewise); !slices.Equal(got, s.want) {
			t.Errorf("%s, byte by byte: totals %v, want %v", s.name, got, s.want)
		}
	}
}

// TestDecoderHalfLineIsNotRead: "TOTAL 12." then "50" must not report 12.00 in between.
func TestDecoderHalfLineIsNotRead(t *testing.T) {
	var got []int64
	d := Decoder{OnTotal: func(fen int64) { got = append(got, fen) }}
	d.Feed([]byte("TOTAL 12."))
	d.Feed([]byte("50"))
	if len(got) != 0 {
		t.Fatalf("read %v from a line still being written", got)
	}
	d.Flush()
	if !slices.Equal(got, []int64{1250}) {
		t.Fatalf("after the port went quiet: %v, want [1250]", got)
	}
}

func FuzzDecoder(f *testing.F) {
	for _, s := range streams(&testing.T{}) {
		f.Add([]byte(s.in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d := Decoder{OnTotal: func(fen int64) {
			if fen < 0 || fen > 5_000_000 {
				t.Fatalf("total %d out of range", fen)
			}
		}}
		d.Feed(in)
		d.Flush()
	})
}
