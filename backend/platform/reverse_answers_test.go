package platform

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
)

// answerSigned writes an accepted answer with fields, signed with the env's MD5 key as the
// bank would.
func (e *payEnv) answerSigned(w http.ResponseWriter, fields map[string]string) {
	fields["retcode"], fields["cusid"], fields["appid"] = "SUCCESS", sybsim.DemoCusID, sybsim.DemoAppID
	fields["randomstr"], fields["signtype"] = "r4nd0m", allinpay.SignMD5
	signer, err := allinpay.NewSigner(allinpay.SignMD5, nil, "", e.cc.MD5Key)
	must(e.t, err)
	sig, err := signer.Sign(fields)
	must(e.t, err)
	fields["sign"] = sig
	must(e.t, json.NewEncoder(w).Encode(fields))
}

// TestCancel3089KeepsReservation: a cancel answered 3089 (撤销异常; the bank refunds within
// 24 h if funds were hit) is not a failure: the cancel ends unknown (待确认) and flagged, and
// the payment's amount stays reserved, so nobody refunds it a second time meanwhile.
func TestCancel3089KeepsReservation(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	orig := paidTrade(t, e, admin, 700)
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/apiweb"+allinpay.PathCancel {
			return false
		}
		must(t, r.ParseForm())
		e.answerSigned(w, map[string]string{"reqsn": r.PostForm.Get("reqsn"), "trxstatus": "3089", "errmsg": "撤销异常"})
		return true
	})
	c, err := e.svc.Cancel(t.Context(), admin, ReverseInput{TradeNo: orig.ReqSN, AdminPassword: adminPW})
	if err != nil || c.Status == string(domain.StatusFailed) {
		t.Fatalf("cancel answered 3089 = %+v, %v; want pending", c, err)
	}
	got := e.waitSettled(admin, c.ID)
	if got.Status != string(domain.StatusUnknown) || !strings.Contains(got.ErrMsg, "撤销异常") {
		t.Fatalf("cancel ended %s (%q); want unknown and flagged", got.Status, got.ErrMsg)
	}
	o, _ := e.svc.GetTrade(t.Context(), admin, orig.ID)
	if o.RefundedAmount != 700 || o.Status != string(domain.StatusSuccess) {
		t.Fatalf("original after 3089: %s, reserved %d; want success with 700 reserved", o.Status, o.RefundedAmount)
	}
	if _, err := e.svc.Refund(t.Context(), admin, ReverseInput{TradeNo: orig.ReqSN, Amount: 100, AdminPassword: adminPW}); domain.CodeOf(err) != domain.CodeReverseNotAllowed {
		t.Fatalf("refund while the cancel is unresolved: %v; want %s", err, domain.CodeReverseNotAllowed)
	}
}

// TestCancel3050MarksOriginalCancelled: the payment was already cancelled at the bank (from
// the 收银宝 app); our cancel is answered 3050. The original is cancelled, so it is recorded
// as cancelled and the cancel is not a failure.
func TestCancel3050MarksOriginalCancelled(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	admin := e.login(e.store, domain.RoleAdmin, adminPW)
	orig := paidTrade(t, e, admin, 1000)
	_, err := e.gw.Cancel(t.Context(), gateway.ReverseRequest{ReqSN: "outside0002", Amount: 1000,
		OldReqSN: orig.ReqSN, OldTrxID: orig.TrxID})
	must(t, err)
	c, err := e.svc.Cancel(t.Context(), admin, ReverseInput{TradeNo: orig.ReqSN, AdminPassword: adminPW})
	if err != nil || c.Status != string(domain.StatusSuccess) {
		t.Fatalf("cancel of a cancelled trade = %+v, %v; want success (already cancelled)", c, err)
	}
	o, _ := e.svc.GetTrade(t.Context(), admin, orig.ID)
	if o.Status != string(domain.StatusCancelled) || o.RefundedAmount != 1000 {
		t.Fatalf("original: %s, reversed %d; want cancelled, 1000", o.Status, o.RefundedAmount)
	}
}
