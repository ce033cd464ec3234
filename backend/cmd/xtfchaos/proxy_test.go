package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// upstream counts the requests it got and answers "ok".
func upstream(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = io.WriteString(w, "ok")
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// through posts once through a proxy with plan and returns the answer ("" when none came).
func through(t *testing.T, plan faultPlan, upstreams ...string) (*proxy, string) {
	p := newProxy("test", plan, newCounter(), upstreams...)
	p.on.Store(true)
	url, stop, err := p.listen()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	res, err := http.Post(url+"/api/v1/pay", "application/json", strings.NewReader("{}"))
	if err != nil {
		return p, ""
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return p, string(b)
}

func TestProxyFaults(t *testing.T) {
	for _, c := range []struct {
		name      string
		plan      faultPlan
		answer    string
		hits      int64 // before late requests are delivered
		afterLate int64
	}{
		{"none", faultPlan{}, "ok", 1, 1},
		{"dropped request", faultPlan{DropRequest: 100}, "", 0, 0},
		{"dropped answer", faultPlan{DropAnswer: 100}, "", 1, 1},
		{"delayed answer", faultPlan{DelayAnswer: 100}, "ok", 1, 1},
		{"late request", faultPlan{LateRequest: 100, LateMin: 1, LateMax: 1}, "", 0, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv, hits := upstream(t)
			if c.name == "late request" {
				// Hold the late delivery until the immediate effect was checked.
				gate := make(chan struct{})
				srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					<-gate
					hits.Add(1)
				})
				defer func() { close(gate) }()
				p, answer := through(t, c.plan, srv.URL)
				if answer != "" || hits.Load() != 0 {
					t.Fatalf("answer %q, hits %d before delivery", answer, hits.Load())
				}
				gate <- struct{}{}
				p.late.Wait()
				if hits.Load() != c.afterLate {
					t.Fatalf("hits after delivery %d, want %d", hits.Load(), c.afterLate)
				}
				return
			}
			p, answer := through(t, c.plan, srv.URL)
			p.late.Wait()
			if answer != c.answer || hits.Load() != c.hits {
				t.Fatalf("answer %q, hits %d; want %q, %d", answer, hits.Load(), c.answer, c.hits)
			}
		})
	}
}

func TestProxyTriesTheOtherServer(t *testing.T) {
	srv, hits := upstream(t)
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close() // its port now refuses connections
	for range 4 {
		if _, answer := through(t, faultPlan{}, dead.URL, srv.URL); answer != "ok" {
			t.Fatalf("answer %q", answer)
		}
	}
	if hits.Load() != 4 {
		t.Fatalf("hits %d, want 4", hits.Load())
	}
}
