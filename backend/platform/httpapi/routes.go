// Package httpapi serves platform.API as JSON over HTTP (NewServer, used by xtfd) and
// implements platform.API against such a server (NewClient, used by the desktop in networked
// mode). Every call is a POST of a JSON object to /api/v1/<name>; the terminal token travels
// in the X-Terminal-Token header and the session token in Authorization: Bearer, never in
// URLs or logs. Errors are JSON {code, message, field, params} and come back out of the
// Client as *domain.Error, so the UI treats embedded and HTTP the same.
package httpapi

import (
	"context"
	"reflect"

	"xiaotongfu/backend/platform"
)

// Headers that carry the credentials.
const (
	HeaderTerminal = "X-Terminal-Token"
	HeaderAuth     = "Authorization"
)

// auth says which credentials a route needs.
type auth int

const (
	authNone     auth = iota // initialisation
	authTerminal             // the terminal token (Terminal, Login)
	authSession              // terminal token and session token
)

// Request bodies that are not platform DTOs.
type (
	merchantNoReq struct {
		MerchantNo string `json:"merchantNo"`
	}
	verifyInitReq struct {
		MerchantNo string `json:"merchantNo"`
		Code       string `json:"code"`
	}
	grantStoreReq struct {
		GrantToken string `json:"grantToken"`
		StoreID    uint   `json:"storeId"`
	}
	initCompleteReq struct {
		GrantToken string `json:"grantToken"`
		StoreID    uint   `json:"storeId"`
		MachineID  string `json:"machineId,omitempty"`
	}
	adminCheckReq struct {
		Password string `json:"password"`
	}
	codeReq struct {
		Code string `json:"code"`
	}
	loginReq struct {
		Account  string `json:"account"`
		Password string `json:"password"`
	}
	passwordReq struct {
		OldPassword string `json:"oldPassword"`
		NewPassword string `json:"newPassword"`
	}
	accountReq struct {
		Account string `json:"account"`
	}
	updateCashierReq struct {
		Account string `json:"account"`
		Name    string `json:"name"`
		Phone   string `json:"phone"`
		Remark  string `json:"remark"`
	}
	resetReq struct {
		Account       string `json:"account"`
		CaptchaID     string `json:"captchaId"`
		CaptchaAnswer string `json:"captchaAnswer"`
	}
	limitReq struct {
		Limit int `json:"limit"`
	}
	idReq struct {
		ID uint `json:"id"`
	}
	dayReq struct {
		Day string `json:"day"`
	}
	tradeNoReq struct {
		TradeNo string `json:"tradeNo"`
	}
	termNoReq struct {
		TermNo string `json:"termNo"`
	}
	// empty is the body of calls without arguments and the answer of calls without a result.
	empty struct{}
)

// route is one API call: its name (the path after /api/v1/), the credentials it needs, its
// request and response types, and how the server runs it.
type route struct {
	Name    string
	Summary string
	Auth    auth
	Req     reflect.Type
	Resp    reflect.Type
	run     func(ctx context.Context, api platform.API, creds platform.Creds, req any) (any, error)
}

// rpc builds a route from a typed function.
func rpc[Req, Resp any](name, summary string, a auth, fn func(context.Context, platform.API, platform.Creds, *Req) (Resp, error)) route {
	return route{Name: name, Summary: summary, Auth: a,
		Req: reflect.TypeFor[Req](), Resp: reflect.TypeFor[Resp](),
		run: func(ctx context.Context, api platform.API, c platform.Creds, req any) (any, error) {
			return fn(ctx, api, c, req.(*Req))
		}}
}

// done adapts an error-only call to a route answer.
func done(err error) (empty, error) { return empty{}, err }

