package allinpay

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
)

// maxBody caps how much of a response body is read.
const maxBody = 1 << 20

// malformed wraps ErrMalformed with a reason.
func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
}

// DecodeResponse parses a response body that must be one JSON object whose values are all
// strings, keeping each value's exact text. Numbers, nulls, nested values, repeated keys,
// trailing data and truncated bodies are refused with an error wrapping ErrMalformed.
func DecodeResponse(body []byte) (map[string]string, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, malformed("body is not a JSON object")
	}
	fields := make(map[string]string)
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, malformed("bad JSON key")
		}
		k, _ := kt.(string)
		vt, err := dec.Token()
		if err != nil {
			return nil, malformed("bad JSON value for %.40q", k)
		}
		v, ok := vt.(string)
		if !ok {
			return nil, malformed("field %.40q is not a JSON string", k)
		}
		if _, dup := fields[k]; dup {
			return nil, malformed("field %.40q appears twice", k)
		}
		fields[k] = v
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		return nil, malformed("JSON object is not closed")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, malformed("data after the JSON object")
	}
	return fields, nil
}

// DecodeForm parses a form-encoded body (a callback) into fields, URL-decoding the values.
// A repeated key is refused.
func DecodeForm(body []byte) (map[string]string, error) {
	vals, err := url.ParseQuery(string(bytes.TrimSpace(body)))
	if err != nil {
		return nil, malformed("body is not form-encoded")
	}
	fields := make(map[string]string, len(vals))
	for k, vs := range vals {
		if len(vs) != 1 {
			return nil, malformed("field %.40q appears %d times", k, len(vs))
		}
		fields[k] = vs[0]
	}
	return fields, nil
}
