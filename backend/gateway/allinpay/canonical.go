package allinpay

import (
	"errors"
	"sort"
)

// ErrBadSignature reports a response or callback whose sign is missing or does not verify.
var ErrBadSignature = errors.New("allinpay: signature missing or invalid")

// ErrMalformed reports a response body that is not a JSON object of string values,
// or whose fields contradict the request.
var ErrMalformed = errors.New("allinpay: malformed response")

// errReservedKey reports a field named "key" under MD5, where that name belongs to the MD5 key.
var errReservedKey = errors.New("allinpay: a field named \"key\" cannot be signed with MD5")

// Canonical returns the string Allinpay signs: every field except sign and empty values,
// keys sorted in byte order, joined as k=v pairs with &, without URL encoding.
// signtype is kept.
func Canonical(fields map[string]string) string {
	b, _ := appendCanonical(nil, fields, "", false)
	return string(b)
}

// appendCanonical appends the canonical string of fields to dst. With withKey, key=md5Key is
// placed at its sorted position (the MD5 rule), and a field named key is refused.
func appendCanonical(dst []byte, fields map[string]string, md5Key string, withKey bool) ([]byte, error) {
	keys := make([]string, 0, len(fields)+1)
	for k, v := range fields {
		if k == "sign" || v == "" {
			continue
		}
		if withKey && k == "key" {
			return nil, errReservedKey
		}
		keys = append(keys, k)
	}
	if withKey {
		keys = append(keys, "key")
	}
	sort.Strings(keys)
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, '&')
		}
		v := fields[k]
		if withKey && k == "key" {
			v = md5Key
		}
		dst = append(dst, k...)
		dst = append(dst, '=')
		dst = append(dst, v...)
	}
	return dst, nil
}