// routes is the whole API, in the order /openapi.json lists it.
var routes = []route{
	rpc("init/code", "发送初始化短信验证码（§1）", authNone, func(ctx context.Context, a platform.API, _ platform.Creds, r *merchantNoReq) (*platform.SMSChallenge, error) {
		return a.RequestInitCode(ctx, r.MerchantNo)
	}),
	rpc("init/verify", "校验初始化验证码，返回授权与门店列表", authNone, func(ctx context.Context, a platform.API, _ platform.Creds, r *verifyInitReq) (*platform.Grant, error) {
		return a.VerifyInitCode(ctx, r.MerchantNo, r.Code)
	}),
	rpc("init/complete", "选择门店，完成初始化，返回终端令牌（同一电脑沿用终端号）", authNone, func(ctx context.Context, a platform.API, _ platform.Creds, r *initCompleteReq) (*platform.TerminalInfo, error) {
		return a.CompleteInit(ctx, r.GrantToken, r.StoreID, r.MachineID)
	}),
	rpc("terminal/admin-check", "未登录时校验管理员密码（登录界面的连接设置）", authTerminal, func(ctx context.Context, a platform.API, c platform.Creds, r *adminCheckReq) (empty, error) {
		return done(a.VerifyAdmin(ctx, c.TerminalToken, r.Password))
	}),
	rpc("terminal", "本终端信息", authTerminal, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) (*platform.TerminalInfo, error) {
		return a.Terminal(ctx, c)
	}),
	rpc("terminal/store/code", "发送更换门店验证码（§2.1）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) (*platform.SMSChallenge, error) {
		return a.RequestStoreChangeCode(ctx, c)
	}),
	rpc("terminal/store/verify", "校验更换门店验证码", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *codeReq) (*platform.Grant, error) {
		return a.VerifyStoreChangeCode(ctx, c, r.Code)
	}),
	rpc("terminal/store/change", "更换门店", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *grantStoreReq) (*platform.TerminalInfo, error) {
		return a.ChangeStore(ctx, c, r.GrantToken, r.StoreID)
	}),
	rpc("terminals/list", "终端管理：本商户的终端（管理员）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) ([]platform.TerminalRow, error) {
		return a.ListTerminals(ctx, c)
	}),
	rpc("terminals/revoke", "停用其他终端（管理员）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *termNoReq) (empty, error) {
		return done(a.RevokeTerminal(ctx, c, r.TermNo))
	}),
	rpc("login", "登录并绑定本终端（§3）", authTerminal, func(ctx context.Context, a platform.API, c platform.Creds, r *loginReq) (*platform.SessionInfo, error) {
		return a.Login(ctx, c.TerminalToken, r.Account, r.Password)
	}),
	rpc("logout", "退出登录并解除绑定（§2.4）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) (empty, error) {
		return done(a.Logout(ctx, c))
	}),
	rpc("me", "个人信息（§2.2）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) (*platform.Profile, error) {
		return a.Me(ctx, c)
	}),
	rpc("me/password", "修改个人密码（§2.3）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *passwordReq) (empty, error) {
		return done(a.ChangePassword(ctx, c, r.OldPassword, r.NewPassword))
	}),
	rpc("cashiers/list", "查询收银员（§8.5，管理员）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *platform.CashierFilter) ([]platform.Profile, error) {
		return a.ListCashiers(ctx, c, *r)
	}),
	rpc("cashiers/add", "新增收银员", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *platform.CashierInput) (*platform.Profile, error) {
		return a.AddCashier(ctx, c, *r)
	}),
	rpc("cashiers/update", "编辑收银员姓名、手机号、备注", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *updateCashierReq) (*platform.Profile, error) {
		return a.UpdateCashier(ctx, c, r.Account, platform.CashierInput{Name: r.Name, Phone: r.Phone, Remark: r.Remark})
	}),
	rpc("cashiers/captcha", "重置密码用的图片验证码", authSession, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) (*platform.Captcha, error) {
		return a.NewCaptcha(ctx, c)
	}),
	rpc("cashiers/reset-password", "重置为初始密码（需图片验证码）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *resetReq) (empty, error) {
		return done(a.ResetPassword(ctx, c, r.Account, r.CaptchaID, r.CaptchaAnswer))
	}),
	rpc("cashiers/delete", "删除收银员", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *accountReq) (empty, error) {
		return done(a.DeleteCashier(ctx, c, r.Account))
	}),
	rpc("notices/list", "公告列表，最新在前（§7）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *limitReq) ([]platform.Notice, error) {
		return a.ListNotices(ctx, c, r.Limit)
	}),
	rpc("notices/read", "公告详情（标记已读）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *idReq) (*platform.Notice, error) {
		return a.ReadNotice(ctx, c, r.ID)
	}),
	rpc("pay", "收款（§4）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *platform.PayInput) (*platform.Trade, error) {
		return a.Pay(ctx, c, *r)
	}),
	rpc("trades/get", "单笔交易", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *idReq) (*platform.Trade, error) {
		return a.GetTrade(ctx, c, r.ID)
	}),
	rpc("trades/find", "按单号查找交易（任意日期，撤销/退货）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *tradeNoReq) (*platform.Trade, error) {
		return a.FindTrade(ctx, c, r.TradeNo)
	}),
	rpc("trades/list", "交易查询（§5.1）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *platform.TradeFilter) (*platform.TradePage, error) {
		return a.ListTrades(ctx, c, *r)
	}),
	rpc("trades/cancel", "交易撤销（§6.1，需管理员密码）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *platform.ReverseInput) (*platform.Trade, error) {
		return a.Cancel(ctx, c, *r)
	}),
	rpc("trades/refund", "交易退货（§6.2，需管理员密码）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *platform.ReverseInput) (*platform.Trade, error) {
		return a.Refund(ctx, c, *r)
	}),
	rpc("trades/stats", "当日统计（§5.3）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *dayReq) (*platform.DayStats, error) {
		return a.DayStats(ctx, c, r.Day)
	}),
	rpc("trades/totals", "交易查询合计：筛选条件下全部交易的笔数与金额", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *platform.TradeFilter) (*platform.TradeTotals, error) {
		return a.TradeTotals(ctx, c, *r)
	}),
	rpc("trades/period-stats", "按日期范围统计（按日、按支付方式）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *platform.TradeFilter) (*platform.DayStats, error) {
		return a.PeriodStats(ctx, c, *r)
	}),
	rpc("trades/stores", "可查询的门店（管理员）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) ([]platform.StoreInfo, error) {
		return a.TradeStores(ctx, c)
	}),
	rpc("trades/close", "撤销本笔：关闭本机支付中的收款（§4.1）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *idReq) (*platform.Trade, error) {
		return a.ClosePay(ctx, c, r.ID)
	}),
	rpc("trades/recheck", "待确认交易立即重新查询（管理员）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *idReq) (*platform.Trade, error) {
		return a.RecheckTrade(ctx, c, r.ID)
	}),
	rpc("handover/preview", "交接班预览：本班次若现在交接的内容", authSession, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) (*platform.Handover, error) {
		return a.HandoverPreview(ctx, c)
	}),
	rpc("handover", "交接班：结束本收银员在本终端的班次（不可更改）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) (*platform.Handover, error) {
		return a.Handover(ctx, c)
	}),
	rpc("handovers/list", "交接班记录（管理员：全门店；收银员：本人）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *platform.HandoverFilter) (*platform.HandoverPage, error) {
		return a.Handovers(ctx, c, *r)
	}),
	rpc("reconcile/report", "对账结果：某日（空为最近一次）与通联对账单的差异（管理员）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *dayReq) (*platform.ReconcileReport, error) {
		return a.Reconciliation(ctx, c, r.Day)
	}),
	rpc("reconcile/run", "立即对账：下载某日（空为昨日）对账单并核对（管理员）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, r *dayReq) (*platform.ReconcileReport, error) {
		return a.Reconcile(ctx, c, r.Day)
	}),
	rpc("reconcile/open", "未处理的对账差异笔数（管理员，主界面角标）", authSession, func(ctx context.Context, a platform.API, c platform.Creds, _ *empty) (*platform.ReconcileCount, error) {
		return a.ReconcileOpen(ctx, c)
	}),
}
