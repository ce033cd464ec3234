package services_test

import (
	"bufio"
	"net/http"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/posapi"
	"xiaotongfu/backend/services"
)

// TestPosAPIRefundsByOrderNumber: a refund needs the admin password, as on the refund screen;
// with it the payment is refunded at the bank once, however often the POS sends it; the same
// refund number with another amount is refused.
func TestPosAPIRefundsByOrderNumber(t *testing.T) {
	p := newPosHarness(t)
	if r := p.call("POST", "/v1/refunds-nowhere", nil); r.status != 404 {
		t.Fatalf("unknown route: %d", r.status)
	}
	refund := map[string]any{"refundNo": "R1", "amount": 300, "adminPassword": ownerPassword}
	if r := p.call("POST", "/v1/payments/R-1/refunds", refund); r.status != 404 {
		t.Fatalf("refund of an unknown order: %d %+v", r.status, r.body)
	}
	pay := p.call("POST", "/v1/payments?wait=10", map[string]any{"outTradeNo": "R-1", "amount": 1000, "authCode": wechat(7, "00")})
	if pay.body["state"] != posapi.StatePaid {
		t.Fatalf("pay: %+v", pay.body)
	}
	wrong := map[string]any{"refundNo": "R1", "amount": 300, "adminPassword": "Wrong2026x"}
	if r := p.call("POST", "/v1/payments/R-1/refunds", wrong); r.status != 403 || r.code != string(domain.CodeAdminPassword) {
		t.Fatalf("wrong admin password: %d %+v", r.status, r.body)
	}
	noPassword := map[string]any{"refundNo": "R1", "amount": 300}
	if r := p.call("POST", "/v1/payments/R-1/refunds", noPassword); r.status != 400 || r.code != string(domain.CodeInvalidInput) {
		t.Fatalf("no admin password: %d %+v", r.status, r.body)
	}
	first := p.call("POST", "/v1/payments/R-1/refunds", refund)
	if first.status != 200 || first.body["status"] != string(domain.StatusSuccess) || first.body["kind"] != "refund" {
		t.Fatalf("refund: %d %+v", first.status, first.body)
	}
	again := p.call("POST", "/v1/payments/R-1/refunds", refund)
	if again.status != 200 || again.body["reqsn"] != first.body["reqsn"] {
		t.Fatalf("the same refund again: %+v, first %+v", again.body, first.body)
	}
	other := map[string]any{"refundNo": "R1", "amount": 200, "adminPassword": ownerPassword}
	if r := p.call("POST", "/v1/payments/R-1/refunds", other); r.status != 409 || r.code != string(domain.CodeConflict) {
		t.Fatalf("refund number reused with another amount: %d %+v", r.status, r.body)
	}
	refunds := 0
	for _, st := range p.simTrades() {
		if st["kind"] == "refund" {
			refunds++
		}
	}
	got := p.call("GET", "/v1/payments/R-1", nil)
	tr, _ := got.body["trade"].(map[string]any)
	if refunds != 1 || tr["refundedAmount"] != float64(300) {
		t.Fatalf("bank saw %d refunds; order %+v", refunds, got.body)
	}
}

// TestPosAPIStreamsThePayment: the events subscription sends the order until it is paid.
func TestPosAPIStreamsThePayment(t *testing.T) {
	p := newPosHarness(t)
	if r := p.call("POST", "/v1/payments", map[string]any{"outTradeNo": "S-1", "amount": 990}); r.status != 201 {
		t.Fatalf("request: %+v", r.body)
	}
	req, _ := http.NewRequest("GET", p.base+"/v1/payments/S-1/events", nil)
	req.Header.Set("Authorization", "Bearer "+p.key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("subscribe: %v %+v", err, resp)
	}
	defer resp.Body.Close()
	lines := bufio.NewScanner(resp.Body)
	next := func() string {
		for lines.Scan() {
			if d, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				return d
			}
		}
		t.Fatalf("stream ended: %v", lines.Err())
		return ""
	}
	if d := next(); !strings.Contains(d, `"state":"awaiting_code"`) {
		t.Fatalf("first event: %s", d)
	}
	go func() { _, _ = p.pos.PayOrder("S-1", wechat(8, "00")) }()
	var d string
	for d = next(); !strings.Contains(d, `"state":"paid"`); d = next() {
		if !strings.Contains(d, `"state":"processing"`) {
			t.Fatalf("event: %s", d)
		}
	}
	if lines.Scan() && strings.HasPrefix(lines.Text(), "data: ") {
		t.Fatalf("an event after the final one: %s", lines.Text())
	}
}

