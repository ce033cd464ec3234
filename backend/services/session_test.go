package services_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xiaotongfu/backend/desktop"
	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
)

func TestStateFollowsInitialisationLoginAndLogout(t *testing.T) {
	h := newHarness(t)
	st, err := h.session.State()
	if err != nil || st.Initialized || st.Profile != nil || !st.Demo || st.Mode != services.ModeEmbedded {
		t.Fatalf("fresh State() = %+v, %v", st, err)
	}
	term := h.initialise()
	if term.Token != "" {
		t.Fatal("CompleteInit handed the terminal token to the UI")
	}
	cfg, _ := desktop.LoadConfig(h.dir)
	if cfg.TerminalToken() == "" {
		t.Fatal("terminal token not saved in the config file")
	}
	st, _ = h.session.State()
	if !st.Initialized || st.Terminal == nil || st.Terminal.MerchantNo != platform.DemoMerchantNo || st.Profile != nil {
		t.Fatalf("State() after init = %+v", st)
	}
	if _, err := h.session.Login(domain.AdminAccount, "wrong-password"); err == nil {
		t.Fatal("login with a wrong password succeeded")
	}
	p, err := h.session.Login(domain.AdminAccount, domain.InitialPassword)
	if err != nil || p.Account != domain.AdminAccount {
		t.Fatalf("Login = %+v, %v", p, err)
	}
	st, _ = h.session.State()
	if st.Profile == nil || st.Profile.Account != domain.AdminAccount {
		t.Fatalf("State() after login has profile %+v", st.Profile)
	}
	if err := h.session.Logout(); err != nil {
		t.Fatalf("Logout: %v", err)
	}
	st, _ = h.session.State()
	if !st.Initialized || st.Profile != nil {
		t.Fatalf("State() after logout = %+v", st)
	}
	codeOf(t, errOnly(h.session.Me()), domain.CodeUnauthenticated)
}

func TestTerminalTokenSurvivesRestartButSessionDoesNot(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	prefs, err := desktop.LoadConfig(h.dir)
	if err != nil {
		t.Fatal(err)
	}
	again := services.NewSessionService(services.NewCore(services.Options{API: h.backend.API, Prefs: prefs, Mode: services.ModeEmbedded}))
	st, _ := again.State()
	if !st.Initialized || st.Profile != nil {
		t.Fatalf("State() after restart = %+v, want initialised and logged out", st)
	}
}

