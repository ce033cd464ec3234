package allinpay_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
)

// TestStatementAnswerChecked: the statement answer is verified like any other and its file
// must download and parse in full; every way it can go wrong returns no rows and the right
// error kind.
func TestStatementAnswerChecked(t *testing.T) {
	sc, cc, err := sybsim.PairConfig(allinpay.SignRSA)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := allinpay.NewSigner(allinpay.SignRSA, sc.PlatformKey, allinpay.PlatformUID, "")
	if err != nil {
		t.Fatal(err)
	}
	good := zipOf(t, map[string][]byte{"a.csv": gbk(t, phpHeader+"990,店,1,2026-12-03 10:11:12,VSP501,,,,,,,,1.00,0,2026-12-03,1,A,,9\r\n")})
	var answer func(url string) map[string]string
	var file []byte
	var gotDate string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			if file == nil {
				http.NotFound(w, r)
				return
			}
			_, _ = w.Write(file)
			return
		}
		_ = r.ParseForm()
		gotDate = r.PostForm.Get("date")
		m := answer("http://" + r.Host + "/f.zip")
		if _, ok := m["sign"]; !ok {
			sig, err := signer.Sign(m)
			if err != nil {
				t.Error(err)
			}
			m["sign"] = sig
		}
		_, _ = w.Write([]byte(jsonOf(m)))
	}))
	t.Cleanup(srv.Close)
	cc.StatementURL = srv.URL + "/cusapi/trxfile/get"
	cc.BaseURL = "http://127.0.0.1:1/apiweb"
	client, err := allinpay.New(cc)
	if err != nil {
		t.Fatal(err)
	}
	ok := func(url string) map[string]string {
		return map[string]string{"retcode": "SUCCESS", "cusid": sybsim.DemoCusID, "appid": sybsim.DemoAppID, "url": url}
	}
	cases := map[string]struct {
		answer func(string) map[string]string
		file   []byte
		check  func(error) bool
	}{
		"bad signature": {func(u string) map[string]string { m := ok(u); m["sign"] = "AAAA"; return m }, good, gateway.IsUnknown},
		"no url":        {func(string) map[string]string { return ok("") }, good, gateway.IsUnknown},
		"ftp url":       {func(string) map[string]string { return ok("ftp://x/f.zip") }, good, gateway.IsUnknown},
		"other cusid":   {func(u string) map[string]string { m := ok(u); m["cusid"] = "990000000000009"; return m }, good, gateway.IsUnknown},
		"refused": {func(string) map[string]string {
			return map[string]string{"retcode": "FAIL", "retmsg": "无对账文件"}
		}, good, gateway.IsNotAccepted},
		"file missing":   {ok, nil, gateway.IsUnknown},
		"file not a zip": {ok, []byte("<html>"), func(err error) bool { return errors.Is(err, allinpay.ErrStatement) }},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			answer, file = c.answer, c.file
			s, err := client.Statement(context.Background(), "20261203")
			if s != nil || !c.check(err) {
				t.Fatalf("got %+v, %v", s, err)
			}
		})
	}
	answer, file = ok, good
	s, err := client.Statement(context.Background(), "20261203")
	if err != nil || len(s.Rows) != 1 || s.Rows[0].ReqSN != "A" || s.Date != "20261203" || gotDate != "20261203" {
		t.Fatalf("good answer via StatementURL: %+v, %v (date sent %q)", s, err, gotDate)
	}
}
