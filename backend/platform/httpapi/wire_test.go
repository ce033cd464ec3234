package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/store"
)

func TestBadRequests(t *testing.T) {
	e := newEnv(t)
	term := e.initTerminal(t)
	a := e.admin(t, term)
	auth := map[string]string{httpapi.HeaderTerminal: term, httpapi.HeaderAuth: "Bearer " + a.SessionToken}
	api := e.url + "/api/v1/"
	cases := []struct {
		name, path, body string
		hdr              map[string]string
		status           int
		code             domain.Code
	}{
		{"unknown field", "cashiers/add", `{"account":"05","password":"abc12345","name":"x","role":"admin"}`, auth, 400, domain.CodeInvalidInput},
		{"wrong type", "cashiers/add", `{"account":5}`, auth, 400, domain.CodeInvalidInput},
		{"not json", "cashiers/add", `account=05`, auth, 400, domain.CodeInvalidInput},
		{"trailing data", "cashiers/add", `{"account":"05"} {"x":1}`, auth, 400, domain.CodeInvalidInput},
		{"too big", "cashiers/add", `{"remark":"` + strings.Repeat("x", httpapi.MaxBodyBytes) + `"}`, auth, 400, domain.CodeInvalidInput},
		{"no terminal", "me", `{}`, nil, 401, domain.CodeUnauthenticated},
		{"no session", "me", `{}`, map[string]string{httpapi.HeaderTerminal: term}, 401, domain.CodeUnauthenticated},
		{"forged session", "me", `{}`, map[string]string{httpapi.HeaderTerminal: term, httpapi.HeaderAuth: "Bearer AAAA"}, 401, domain.CodeUnauthenticated},
		{"not bearer", "me", `{}`, map[string]string{httpapi.HeaderTerminal: term, httpapi.HeaderAuth: "Basic " + a.SessionToken}, 401, domain.CodeUnauthenticated},
		{"forged terminal", "terminal", `{}`, map[string]string{httpapi.HeaderTerminal: strings.Repeat("A", 43)}, 401, domain.CodeUnauthenticated},
		{"huge token", "terminal", `{}`, map[string]string{httpapi.HeaderTerminal: strings.Repeat("A", 5000)}, 401, domain.CodeUnauthenticated},
		{"unknown call", "nope", `{}`, auth, 404, domain.CodeNotFound},
		{"sql in account", "cashiers/add", `{"account":"1' OR '1'='1","password":"abc12345","name":"x"}`, auth, 400, domain.CodeInvalidInput},
		{"empty name", "cashiers/add", `{"account":"05","password":"abc12345","name":""}`, auth, 400, domain.CodeInvalidInput},
	}
	for _, c := range cases {
		resp, body := post(t, api+c.path, c.body, c.hdr)
		var got domain.Error
		if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != c.status || got.Code != c.code || got.Message == "" {
			t.Errorf("%s: %d %s; want %d %s", c.name, resp.StatusCode, body, c.status, c.code)
		}
	}
	// The content type must be JSON.
	req, _ := http.NewRequest(http.MethodPost, api+"me", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set(httpapi.HeaderTerminal, term)
	req.Header.Set(httpapi.HeaderAuth, "Bearer "+a.SessionToken)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 400 {
		t.Fatalf("text/plain accepted: %v %v", resp.Status, err)
	}
	// GET on a call is not allowed.
	if resp, err := http.Get(api + "me"); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("GET /api/v1/me: %v %v", resp.Status, err)
	}
	// Nothing above changed anything.
	list, err := e.api.ListCashiers(context.Background(), a, platform.CashierFilter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("cashiers after bad requests: %+v, %v", list, err)
	}
}

func TestTokensStayOutOfLogs(t *testing.T) {
	e := newEnv(t)
	term := e.initTerminal(t)
	a := e.login(t, term, domain.AdminAccount, domain.InitialPassword)
	ctx := context.Background()
	if err := e.api.ChangePassword(ctx, a, domain.InitialPassword, "Secret2025x"); err != nil {
		t.Fatal(err)
	}
	e.api.Me(ctx, a)
	e.api.Login(ctx, term, domain.AdminAccount, "WrongPass99")
	logs := e.logs.String()
	if !strings.Contains(logs, "path=/api/v1/me") {
		t.Fatalf("no access log: %s", logs)
	}
	for _, secret := range []string{term, a.SessionToken, "Secret2025x", "WrongPass99", domain.InitialPassword} {
		if strings.Contains(logs, secret) {
			t.Fatalf("log contains a secret %q", secret[:4])
		}
	}
	// Only hashes are stored.
	var n int64
	e.db.Model(&store.Session{}).Where("token_hash = ?", a.SessionToken).Count(&n)
	if n != 0 {
		t.Fatal("session token stored in clear")
	}
}

func TestOpenAPIDescribesEveryCall(t *testing.T) {
	e := newEnv(t)
	resp, err := http.Get(e.url + "/openapi.json")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("openapi: %v", err)
	}
	defer resp.Body.Close()
	var spec struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
		Comp    struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&spec); err != nil {
		t.Fatal(err)
	}
	if want := reflect.TypeFor[platform.API]().NumMethod(); len(spec.Paths) != want {
		t.Fatalf("openapi has %d calls, platform.API has %d methods", len(spec.Paths), want)
	}
	for _, name := range []string{"PlatformTrade", "PlatformSessionInfo", "DomainError", "LoginReq"} {
		if spec.Comp.Schemas[name] == nil {
			t.Fatalf("schema %s missing", name)
		}
	}
	login := spec.Paths["/api/v1/login"]["post"]
	if login == nil || login["security"] == nil {
		t.Fatalf("login op = %v", login)
	}
}

func TestSameErrorsEmbeddedAndHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	term := e.initTerminal(t)
	a := e.admin(t, term)
	in := platform.CashierInput{Account: "07", Password: "abc12345", Name: strings.Repeat("名", 21)}
	for _, api := range []platform.API{e.svc, e.api} {
		_, err := api.AddCashier(ctx, a, in)
		de := wantCode(t, err, domain.CodeInvalidInput)
		if de.Field != "name" || de.Message != "姓名不能超过 20 个字" {
			t.Fatalf("%T: %#v", api, de)
		}
	}
	// A server that is down is CodeUnavailable, not a panic or a raw error.
	down := httpapi.NewClient("http://127.0.0.1:1", nil)
	_, err := down.Terminal(ctx, platform.Creds{TerminalToken: term})
	wantCode(t, err, domain.CodeUnavailable)
}
