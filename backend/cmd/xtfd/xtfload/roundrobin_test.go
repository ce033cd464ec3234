package main

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// TestRoundRobinSpreadsRequests checks that requests to the first URL are sent to each
// server in turn, and that a single URL keeps the plain transport.
func TestRoundRobinSpreadsRequests(t *testing.T) {
	var hits [2]atomic.Int32
	srv := make([]*httptest.Server, 2)
	for i := range srv {
		i := i
		srv[i] = httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits[i].Add(1) }))
		defer srv[i].Close()
	}
	first, tr, err := newRoundRobin(srv[0].URL+", "+srv[1].URL, http.DefaultTransport)
	if err != nil {
		t.Fatal(err)
	}
	if first != srv[0].URL {
		t.Fatalf("first = %q, want %q", first, srv[0].URL)
	}
	c := &http.Client{Transport: tr}
	for range 6 {
		resp, err := c.Get(first + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	if hits[0].Load() != 3 || hits[1].Load() != 3 {
		t.Fatalf("hits = %d, %d; want 3, 3", hits[0].Load(), hits[1].Load())
	}
	if _, one, _ := newRoundRobin(srv[0].URL, http.DefaultTransport); one != http.DefaultTransport {
		t.Fatal("a single URL should keep the base transport")
	}
	if _, _, err := newRoundRobin("not a url", http.DefaultTransport); err == nil {
		t.Fatal("a list without a host should be refused")
	}
}
