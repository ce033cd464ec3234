package platform

import (
	"context"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

func TestNotices(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		a := e.admin(t, e.initTerminal(t))
		now := e.clock.Now()
		if _, err := e.svc.AddMerchant(ctx, MerchantInput{MerchantNo: "55555555", Name: "别家", Phone: "13600000000"}); err != nil {
			t.Fatal(err)
		}
		add := func(no, title string, at time.Time) uint {
			n, err := e.svc.AddNotice(ctx, NoticeInput{MerchantNo: no, Title: title, Body: title + " 正文\n第二行", PublishedAt: at})
			if err != nil {
				t.Fatal(err)
			}
			return n.ID
		}
		add("", "全体公告", now.Add(-3*time.Hour))
		mine := add(testMerchantNo, "本商户公告", now.Add(-time.Hour))
		add(testMerchantNo, "<b>最新</b>", now.Add(-time.Minute))
		other := add("55555555", "别家公告", now.Add(-2*time.Hour))
		add("", "未来公告", now.Add(time.Hour))
		list, err := e.svc.ListNotices(ctx, a, 0)
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, n := range list {
			titles = append(titles, n.Title)
			if n.Read || n.Body != "" {
				t.Fatalf("list item %+v", n)
			}
		}
		if strings.Join(titles, ",") != "<b>最新</b>,本商户公告,全体公告" {
			t.Fatalf("titles = %v", titles)
		}
		if l, _ := e.svc.ListNotices(ctx, a, 1); len(l) != 1 {
			t.Fatalf("limit 1 gave %d", len(l))
		}
		n, err := e.svc.ReadNotice(ctx, a, mine)
		if err != nil || n.Body != "本商户公告 正文\n第二行" {
			t.Fatalf("ReadNotice = %+v, %v", n, err)
		}
		if _, err := e.svc.ReadNotice(ctx, a, mine); err != nil {
			t.Fatalf("second read: %v", err)
		}
		list, _ = e.svc.ListNotices(ctx, a, 10)
		if list[0].Read || !list[1].Read {
			t.Fatalf("read marks = %+v", list)
		}
		_, err = e.svc.ReadNotice(ctx, a, other)
		wantCode(t, err, domain.CodeNotFound)
		_, err = e.svc.ListNotices(ctx, Creds{TerminalToken: a.TerminalToken}, 5)
		wantCode(t, err, domain.CodeUnauthenticated)
	})
}

func TestAddNoticeValidation(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		for _, in := range []NoticeInput{{Title: "", Body: "x"}, {Title: "x", Body: " "},
			{Title: strings.Repeat("长", 51), Body: "x"}, {Title: "a\x07", Body: "x"},
			{MerchantNo: "1' or 1=1", Title: "x", Body: "x"}} {
			_, err := e.svc.AddNotice(ctx, in)
			wantCode(t, err, domain.CodeInvalidInput)
		}
		_, err := e.svc.AddNotice(ctx, NoticeInput{MerchantNo: "77777777", Title: "x", Body: "x"})
		wantCode(t, err, domain.CodeMerchantUnknown)
		if n := e.countRows(t, &store.Notice{}, "1 = 1"); n != 0 {
			t.Fatalf("notices = %d", n)
		}
	})
}

func TestSeedDemoIdempotent(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		for range 2 {
			if err := e.svc.SeedDemo(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := e.svc.RequestInitCode(ctx, DemoMerchantNo); err != nil {
			t.Fatal(err)
		}
		g, err := e.svc.VerifyInitCode(ctx, DemoMerchantNo, e.sms.code(DemoPhone))
		if err != nil || len(g.Stores) != 2 || g.Stores[0].Name != DemoStores[0] {
			t.Fatalf("demo grant %+v, %v", g, err)
		}
		info, err := e.svc.CompleteInit(ctx, g.Token, g.Stores[1].ID, "")
		if err != nil || info.MerchantName != DemoMerchantName {
			t.Fatalf("demo init %+v, %v", info, err)
		}
		a := e.admin(t, info.Token)
		list, err := e.svc.ListNotices(ctx, a, 5)
		if err != nil || len(list) != 1 || list[0].Title != DemoNoticeTitle {
			t.Fatalf("demo notices %+v, %v", list, err)
		}
	})
}

func TestAddMerchantAndStoreValidation(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		bad := []MerchantInput{{MerchantNo: "12", Name: "x", Phone: testPhone}, {MerchantNo: "12345678", Name: "", Phone: testPhone},
			{MerchantNo: "12345678", Name: "x", Phone: "1234"}, {MerchantNo: "12345678", Name: "x", Phone: testPhone, AppID: "toolongappid"},
			{MerchantNo: "12345678", Name: "x", Phone: testPhone, PayLimit: -1}}
		for _, in := range bad {
			_, err := e.svc.AddMerchant(ctx, in)
			wantCode(t, err, domain.CodeInvalidInput)
		}
		_, err := e.svc.AddMerchant(ctx, MerchantInput{MerchantNo: testMerchantNo, Name: "dup", Phone: testPhone})
		wantCode(t, err, domain.CodeConflict)
		_, err = e.svc.AddStore(ctx, testMerchantNo, "一号店", "")
		wantCode(t, err, domain.CodeConflict)
		_, err = e.svc.AddStore(ctx, testMerchantNo, strings.Repeat("店", 51), "")
		wantCode(t, err, domain.CodeInvalidInput)
		_, err = e.svc.AddStore(ctx, "99999999", "新店", "")
		wantCode(t, err, domain.CodeMerchantUnknown)
	})
}
