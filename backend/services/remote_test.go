package services_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/services"
)

// TestRemoteModeRunsTheSameFlowOverHTTP serves the embedded platform with httpapi (as xtfd
// does) on loopback and drives it through a remote-mode backend.
func TestRemoteModeRunsTheSameFlowOverHTTP(t *testing.T) {
	server := newHarness(t)
	srv := httptest.NewServer(httpapi.NewServer(server.backend.API, nil))
	t.Cleanup(srv.Close)
	cfg := desktop.Config{Platform: desktop.PlatformConfig{Mode: services.ModeRemote, ServerURL: srv.URL}}
	b, err := desktop.OpenBackend(context.Background(), cfg, desktop.Env{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if b.Mode != services.ModeRemote || b.Demo != nil {
		t.Fatalf("remote backend = %+v", b)
	}
	h := &harness{t: t, dir: server.dir, backend: server.backend, rec: server.rec}
	h.attach(services.Options{API: b.API, Mode: b.Mode, Server: srv.URL, PollEvery: server.core.PollEvery()})
	st, _ := h.session.State()
	if st.Mode != services.ModeRemote || st.ServerURL != srv.URL || st.Demo || st.Initialized {
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
	tr, err := h.pay.Pay("0.01", wechat(40, "90"), "")
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("Pay(90) = %+v, %v", tr, err)
	}
	_, err = h.pay.Pay("0.02", wechat(41, "92"), "")
	if e := codeOf(t, err, domain.CodePayFailed); !strings.Contains(e.Message, "余额不足") {
		t.Fatalf("declined over HTTP: %q", e.Message)
	}
}

func TestRemoteModeWithoutAServerReportsUnavailable(t *testing.T) {
	cfg := desktop.Config{Platform: desktop.PlatformConfig{Mode: services.ModeRemote, ServerURL: "http://127.0.0.1:1"}}
	b, err := desktop.OpenBackend(context.Background(), cfg, desktop.Env{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	prefs := &services.MemPrefs{}
	_ = prefs.SetTerminalToken("saved-token")
	c := services.NewCore(services.Options{API: b.API, Prefs: prefs, Mode: b.Mode})
	st, _ := services.NewSessionService(c).State()
	if !st.Initialized || st.Problem == nil || st.Problem.Code != domain.CodeUnavailable {
		t.Fatalf("State() = %+v, want initialised with an unavailable problem", st)
	}
	codeOf(t, errOnly(services.NewSessionService(c).RequestInitCode("888888888888888")), domain.CodeUnavailable)
}
