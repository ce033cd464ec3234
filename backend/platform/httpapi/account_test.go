package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/captcha/captchatest"
)

func TestInitOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, err := e.api.RequestInitCode(ctx, "12ab")
	if de := wantCode(t, err, domain.CodeInvalidInput); de.Field != "merchantNo" {
		t.Fatalf("field %q", de.Field)
	}
	// An unregistered number is told as such, on the merchant field (issue 10).
	_, err = e.api.RequestInitCode(ctx, "123456789")
	if de := wantCode(t, err, domain.CodeMerchantUnknown); de.Field != "merchantNo" || !strings.Contains(de.Message, "商户号 123456789 不存在") {
		t.Fatalf("unregistered merchant: %+v", de)
	}
	_, err = e.api.VerifyInitCode(ctx, "123456789", "000000")
	wantCode(t, err, domain.CodeMerchantUnknown)
	resp, body := post(t, e.url+"/api/v1/init/code", `{"merchantNo":"123456789"}`, nil)
	if resp.StatusCode != http.StatusNotFound || resp.Header.Get("X-Error-Code") != "merchant_unknown" ||
		!strings.Contains(body, `"field":"merchantNo"`) {
		t.Fatalf("wire: %d %s %s", resp.StatusCode, resp.Header.Get("X-Error-Code"), body)
	}
	ch, err := e.api.RequestInitCode(ctx, merchantNo)
	if err != nil || ch.MaskedPhone != "139****5678" {
		t.Fatalf("challenge %+v, %v", ch, err)
	}
	_, err = e.api.RequestInitCode(ctx, merchantNo)
	wantCode(t, err, domain.CodeSMSTooSoon)
	right := e.code()
	wrong := "000000"
	if right == wrong {
		wrong = "111111"
	}
	de := wantCode(t, func() error { _, err := e.api.VerifyInitCode(ctx, merchantNo, wrong); return err }(), domain.CodeSMSInvalid)
	if de.Params["left"] != float64(4) {
		t.Fatalf("params %v", de.Params)
	}
	for range 3 {
		e.api.VerifyInitCode(ctx, merchantNo, wrong)
	}
	_, err = e.api.VerifyInitCode(ctx, merchantNo, wrong)
	wantCode(t, err, domain.CodeSMSTooMany)
	_, err = e.api.VerifyInitCode(ctx, merchantNo, right)
	wantCode(t, err, domain.CodeSMSTooMany)
	e.advance(platform.SMSResend)
	e.api.RequestInitCode(ctx, merchantNo)
	e.advance(platform.SMSCodeTTL + time.Second)
	_, err = e.api.VerifyInitCode(ctx, merchantNo, e.code())
	wantCode(t, err, domain.CodeSMSExpired)

	e.advance(platform.SMSResend)
	e.api.RequestInitCode(ctx, merchantNo)
	g, err := e.api.VerifyInitCode(ctx, merchantNo, e.code())
	if err != nil || len(g.Stores) != 2 {
		t.Fatalf("grant %+v, %v", g, err)
	}
	_, err = e.api.CompleteInit(ctx, g.Token, 0, "")
	wantCode(t, err, domain.CodeInvalidInput)
	info, err := e.api.CompleteInit(ctx, g.Token, e.stores[1].ID, "")
	if err != nil || info.StoreName != "二号店" || info.Token == "" {
		t.Fatalf("terminal %+v, %v", info, err)
	}
	_, err = e.api.CompleteInit(ctx, g.Token, e.stores[1].ID, "")
	wantCode(t, err, domain.CodeUnauthenticated)
	got, err := e.api.Terminal(ctx, platform.Creds{TerminalToken: info.Token})
	if err != nil || got.TermNo != info.TermNo || got.Token != "" {
		t.Fatalf("Terminal %+v, %v", got, err)
	}
	s, err := e.api.Login(ctx, info.Token, domain.AdminAccount, domain.InitialPassword)
	if err != nil || s.Profile.PasswordChanged || s.Profile.Role != "admin" || len(s.Token) < 43 {
		t.Fatalf("first login %+v, %v", s, err)
	}
}

func TestBindingLockAndPasswordOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	termA, _, c02 := e.adminAndCashier(t)
	_, err := e.api.Login(ctx, termA, "02", "abc12345")
	if de := wantCode(t, err, domain.CodeBoundElsewhere); !strings.Contains(de.Message, "退出登录") {
		t.Fatalf("message %q", de.Message)
	}
	if err := e.api.Logout(ctx, c02); err != nil {
		t.Fatal(err)
	}
	_, err = e.api.Me(ctx, c02)
	wantCode(t, err, domain.CodeUnauthenticated)
	c02 = e.login(t, termA, "02", "abc12345")
	p, err := e.api.Me(ctx, c02)
	if err != nil || p.Name != "小李" || p.Role != "cashier" {
		t.Fatalf("Me %+v, %v", p, err)
	}
	// Password change with the stated rule, then the lockout.
	de := wantCode(t, e.api.ChangePassword(ctx, c02, "abc12345", "short1"), domain.CodePasswordShort)
	if de.Field != "newPassword" || de.Params["min"] != float64(8) {
		t.Fatalf("too short over HTTP: %+v", de)
	}
	wantCode(t, e.api.ChangePassword(ctx, c02, "abc12345", "abc12345"), domain.CodePasswordSame)
	wantCode(t, e.api.ChangePassword(ctx, c02, "bad", "Better2025"), domain.CodeInvalidInput)
	if err := e.api.ChangePassword(ctx, c02, "abc12345", "Better2025"); err != nil {
		t.Fatal(err)
	}
	for range platform.MaxFailedLogins - 1 { // the successful change reset the count
		_, err := e.api.Login(ctx, termA, "02", "abc12345")
		wantCode(t, err, domain.CodeLoginFailed)
	}
	_, err = e.api.Login(ctx, termA, "02", "abc12345")
	wantCode(t, err, domain.CodeAccountLocked)
	_, err = e.api.Login(ctx, termA, "02", "Better2025")
	wantCode(t, err, domain.CodeAccountLocked)
	e.advance(platform.LockDuration)
	e.login(t, termA, "02", "Better2025")
}

func TestAdminReinitOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := e.login(t, e.initTerminal(t), domain.AdminAccount, domain.InitialPassword)
	if err := e.api.ChangePassword(ctx, a, domain.InitialPassword, "Admin2025"); err != nil {
		t.Fatal(err)
	}
	term := e.initTerminal(t)
	e.login(t, term, domain.AdminAccount, domain.InitialPassword)
}

func TestStoreChangeOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := e.admin(t, e.initTerminal(t))
	e.advance(platform.SMSResend)
	if _, err := e.api.RequestStoreChangeCode(ctx, a); err != nil {
		t.Fatal(err)
	}
	_, err := e.api.VerifyStoreChangeCode(ctx, a, "12")
	wantCode(t, err, domain.CodeInvalidInput)
	g, err := e.api.VerifyStoreChangeCode(ctx, a, e.code())
	if err != nil {
		t.Fatal(err)
	}
	info, err := e.api.ChangeStore(ctx, a, g.Token, e.stores[1].ID)
	if err != nil || info.StoreName != "二号店" {
		t.Fatalf("ChangeStore %+v, %v", info, err)
	}
}

func TestCashiersOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	term := e.initTerminal(t)
	a := e.admin(t, term)
	_, err := e.api.AddCashier(ctx, a, platform.CashierInput{Account: "03", Password: "abc12345", Name: "王五", Phone: "1381234"})
	if de := wantCode(t, err, domain.CodeInvalidInput); de.Field != "phone" {
		t.Fatalf("field %q", de.Field)
	}
	in := platform.CashierInput{Account: "03", Password: "abc12345", Name: `<b onclick=x>王</b>`, Phone: "13812345678"}
	if _, err := e.api.AddCashier(ctx, a, in); err != nil {
		t.Fatal(err)
	}
	_, err = e.api.AddCashier(ctx, a, in)
	wantCode(t, err, domain.CodeConflict)
	list, err := e.api.ListCashiers(ctx, a, platform.CashierFilter{Phone: "1381234"})
	if err != nil || len(list) != 1 || list[0].Name != in.Name {
		t.Fatalf("list %+v, %v", list, err)
	}
	if list, err := e.api.ListCashiers(ctx, a, platform.CashierFilter{Account: "zz"}); err != nil || list == nil || len(list) != 0 {
		t.Fatalf("empty list %#v, %v", list, err)
	}
	p, err := e.api.UpdateCashier(ctx, a, "03", platform.CashierInput{Name: "王五", Remark: "夜班"})
	if err != nil || p.Remark != "夜班" || p.Phone != "" {
		t.Fatalf("update %+v, %v", p, err)
	}
	c := e.login(t, e.initTerminal(t), "03", "abc12345")
	_, err = e.api.ListCashiers(ctx, c, platform.CashierFilter{})
	wantCode(t, err, domain.CodeForbidden)
	_, err = e.api.NewCaptcha(ctx, c)
	wantCode(t, err, domain.CodeForbidden)
	wantCode(t, e.api.DeleteCashier(ctx, c, "01"), domain.CodeForbidden)

	a = e.admin(t, term) // the init above put 01 back to the initial password
	cp, err := e.api.NewCaptcha(ctx, a)
	if err != nil || !strings.HasPrefix(cp.Image, "data:image/png;base64,") {
		t.Fatalf("captcha %v", err)
	}
	wantCode(t, e.api.ResetPassword(ctx, a, "03", cp.ID, "abcd"), domain.CodeCaptchaInvalid)
	cp, _ = e.api.NewCaptcha(ctx, a)
	answer, err := captchatest.Read(cp.Image)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.api.ResetPassword(ctx, a, "03", cp.ID, answer); err != nil {
		t.Fatal(err)
	}
	_, err = e.api.Me(ctx, c)
	wantCode(t, err, domain.CodeUnauthenticated)
	wantCode(t, e.api.DeleteCashier(ctx, a, domain.AdminAccount), domain.CodeAdminUndeletable)
	if err := e.api.DeleteCashier(ctx, a, "03"); err != nil {
		t.Fatal(err)
	}
	list, _ = e.api.ListCashiers(ctx, a, platform.CashierFilter{})
	if len(list) != 1 || list[0].Account != "01" {
		t.Fatalf("after delete %+v", list)
	}
}

func TestNoticesOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := e.admin(t, e.initTerminal(t))
	for i, title := range []string{"旧公告", "新公告"} {
		if _, err := e.svc.AddNotice(ctx, platform.NoticeInput{Title: title, Body: "正文",
			PublishedAt: e.clock().Add(time.Duration(i-2) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := e.api.ListNotices(ctx, a, 5)
	if err != nil || len(list) != 2 || list[0].Title != "新公告" || list[0].Read {
		t.Fatalf("notices %+v, %v", list, err)
	}
	n, err := e.api.ReadNotice(ctx, a, list[1].ID)
	if err != nil || n.Body != "正文" {
		t.Fatalf("read %+v, %v", n, err)
	}
	list, _ = e.api.ListNotices(ctx, a, 5)
	if list[0].Read || !list[1].Read {
		t.Fatalf("read marks %+v", list)
	}
	_, err = e.api.ReadNotice(ctx, a, 999)
	wantCode(t, err, domain.CodeNotFound)
}
