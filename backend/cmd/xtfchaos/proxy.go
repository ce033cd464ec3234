package main

import (
	"bytes"
	"context"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// faultPlan says how often, in percent of the requests a proxy carries, each fault happens,
// and how long the delays are. A late request is answered at once with a dropped connection
// (the sender gives up, as on a timeout) and delivered after Late — past the poll window.
type faultPlan struct {
	DropRequest, DropAnswer, DelayRequest, DelayAnswer, LateRequest int
	MaxDelay                                                        time.Duration
	LateMin, LateMax                                                time.Duration
}

// Fault names, as counted and printed.
const (
	fDropRequest  = "dropped request"
	fDropAnswer   = "dropped answer"
	fDelayRequest = "delayed request"
	fDelayAnswer  = "delayed answer"
	fLateRequest  = "late request"
)

// proxy is a fault-injecting HTTP proxy in front of one or more upstreams (tried in random
// order: one that refuses the connection was not sent anything, so the next is tried).
type proxy struct {
	name      string
	upstreams []string
	plan      faultPlan
	hc        *http.Client
	on        atomic.Bool    // faults are injected only while on
	late      sync.WaitGroup // late requests not yet delivered
	counts    *counter
}

// newProxy returns a proxy to upstreams with faults off; counts receives the faults injected.
func newProxy(name string, plan faultPlan, counts *counter, upstreams ...string) *proxy {
	tr := &http.Transport{MaxIdleConnsPerHost: 64, IdleConnTimeout: 30 * time.Second}
	return &proxy{name: name, upstreams: upstreams, plan: plan, counts: counts,
		hc: &http.Client{Transport: tr, Timeout: 2 * time.Minute}}
}

// ServeHTTP forwards r, injecting at most one fault when faults are on.
func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "read body", http.StatusBadRequest)
		return
	}
	fault := ""
	if p.on.Load() && r.Method == http.MethodPost {
		fault = p.pick()
	}
	if fault != "" {
		p.counts.add(p.name + ": " + fault)
	}
	switch fault {
	case fDropRequest:
		hangUp(w)
		return
	case fLateRequest:
		hangUp(w)
		p.deliverLate(r, body)
		return
	case fDelayRequest:
		time.Sleep(p.delay())
	}
	res, err := p.forward(r.Context(), r.Method, r.URL.RequestURI(), r.Header, body)
	if err != nil {
		http.Error(w, "chaos proxy: "+err.Error(), http.StatusBadGateway)
		return
	}
	switch fault {
	case fDropAnswer:
		hangUp(w)
		return
	case fDelayAnswer:
		time.Sleep(p.delay())
	}
	for k, vs := range res.header {
		w.Header()[k] = vs
	}
	w.WriteHeader(res.status)
	_, _ = w.Write(res.body)
}

// pick draws the fault for one request ("" for none).
func (p *proxy) pick() string {
	n := rand.IntN(100)
	for _, f := range []struct {
		pct  int
		name string
	}{
		{p.plan.DropRequest, fDropRequest}, {p.plan.DropAnswer, fDropAnswer}, {p.plan.DelayRequest, fDelayRequest},
		{p.plan.DelayAnswer, fDelayAnswer}, {p.plan.LateRequest, fLateRequest},
	} {
		if n < f.pct {
			return f.name
		}
		n -= f.pct
	}
	return ""
}

// delay is a random delay up to plan.MaxDelay.
func (p *proxy) delay() time.Duration {
	return time.Duration(rand.Int64N(int64(p.plan.MaxDelay) + 1))
}

// deliverLate sends the request after a late delay, in the background; its answer is lost.
func (p *proxy) deliverLate(r *http.Request, body []byte) {
	d := p.plan.LateMin + time.Duration(rand.Int64N(int64(p.plan.LateMax-p.plan.LateMin)+1))
	hdr, uri := r.Header.Clone(), r.URL.RequestURI()
	p.late.Go(func() {
		time.Sleep(d)
		if _, err := p.forward(context.Background(), r.Method, uri, hdr, body); refused(err) {
			p.counts.add(p.name + ": late request not delivered (server down)")
		}
	})
}

// answer is an upstream's response, read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// forward sends the request to an upstream, trying the others when one refuses the connection.
// The sender hanging up does not cancel it: a request on the wire reaches the server anyway.
func (p *proxy) forward(ctx context.Context, method, uri string, hdr http.Header, body []byte) (*answer, error) {
	var last error
	for _, i := range rand.Perm(len(p.upstreams)) {
		req, err := http.NewRequestWithContext(context.WithoutCancel(ctx), method, p.upstreams[i]+uri, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header = hdr.Clone()
		for _, k := range []string{"Connection", "Content-Length", "Accept-Encoding", "Keep-Alive"} {
			req.Header.Del(k)
		}
		res, err := p.hc.Do(req)
		if err != nil {
			last = err
			if refused(err) {
				continue
			}
			return nil, err
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			return nil, err
		}
		return &answer{status: res.StatusCode, header: res.Header, body: b}, nil
	}
	return nil, last
}

// hangUp closes the client's connection without an answer.
func hangUp(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// listen serves p on a loopback port and returns its base URL and a stop function.
func (p *proxy) listen() (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), func() { _ = srv.Close() }, nil
}

// counter counts named events (faults injected) for the summary.
type counter struct {
	mu sync.Mutex
	n  map[string]int
}

// newCounter returns an empty counter.
func newCounter() *counter { return &counter{n: map[string]int{}} }

// add counts one event of name.
func (c *counter) add(name string) {
	c.mu.Lock()
	c.n[name]++
	c.mu.Unlock()
}

// snapshot returns a copy of the counts.
func (c *counter) snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.n))
	for k, v := range c.n {
		out[k] = v
	}
	return out
}
