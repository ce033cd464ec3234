package httpapi

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

// TestBehindProxy: X-Forwarded-For names the client only on a connection from a trusted
// proxy, and then its right-most entry that is not a proxy; junk entries are skipped.
func TestBehindProxy(t *testing.T) {
	proxy := netip.MustParseAddr("10.0.0.5")
	var got string
	h := BehindProxy(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { got = clientAddr(r) }), []netip.Addr{proxy})
	for _, c := range []struct{ peer, xff, want string }{
		{"10.0.0.5:4000", "203.0.113.7", "203.0.113.7"},
		{"10.0.0.5:4000", "198.51.100.1, 203.0.113.7", "203.0.113.7"},
		{"10.0.0.5:4000", "203.0.113.7, 10.0.0.5", "203.0.113.7"},
		{"10.0.0.5:4000", "not-an-ip", "10.0.0.5"},
		{"10.0.0.5:4000", "", "10.0.0.5"},
		{"192.0.2.9:4000", "203.0.113.7", "192.0.2.9"}, // not a proxy: the header is ignored
	} {
		r := httptest.NewRequest(http.MethodPost, "/api/v1/login", nil)
		r.RemoteAddr = c.peer
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		h.ServeHTTP(httptest.NewRecorder(), r)
		if got != c.want {
			t.Errorf("peer %s, X-Forwarded-For %q: client %s; want %s", c.peer, c.xff, got, c.want)
		}
	}
}
