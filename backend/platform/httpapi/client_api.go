package httpapi

import (
	"context"

	"xiaotongfu/backend/platform"
)

// list calls name and returns its slice result (never nil on success).
func list[T any](ctx context.Context, c *Client, name string, creds platform.Creds, in any) ([]T, error) {
	out, err := fetch[[]T](ctx, c, name, creds, in)
	if err != nil {
		return nil, err
	}
	if *out == nil {
		return []T{}, nil
	}
	return *out, nil
}

// run calls name for its error only.
func run(ctx context.Context, c *Client, name string, creds platform.Creds, in any) error {
	_, err := fetch[empty](ctx, c, name, creds, in)
	return err
}

var none platform.Creds

// RequestInitCode implements platform.TerminalAPI.
func (c *Client) RequestInitCode(ctx context.Context, merchantNo string) (*platform.SMSChallenge, error) {
	return fetch[platform.SMSChallenge](ctx, c, "init/code", none, merchantNoReq{merchantNo})
}

// VerifyInitCode implements platform.TerminalAPI.
func (c *Client) VerifyInitCode(ctx context.Context, merchantNo, code string) (*platform.Grant, error) {
	return fetch[platform.Grant](ctx, c, "init/verify", none, verifyInitReq{merchantNo, code})
}

// CompleteInit implements platform.TerminalAPI.
func (c *Client) CompleteInit(ctx context.Context, grantToken string, storeID uint, machineID string) (*platform.TerminalInfo, error) {
	return fetch[platform.TerminalInfo](ctx, c, "init/complete", none, initCompleteReq{grantToken, storeID, machineID})
}

// VerifyAdmin implements platform.TerminalAPI.
func (c *Client) VerifyAdmin(ctx context.Context, terminalToken, password string) error {
	return run(ctx, c, "terminal/admin-check", platform.Creds{TerminalToken: terminalToken}, adminCheckReq{password})
}

// Terminal implements platform.TerminalAPI.
func (c *Client) Terminal(ctx context.Context, creds platform.Creds) (*platform.TerminalInfo, error) {
	return fetch[platform.TerminalInfo](ctx, c, "terminal", creds, empty{})
}

// RequestStoreChangeCode implements platform.TerminalAPI.
func (c *Client) RequestStoreChangeCode(ctx context.Context, creds platform.Creds) (*platform.SMSChallenge, error) {
	return fetch[platform.SMSChallenge](ctx, c, "terminal/store/code", creds, empty{})
}

// VerifyStoreChangeCode implements platform.TerminalAPI.
func (c *Client) VerifyStoreChangeCode(ctx context.Context, creds platform.Creds, code string) (*platform.Grant, error) {
	return fetch[platform.Grant](ctx, c, "terminal/store/verify", creds, codeReq{code})
}

// ChangeStore implements platform.TerminalAPI.
func (c *Client) ChangeStore(ctx context.Context, creds platform.Creds, grantToken string, storeID uint) (*platform.TerminalInfo, error) {
	return fetch[platform.TerminalInfo](ctx, c, "terminal/store/change", creds, grantStoreReq{grantToken, storeID})
}

// ListTerminals implements platform.TerminalAPI.
func (c *Client) ListTerminals(ctx context.Context, creds platform.Creds) ([]platform.TerminalRow, error) {
	return list[platform.TerminalRow](ctx, c, "terminals/list", creds, empty{})
}

// RevokeTerminal implements platform.TerminalAPI.
func (c *Client) RevokeTerminal(ctx context.Context, creds platform.Creds, termNo string) error {
	return run(ctx, c, "terminals/revoke", creds, termNoReq{termNo})
}

// Login implements platform.AccountAPI.
func (c *Client) Login(ctx context.Context, terminalToken, account, password string) (*platform.SessionInfo, error) {
	return fetch[platform.SessionInfo](ctx, c, "login", platform.Creds{TerminalToken: terminalToken}, loginReq{account, password})
}

