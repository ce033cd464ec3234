package scanner

import (
	"strconv"

	"xiaotongfu/backend/domain"
)

// Payment-code lengths the box may deliver: WeChat 18, UnionPay 19, Alipay 16–24. The payment
// flow checks prefixes and channels; the box only filters out what cannot be a payment code.
const (
	MinCodeLen = 16
	MaxCodeLen = 24
	// maxFrame bounds the bytes kept while waiting for a terminator; longer runs are noise.
	maxFrame = 64
)

// dropReason says why a frame was not emitted as a code.
type dropReason string

const (
	dropNotDigits dropReason = "非数字或含控制字符"
	dropLength    dropReason = "长度不像付款码"
	dropPartial   dropReason = "不完整（超时无结束符）"
	dropTooLong   dropReason = "过长"
)

// framer splits the box's byte stream into frames ended by CR, LF or CRLF. It holds no timer:
// the reader calls idle when the line has been quiet for the idle timeout.
type framer struct {
	buf      []byte
	overflow bool // the current frame passed maxFrame; discard until the next terminator
	code     func(code string)
	drop     func(reason dropReason, frame []byte)
}

// feed consumes bytes just read from the port.
func (f *framer) feed(p []byte) {
	for _, c := range p {
		if c == '\r' || c == '\n' {
			f.end()
			continue
		}
		if f.overflow {
			continue
		}
		if len(f.buf) == maxFrame {
			f.overflow = true
			f.drop(dropTooLong, f.buf)
			f.buf = f.buf[:0]
			continue
		}
		f.buf = append(f.buf, c)
	}
}

// pending reports whether an unterminated frame is buffered.
func (f *framer) pending() bool { return len(f.buf) > 0 || f.overflow }

// idle drops an unterminated frame after the line went quiet: a box always ends a code with
// CR or LF, so the bytes are a partial read (or noise) and must not prefix the next code.
func (f *framer) idle() {
	if len(f.buf) > 0 {
		f.drop(dropPartial, f.buf)
	}
	f.reset()
}

func (f *framer) end() {
	if f.overflow || len(f.buf) == 0 { // CRLF's LF, blank lines, tail of an overlong run
		f.reset()
		return
	}
	if r, ok := classify(f.buf); ok {
		f.code(string(f.buf))
	} else {
		f.drop(r, f.buf)
	}
	f.reset()
}

func (f *framer) reset() {
	f.buf = f.buf[:0]
	f.overflow = false
}

// classify accepts ASCII digits of a plausible payment-code length.
func classify(b []byte) (dropReason, bool) {
	for _, c := range b {
		if c < '0' || c > '9' {
			return dropNotDigits, false
		}
	}
	if len(b) < MinCodeLen || len(b) > MaxCodeLen {
		return dropLength, false
	}
	return "", true
}

// maskFrame renders a frame for the log: only its last four bytes, ASCII-quoted so control
// bytes stay visible and harmless.
func maskFrame(b []byte) string {
	return strconv.QuoteToASCII(domain.MaskCode(string(b)))
}