func TestChangePasswordChecksConfirmationThenPlatform(t *testing.T) {
	h := newHarness(t)
	h.initialise()
	if _, err := h.session.Login(domain.AdminAccount, domain.InitialPassword); err != nil {
		t.Fatal(err)
	}
	e := codeOf(t, h.session.ChangePassword(domain.InitialPassword, "Abc12345", "Abc12346"), domain.CodeInvalidInput)
	if e.Field != "confirm" {
		t.Fatalf("mismatch error field = %q, want confirm", e.Field)
	}
	if err := h.session.ChangePassword(domain.InitialPassword, "Abc12345", "Abc12345"); err != nil {
		t.Fatalf("ChangePassword: %v", err)
	}
	if err := h.session.Logout(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.session.Login(domain.AdminAccount, domain.InitialPassword); err == nil {
		t.Fatal("old password still works")
	}
	if _, err := h.session.Login(domain.AdminAccount, "Abc12345"); err != nil {
		t.Fatalf("login with the new password: %v", err)
	}
}

func TestForgetTerminalSendsTheUIBackToInitialisation(t *testing.T) {
	h := newHarness(t)
	h.loginAdmin()
	if err := h.session.ForgetTerminal(); err != nil {
		t.Fatal(err)
	}
	st, _ := h.session.State()
	if st.Initialized || st.Profile != nil {
		t.Fatalf("State() after ForgetTerminal = %+v", st)
	}
	prefs, _ := desktop.LoadConfig(h.dir)
	if prefs.TerminalToken() != "" {
		t.Fatal("the config file still holds the terminal token")
	}
}

func TestDemoFeedShowsTheLastSMSAndFreshTestCodes(t *testing.T) {
	h := newHarness(t)
	d1, _ := h.session.Demo()
	if !d1.Enabled || d1.MerchantNo != platform.DemoMerchantNo || d1.LastSmsAt != nil || len(d1.TestCodes) < 9 {
		t.Fatalf("Demo() before any SMS = %+v", d1)
	}
	if _, err := h.session.RequestInitCode(platform.DemoMerchantNo); err != nil {
		t.Fatal(err)
	}
	d2, _ := h.session.Demo()
	if d2.LastSmsAt == nil || !strings.Contains(d2.LastSmsText, d2.LastSms) || len(d2.LastSms) != 6 {
		t.Fatalf("Demo() after SMS = %+v", d2)
	}
	for i, tc := range d2.TestCodes {
		if _, err := domain.ChannelOfCode(tc.Code); err != nil || tc.Code == d1.TestCodes[i].Code {
			t.Fatalf("test code %d %q: valid=%v, fresh=%v", i, tc.Code, err == nil, tc.Code != d1.TestCodes[i].Code)
		}
	}
}

func TestBrokenStartReportsTheProblemEverywhere(t *testing.T) {
	c := services.NewCore(services.Options{Problem: errors.New("数据库被锁定")})
	st, err := services.NewSessionService(c).State()
	if err != nil || st.Problem == nil || st.Problem.Code != domain.CodeUnavailable || !strings.Contains(st.Problem.Message, "数据库被锁定") {
		t.Fatalf("State() = %+v, %v", st, err)
	}
	codeOf(t, errOnly(services.NewPayService(c).Pay("1.00", "134567890123456700", "")), domain.CodeUnavailable)
	codeOf(t, errOnly(services.NewTradeService(c).List(platform.TradeFilter{})), domain.CodeUnavailable)
	codeOf(t, services.NewSettingsService(c).Save(services.Settings{Mode: services.ModeEmbedded}, ""), domain.CodeUnavailable)
}

func TestSettingsValidateAndPersist(t *testing.T) {
	h := newHarness(t)
	codeOf(t, h.setting.Save(services.Settings{Mode: "cloud"}, ""), domain.CodeInvalidInput)
	e := codeOf(t, h.setting.Save(services.Settings{Mode: services.ModeRemote, ServerURL: "ftp://x"}, ""), domain.CodeInvalidInput)
	if e.Field != "serverUrl" {
		t.Fatalf("field = %q", e.Field)
	}
	// Plain HTTP only to this machine: tokens and admin passwords cross the wire.
	e = codeOf(t, h.setting.Save(services.Settings{Mode: services.ModeRemote, ServerURL: "http://xtfd.example.com"}, ""), domain.CodeInvalidInput)
	if e.Field != "serverUrl" || !strings.Contains(e.Message, "https://") {
		t.Fatalf("http:// to another machine: %+v", e)
	}
	if err := h.setting.Save(services.Settings{Mode: services.ModeRemote, ServerURL: "http://127.0.0.1:8080"}, ""); err != nil {
		t.Fatalf("http:// to loopback: %v", err)
	}
	if err := h.setting.Save(services.Settings{Mode: services.ModeRemote, ServerURL: " https://xtfd.example.com "}, ""); err != nil {
		t.Fatal(err)
	}
	v, _ := h.setting.Get()
	if v.Mode != services.ModeRemote || v.ServerURL != "https://xtfd.example.com" || !v.RestartRequired || v.RunningMode != services.ModeEmbedded {
		t.Fatalf("Get() = %+v", v)
	}
	b, err := os.ReadFile(filepath.Join(h.dir, desktop.ConfigName))
	if err != nil || !strings.Contains(string(b), "https://xtfd.example.com") {
		t.Fatalf("config file = %s, %v", b, err)
	}
}

// errOnly drops the value of a (value, error) pair.
func errOnly[T any](_ T, err error) error { return err }