// Logout implements platform.AccountAPI.
func (c *Client) Logout(ctx context.Context, creds platform.Creds) error {
	return run(ctx, c, "logout", creds, empty{})
}

// Me implements platform.AccountAPI.
func (c *Client) Me(ctx context.Context, creds platform.Creds) (*platform.Profile, error) {
	return fetch[platform.Profile](ctx, c, "me", creds, empty{})
}

// ChangePassword implements platform.AccountAPI.
func (c *Client) ChangePassword(ctx context.Context, creds platform.Creds, oldPassword, newPassword string) error {
	return run(ctx, c, "me/password", creds, passwordReq{oldPassword, newPassword})
}

// ListCashiers implements platform.CashierAPI.
func (c *Client) ListCashiers(ctx context.Context, creds platform.Creds, f platform.CashierFilter) ([]platform.Profile, error) {
	return list[platform.Profile](ctx, c, "cashiers/list", creds, f)
}

// AddCashier implements platform.CashierAPI.
func (c *Client) AddCashier(ctx context.Context, creds platform.Creds, in platform.CashierInput) (*platform.Profile, error) {
	return fetch[platform.Profile](ctx, c, "cashiers/add", creds, in)
}

// UpdateCashier implements platform.CashierAPI.
func (c *Client) UpdateCashier(ctx context.Context, creds platform.Creds, account string, in platform.CashierInput) (*platform.Profile, error) {
	return fetch[platform.Profile](ctx, c, "cashiers/update", creds, updateCashierReq{account, in.Name, in.Phone, in.Remark})
}

// NewCaptcha implements platform.CashierAPI.
func (c *Client) NewCaptcha(ctx context.Context, creds platform.Creds) (*platform.Captcha, error) {
	return fetch[platform.Captcha](ctx, c, "cashiers/captcha", creds, empty{})
}

// ResetPassword implements platform.CashierAPI.
func (c *Client) ResetPassword(ctx context.Context, creds platform.Creds, account, captchaID, captchaAnswer string) error {
	return run(ctx, c, "cashiers/reset-password", creds, resetReq{account, captchaID, captchaAnswer})
}

// DeleteCashier implements platform.CashierAPI.
func (c *Client) DeleteCashier(ctx context.Context, creds platform.Creds, account string) error {
	return run(ctx, c, "cashiers/delete", creds, accountReq{account})
}

// ListNotices implements platform.NoticeAPI.
func (c *Client) ListNotices(ctx context.Context, creds platform.Creds, limit int) ([]platform.Notice, error) {
	return list[platform.Notice](ctx, c, "notices/list", creds, limitReq{limit})
}

// ReadNotice implements platform.NoticeAPI.
func (c *Client) ReadNotice(ctx context.Context, creds platform.Creds, id uint) (*platform.Notice, error) {
	return fetch[platform.Notice](ctx, c, "notices/read", creds, idReq{id})
}

// Pay implements platform.PaymentAPI. A declined payment returns its trade with the error.
func (c *Client) Pay(ctx context.Context, creds platform.Creds, in platform.PayInput) (*platform.Trade, error) {
	return fetch[platform.Trade](ctx, c, "pay", creds, in)
}

// GetTrade implements platform.PaymentAPI.
func (c *Client) GetTrade(ctx context.Context, creds platform.Creds, id uint) (*platform.Trade, error) {
	return fetch[platform.Trade](ctx, c, "trades/get", creds, idReq{id})
}

// FindTrade implements platform.PaymentAPI.
func (c *Client) FindTrade(ctx context.Context, creds platform.Creds, tradeNo string) (*platform.Trade, error) {
	return fetch[platform.Trade](ctx, c, "trades/find", creds, tradeNoReq{tradeNo})
}

// ListTrades implements platform.PaymentAPI.
func (c *Client) ListTrades(ctx context.Context, creds platform.Creds, f platform.TradeFilter) (*platform.TradePage, error) {
	return fetch[platform.TradePage](ctx, c, "trades/list", creds, f)
}

