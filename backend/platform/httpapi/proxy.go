package httpapi

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// BehindProxy makes next see the real client of a request relayed by one of proxies (a TLS
// terminator in front of xtfd -insecure-http): when the connection comes from a proxy, the
// client address is the right-most X-Forwarded-For entry that is not itself a proxy. From
// anyone else the header is ignored, so a client cannot choose its address (the limits per
// address and the audit depend on it).
func BehindProxy(next http.Handler, proxies []netip.Addr) http.Handler {
	trusted := func(s string) bool {
		a, err := netip.ParseAddr(s)
		if err != nil {
			return false
		}
		for _, p := range proxies {
			if p == a.Unmap() {
				return true
			}
		}
		return false
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if peer := clientAddr(r); trusted(peer) {
			hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
			for i := len(hops) - 1; i >= 0; i-- {
				hop := strings.TrimSpace(hops[i])
				if _, err := netip.ParseAddr(hop); err != nil || trusted(hop) {
					continue
				}
				r2 := r.Clone(r.Context())
				r2.RemoteAddr = net.JoinHostPort(hop, "0")
				r = r2
				break
			}
		}
		next.ServeHTTP(w, r)
	})
}
