package main

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
)

// roundRobin sends each request to the next of several xtfd servers in turn: the simplest
// load balancer, enough to show that the servers share everything through the database
// (sessions, trades, leases) and that any of them can answer any terminal.
type roundRobin struct {
	hosts []string // host:port of each server
	next  atomic.Uint64
	base  http.RoundTripper
}

// newRoundRobin parses a comma-separated list of base URLs of the same scheme; it returns
// the first URL (for the client) and the transport that spreads the requests.
func newRoundRobin(list string, base http.RoundTripper) (string, http.RoundTripper, error) {
	var hosts []string
	first := ""
	for _, raw := range strings.Split(list, ",") {
		u, err := url.Parse(strings.TrimSpace(raw))
		if err != nil || u.Host == "" {
			return "", nil, fmt.Errorf("-url %q: not a server URL", raw)
		}
		if first == "" {
			first = u.String()
		}
		hosts = append(hosts, u.Host)
	}
	if len(hosts) == 1 {
		return first, base, nil
	}
	return first, &roundRobin{hosts: hosts, base: base}, nil
}

// RoundTrip sends r to the next server.
func (rr *roundRobin) RoundTrip(r *http.Request) (*http.Response, error) {
	host := rr.hosts[(rr.next.Add(1)-1)%uint64(len(rr.hosts))]
	r = r.Clone(r.Context())
	r.URL.Host, r.Host = host, host
	return rr.base.RoundTrip(r)
}