// Cancel implements platform.PaymentAPI.
func (c *Client) Cancel(ctx context.Context, creds platform.Creds, in platform.ReverseInput) (*platform.Trade, error) {
	return fetch[platform.Trade](ctx, c, "trades/cancel", creds, in)
}

// Refund implements platform.PaymentAPI.
func (c *Client) Refund(ctx context.Context, creds platform.Creds, in platform.ReverseInput) (*platform.Trade, error) {
	return fetch[platform.Trade](ctx, c, "trades/refund", creds, in)
}

// DayStats implements platform.PaymentAPI.
func (c *Client) DayStats(ctx context.Context, creds platform.Creds, day string) (*platform.DayStats, error) {
	return fetch[platform.DayStats](ctx, c, "trades/stats", creds, dayReq{day})
}

// PeriodStats implements platform.PaymentAPI.
func (c *Client) PeriodStats(ctx context.Context, creds platform.Creds, f platform.TradeFilter) (*platform.DayStats, error) {
	return fetch[platform.DayStats](ctx, c, "trades/period-stats", creds, f)
}

// TradeTotals implements platform.PaymentAPI.
func (c *Client) TradeTotals(ctx context.Context, creds platform.Creds, f platform.TradeFilter) (*platform.TradeTotals, error) {
	return fetch[platform.TradeTotals](ctx, c, "trades/totals", creds, f)
}

// TradeStores implements platform.PaymentAPI.
func (c *Client) TradeStores(ctx context.Context, creds platform.Creds) ([]platform.StoreInfo, error) {
	out, err := fetch[[]platform.StoreInfo](ctx, c, "trades/stores", creds, empty{})
	if err != nil {
		return nil, err
	}
	return *out, nil
}

// ClosePay implements platform.PaymentAPI.
func (c *Client) ClosePay(ctx context.Context, creds platform.Creds, id uint) (*platform.Trade, error) {
	return fetch[platform.Trade](ctx, c, "trades/close", creds, idReq{id})
}

// RecheckTrade implements platform.PaymentAPI.
func (c *Client) RecheckTrade(ctx context.Context, creds platform.Creds, id uint) (*platform.Trade, error) {
	return fetch[platform.Trade](ctx, c, "trades/recheck", creds, idReq{id})
}

// HandoverPreview implements platform.HandoverAPI.
func (c *Client) HandoverPreview(ctx context.Context, creds platform.Creds) (*platform.Handover, error) {
	return fetch[platform.Handover](ctx, c, "handover/preview", creds, empty{})
}

// Handover implements platform.HandoverAPI.
func (c *Client) Handover(ctx context.Context, creds platform.Creds) (*platform.Handover, error) {
	return fetch[platform.Handover](ctx, c, "handover", creds, empty{})
}

// Handovers implements platform.HandoverAPI.
func (c *Client) Handovers(ctx context.Context, creds platform.Creds, f platform.HandoverFilter) (*platform.HandoverPage, error) {
	return fetch[platform.HandoverPage](ctx, c, "handovers/list", creds, f)
}

// Reconciliation implements platform.ReconcileAPI.
func (c *Client) Reconciliation(ctx context.Context, creds platform.Creds, day string) (*platform.ReconcileReport, error) {
	return fetch[platform.ReconcileReport](ctx, c, "reconcile/report", creds, dayReq{Day: day})
}

// Reconcile implements platform.ReconcileAPI.
func (c *Client) Reconcile(ctx context.Context, creds platform.Creds, day string) (*platform.ReconcileReport, error) {
	return fetch[platform.ReconcileReport](ctx, c, "reconcile/run", creds, dayReq{Day: day})
}

// ReconcileOpen implements platform.ReconcileAPI.
func (c *Client) ReconcileOpen(ctx context.Context, creds platform.Creds) (*platform.ReconcileCount, error) {
	return fetch[platform.ReconcileCount](ctx, c, "reconcile/open", creds, empty{})
}
