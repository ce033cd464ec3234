package services_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/services"
)

// remoteHarness is a desktop in remote mode talking to serverURL, a front for server's platform
// served with httpapi (as xtfd does); it initialises the terminal, logs in as 01 and changes
// the initial password.
func remoteHarness(t *testing.T, server *harness, serverURL string) *harness {
	t.Helper()
	cfg := desktop.Config{Platform: desktop.PlatformConfig{Mode: services.ModeRemote, ServerURL: serverURL}}
	b, err := desktop.OpenBackend(context.Background(), cfg, desktop.Env{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if b.Mode != services.ModeRemote || b.Demo != nil {
		t.Fatalf("remote backend = %+v", b)
	}
	h := &harness{t: t, dir: server.dir, backend: server.backend, rec: server.rec}
	h.attach(services.Options{API: b.API, Mode: b.Mode, Server: serverURL, PollEvery: server.core.PollEvery()})
	st, _ := h.session.State()
	if st.Mode != services.ModeRemote || st.ServerURL != serverURL || st.Demo || st.Initialized {
		t.Fatalf("State() = %+v", st)
	}
	// The SMS goes to the server's console sender; the server's demo feed shows it.
	if _, err := h.session.RequestInitCode("888888888888888"); err != nil {
		t.Fatal(err)
	}
	g, err := h.session.VerifyInitCode("888888888888888", server.backend.Demo.Info().LastSms)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.session.CompleteInit(g.Token, g.Stores[0].ID); err != nil {
		t.Fatal(err)
	}
	h.changeInitial()
	return h
}

// TestRemoteModeRunsTheSameFlowOverHTTP serves the embedded platform with httpapi (as xtfd
// does) on loopback and drives it through a remote-mode backend.
func TestRemoteModeRunsTheSameFlowOverHTTP(t *testing.T) {
	server := newHarness(t)
	srv := httptest.NewServer(httpapi.NewServer(server.backend.API, nil))
	t.Cleanup(srv.Close)
	h := remoteHarness(t, server, srv.URL)
	tr, err := h.pay.Pay("0.01", wechat(40, "90"), "")
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("Pay(90) = %+v, %v", tr, err)
	}
	_, err = h.pay.Pay("0.02", wechat(41, "92"), "")
	if e := codeOf(t, err, domain.CodePayFailed); !strings.Contains(e.Message, "余额不足") {
		t.Fatalf("declined over HTTP: %q", e.Message)
	}
}

// frontedServer serves server's platform with httpapi (as xtfd does) behind front, which
// gets each request and the proxy to the server; it returns front's URL.
func frontedServer(t *testing.T, server *harness, front func(w http.ResponseWriter, r *http.Request, proxy http.Handler)) string {
	t.Helper()
	api := httptest.NewServer(httpapi.NewServer(server.backend.API, nil))
	t.Cleanup(api.Close)
	target, err := url.Parse(api.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { front(w, r, proxy) }))
	t.Cleanup(srv.Close)
	return srv.URL
}

// cut closes the connection of w without an answer.
func cut(w http.ResponseWriter) {
	if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
		conn.Close()
	}
}

// TestRemoteAnswerLostIsNotDoneTwice cuts the connection of the desktop's first pay, and then
// of its first refund, after the server acted on it: the desktop sends the same request again
// and is answered with that trade; the bank has exactly one pay and one refund.
func TestRemoteAnswerLostIsNotDoneTwice(t *testing.T) {
	server := newHarness(t)
	var mu sync.Mutex
	sends := map[string]int{}
	front := frontedServer(t, server, func(w http.ResponseWriter, r *http.Request, proxy http.Handler) {
		mu.Lock()
		sends[r.URL.Path]++
		first := sends[r.URL.Path] == 1
		mu.Unlock()
		if !first || (r.URL.Path != "/api/v1/pay" && r.URL.Path != "/api/v1/trades/refund") {
			proxy.ServeHTTP(w, r)
			return
		}
		proxy.ServeHTTP(httptest.NewRecorder(), r) // the server acts ...
		cut(w)                                     // ... and its answer never reaches the desktop
	})
	h := remoteHarness(t, server, front)
	code := wechat(43, "00")
	tr, err := h.pay.Pay("0.50", code, "")
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("Pay after a lost answer = %+v, %v; want the first trade, paid", tr, err)
	}
	ref, err := h.trades.Refund(tr.ReqSN, "0.20", ownerPassword)
	if err != nil || ref.Status != string(domain.StatusSuccess) {
		t.Fatalf("Refund after a lost answer = %+v, %v; want the first refund, done", ref, err)
	}
	kinds := map[string]int{}
	for _, bt := range h.simTrades() {
		kinds[bt["kind"].(string)]++
	}
	if kinds["pay"] != 1 || kinds["refund"] != 1 || sends["/api/v1/pay"] != 2 || sends["/api/v1/trades/refund"] != 2 {
		t.Fatalf("bank %v after sends %v; want one pay and one refund after two sends each", kinds, sends)
	}
}

// TestRemotePayNoAnswerAtAllIsUnsure: every send of a pay is cut before the server sees it;
// after its retries the desktop says the outcome is unknown (pay_unsure: do not charge again
// blindly) rather than "retry", and nothing was charged.
func TestRemotePayNoAnswerAtAllIsUnsure(t *testing.T) {
	server := newHarness(t)
	var pays atomic.Int32
	front := frontedServer(t, server, func(w http.ResponseWriter, r *http.Request, proxy http.Handler) {
		if r.URL.Path != "/api/v1/pay" {
			proxy.ServeHTTP(w, r)
			return
		}
		pays.Add(1)
		cut(w)
	})
	h := remoteHarness(t, server, front)
	_, err := h.pay.Pay("0.05", wechat(44, "00"), "")
	codeOf(t, err, domain.CodePayUnsure)
	if n := len(h.simTrades()); pays.Load() != 4 || n != 0 {
		t.Fatalf("%d sends, bank trades %d; want 4 sends and nothing charged", pays.Load(), n)
	}
}