// TestPosAPIKeepsOrdersAcrossARestart: the order book is the desktop's SQLite file, so a POS
// retry after the app restarted answers the trade charged before, and charges nothing.
func TestPosAPIKeepsOrdersAcrossARestart(t *testing.T) {
	p := newPosHarness(t)
	body := map[string]any{"outTradeNo": "K-1", "amount": 2500, "authCode": wechat(9, "00")}
	first := p.call("POST", "/v1/payments?wait=10", body)
	if first.body["state"] != posapi.StatePaid {
		t.Fatalf("pay: %+v", first.body)
	}
	p.core.Stop()
	pos := services.NewPosService(p.core, p.pay, p.trades, services.PosOptions{Dir: p.dir, Addr: "127.0.0.1:0"})
	st, err := pos.SavePos(true, 0)
	if err != nil || st.Key != p.key {
		t.Fatalf("after restart: %+v %v", st, err)
	}
	p.base = "http://" + st.Addr
	again := p.call("POST", "/v1/payments?wait=5", body)
	if again.status != 200 || again.reqsn() != first.reqsn() || p.simPays(2500) != 1 {
		t.Fatalf("retry after restart: %d %+v", again.status, again.body)
	}
}

// TestPosAPISelfTest: 测试 in the settings reaches the API over loopback with the key; with the
// API off it says so; without the admin logged in nobody may test it, change it or see the key.
func TestPosAPISelfTest(t *testing.T) {
	p := newPosHarness(t)
	res, err := p.pos.TestPos()
	if err != nil || res.Addr != strings.TrimPrefix(p.base, "http://") {
		t.Fatalf("TestPos: %+v %v", res, err)
	}
	if st, err := p.pos.SavePos(false, 0); err != nil || st.State != services.PosOff || st.Key != p.key {
		t.Fatalf("off: %+v %v", st, err)
	}
	if _, err := p.pos.TestPos(); domain.CodeOf(err) != services.CodePosOff {
		t.Fatalf("TestPos while off: %v", err)
	}
	if r, err := http.Get(p.base + "/v1/openapi.yaml"); err == nil {
		r.Body.Close()
		t.Fatal("the API still answers after it was turned off")
	}
	d, _ := services.NewDeviceService(p.core, services.DeviceOptions{}).Settings()
	if d.Pos.Key != "" {
		t.Fatal("DeviceService.Settings shows the POS key")
	}
	if err := p.session.Logout(); err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]func() error{
		"Status":        func() error { _, err := p.pos.Status(); return err },
		"TestPos":       func() error { _, err := p.pos.TestPos(); return err },
		"RegenerateKey": func() error { _, err := p.pos.RegenerateKey(); return err },
		"SavePos":       func() error { _, err := p.pos.SavePos(true, 0); return err },
	} {
		if err := f(); domain.CodeOf(err) != domain.CodeAdminOnly {
			t.Fatalf("%s without the admin: %v", name, err)
		}
	}
}

// TestPosAPIAfterADeclineOnlyANewCodeCharges: a declined code sent again answers the decline
// (the bank sees it once); another code starts attempt 2 and pays the same order.
func TestPosAPIAfterADeclineOnlyANewCodeCharges(t *testing.T) {
	p := newPosHarness(t)
	declined := map[string]any{"outTradeNo": "N-1", "amount": 777, "authCode": wechat(11, "92")}
	first := p.call("POST", "/v1/payments?wait=10", declined)
	if first.body["state"] != posapi.StateFailed || first.body["attempt"] != float64(1) {
		t.Fatalf("declined: %+v", first.body)
	}
	again := p.call("POST", "/v1/payments?wait=10", declined)
	if again.status != 200 || again.reqsn() != first.reqsn() || len(p.simTrades()) != 1 {
		t.Fatalf("the declined code again: %+v (bank %d)", again.body, len(p.simTrades()))
	}
	other := p.call("POST", "/v1/payments?wait=10", map[string]any{"outTradeNo": "N-1", "amount": 777, "authCode": wechat(12, "00")})
	if other.body["state"] != posapi.StatePaid || other.body["attempt"] != float64(2) || other.reqsn() == first.reqsn() {
		t.Fatalf("another code: %+v", other.body)
	}
	if p.simPays(777) != 2 {
		t.Fatalf("bank: %+v", p.simTrades())
	}
	if r := p.call("POST", "/v1/payments?wait=5", map[string]any{"outTradeNo": "N-1", "amount": 777, "authCode": wechat(13, "00")}); r.reqsn() != other.reqsn() || p.simPays(777) != 2 {
		t.Fatalf("a third code after the payment: %+v", r.body)
	}
}

// TestPosAPILongPollsUntilTheBankDecides: a payment the bank is still processing answers
// processing at once, and a GET with ?wait= answers when it is paid.
func TestPosAPILongPollsUntilTheBankDecides(t *testing.T) {
	p := newPosHarness(t)
	first := p.call("POST", "/v1/payments", map[string]any{"outTradeNo": "L-1", "amount": 1500, "authCode": wechat(21, "90")})
	if first.status != 201 || first.body["state"] != posapi.StateProcessing {
		t.Fatalf("POST: %d %+v", first.status, first.body)
	}
	got := p.call("GET", "/v1/payments/L-1?wait=20", nil)
	if got.body["state"] != posapi.StatePaid || p.simPays(1500) != 1 {
		t.Fatalf("GET ?wait: %+v", got.body)
	}
}
