package services

import (
	"context"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// AppState tells the UI where to start: initialisation, login, or the main screen.
type AppState struct {
	Mode        string                 `json:"mode"` // embedded or remote
	ServerURL   string                 `json:"serverUrl"`
	Initialized bool                   `json:"initialized"`
	Terminal    *platform.TerminalInfo `json:"terminal"`
	Profile     *platform.Profile      `json:"profile"`
	Demo        bool                   `json:"demo"`
	// Problem is set when the platform could not be started or asked (e.g. xtfd
	// unreachable); the UI shows it. A terminal with a token then counts as initialised.
	Problem *domain.Error `json:"problem,omitempty"`
}

// SessionService initialises the terminal and logs cashiers in and out (manual §1–3).
type SessionService struct{ c *Core }

// NewSessionService binds the session methods to c.
func NewSessionService(c *Core) *SessionService { return &SessionService{c: c} }

// State says whether this terminal is initialised and who is logged in.
func (s *SessionService) State() (AppState, error) {
	c := s.c
	st := AppState{Mode: c.mode, ServerURL: c.server, Demo: c.demo.Enabled(), Problem: c.broken}
	creds := c.creds()
	if creds.TerminalToken == "" || c.broken != nil {
		st.Initialized = creds.TerminalToken != ""
		return st, nil
	}
	t, err := c.api.Terminal(c.context(), creds)
	switch {
	case domain.CodeOf(err) == domain.CodeUnauthenticated:
		c.setTerminal(nil)
		c.setSession("")
		return st, nil
	case err != nil:
		st.Initialized, st.Problem = true, domain.AsError(err)
		return st, nil
	}
	c.setTerminal(t)
	st.Initialized, st.Terminal = true, t
	if creds.SessionToken == "" {
		return st, nil
	}
	p, err := c.api.Me(c.context(), creds)
	switch {
	case err == nil:
		st.Profile = p
	case domain.CodeOf(err) == domain.CodeUnauthenticated:
		c.setSession("")
	default:
		st.Problem = domain.AsError(err)
	}
	return st, nil
}

// Demo returns the demo banner's data (enabled=false outside demo mode).
func (s *SessionService) Demo() (DemoInfo, error) { return s.c.demo.Info(), nil }

// RequestInitCode sends an SMS code to the merchant's phone (manual §1).
func (s *SessionService) RequestInitCode(merchantNo string) (*platform.SMSChallenge, error) {
	return call(s.c, func(ctx context.Context, api platform.API, _ platform.Creds) (*platform.SMSChallenge, error) {
		return api.RequestInitCode(ctx, merchantNo)
	})
}

// VerifyInitCode checks the SMS code and returns the grant with the merchant's stores.
func (s *SessionService) VerifyInitCode(merchantNo, code string) (*platform.Grant, error) {
	return call(s.c, func(ctx context.Context, api platform.API, _ platform.Creds) (*platform.Grant, error) {
		return api.VerifyInitCode(ctx, merchantNo, code)
	})
}

// CompleteInit binds this terminal to storeID and saves the terminal token. The PC's machine
// id goes with it, so a PC initialised again keeps its terminal number.
func (s *SessionService) CompleteInit(grantToken string, storeID uint) (*platform.TerminalInfo, error) {
	c := s.c
	t, err := call(c, func(ctx context.Context, api platform.API, _ platform.Creds) (*platform.TerminalInfo, error) {
		return api.CompleteInit(ctx, grantToken, storeID, c.machine)
	})
	if err != nil {
		return nil, err
	}
	if err := c.prefs.SetTerminalToken(t.Token); err != nil {
		c.log.Error("save terminal token", "err", err)
		return nil, domain.Errorf(domain.CodeInternal, "无法保存终端配置，请检查数据目录的写权限")
	}
	c.setSession("")
	c.setTerminal(t)
	c.log.Info("terminal initialised", "merchant", t.MerchantNo, "termNo", t.TermNo, "store", t.StoreID)
	return withoutToken(t), nil
}

// Login logs a cashier in on this terminal and keeps the session in memory.
func (s *SessionService) Login(account, password string) (*platform.Profile, error) {
	c := s.c
	info, err := call(c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.SessionInfo, error) {
		return api.Login(ctx, cr.TerminalToken, account, password)
	})
	if err != nil {
		c.log.Info("login refused", "account", account, "code", domain.CodeOf(err))
		return nil, err
	}
	c.setSession(info.Token)
	c.log.Info("login", "account", account)
	return &info.Profile, nil
}

// Logout unbinds the cashier from this terminal and forgets the session.
func (s *SessionService) Logout() error {
	err := callErr(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) error {
		return api.Logout(ctx, cr)
	})
	if err != nil && domain.CodeOf(err) != domain.CodeUnauthenticated {
		return err
	}
	s.c.setSession("")
	return nil
}

// Me returns the logged-in cashier.
func (s *SessionService) Me() (*platform.Profile, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Profile, error) {
		return api.Me(ctx, cr)
	})
}

// ChangePassword changes the logged-in cashier's password; confirm must repeat it.
func (s *SessionService) ChangePassword(oldPassword, newPassword, confirm string) error {
	if newPassword != confirm {
		return domain.FieldError("confirm", "两次输入的新密码不一致")
	}
	return callErr(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) error {
		return api.ChangePassword(ctx, cr, oldPassword, newPassword)
	})
}

// RequestStoreChangeCode sends an SMS code for changing the store (manual §2.1).
func (s *SessionService) RequestStoreChangeCode() (*platform.SMSChallenge, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.SMSChallenge, error) {
		return api.RequestStoreChangeCode(ctx, cr)
	})
}

// VerifyStoreChangeCode checks the code and returns the grant with the stores.
func (s *SessionService) VerifyStoreChangeCode(code string) (*platform.Grant, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Grant, error) {
		return api.VerifyStoreChangeCode(ctx, cr, code)
	})
}

// ChangeStore moves this terminal to storeID.
func (s *SessionService) ChangeStore(grantToken string, storeID uint) (*platform.TerminalInfo, error) {
	t, err := call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.TerminalInfo, error) {
		return api.ChangeStore(ctx, cr, grantToken, storeID)
	})
	if err != nil {
		return nil, err
	}
	s.c.setTerminal(t)
	return withoutToken(t), nil
}

// ForgetTerminal drops this terminal's token so initialisation runs again (manual §3.1:
// the admin forgot the password; initialisation resets it).
func (s *SessionService) ForgetTerminal() error {
	c := s.c
	if err := c.prefs.SetTerminalToken(""); err != nil {
		c.log.Error("clear terminal token", "err", err)
		return domain.Errorf(domain.CodeInternal, "无法保存终端配置，请检查数据目录的写权限")
	}
	c.setSession("")
	c.setTerminal(nil)
	c.log.Info("terminal token dropped for re-initialisation")
	return nil
}

// withoutToken returns a copy of t without the terminal token: the UI never needs it.
func withoutToken(t *platform.TerminalInfo) *platform.TerminalInfo {
	out := *t
	out.Token = ""
	return &out
}
