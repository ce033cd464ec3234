package platform

import (
	"fmt"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
)

// TestPayOutcomes drives every scripted simulator outcome through Pay and the background
// driver and checks the first answer, the final state, and that it matches the bank's.
func TestPayOutcomes(t *testing.T) {
	e := newPayEnv(t, "RSA", testPoll)
	cases := []struct {
		outcome     int
		first       domain.TradeStatus // what Pay returns
		final       domain.TradeStatus
		bank        string // the simulator's trxstatus at the end
		errMsg      string
		errCode     domain.Code
		minQueries2 bool // the poll needed several queries
	}{
		{outcome: 0, first: domain.StatusSuccess, final: domain.StatusSuccess, bank: "0000"},
		{outcome: 57, first: domain.StatusSuccess, final: domain.StatusSuccess, bank: "0000"},
		{outcome: 90, first: domain.StatusPending, final: domain.StatusSuccess, bank: "0000", minQueries2: true},
		{outcome: 91, first: domain.StatusPending, final: domain.StatusClosed, bank: "3088", errMsg: "订单已关闭"},
		{outcome: 92, first: domain.StatusFailed, final: domain.StatusFailed, bank: "3999", errMsg: "余额不足", errCode: domain.CodePayFailed},
		{outcome: 93, first: domain.StatusPending, final: domain.StatusSuccess, bank: "0000"},
		{outcome: 94, first: domain.StatusPending, final: domain.StatusSuccess, bank: "0000"},
		{outcome: 95, first: domain.StatusPending, final: domain.StatusSuccess, bank: "0000"},
		{outcome: 96, first: domain.StatusPending, final: domain.StatusSuccess, bank: "0000"},
		{outcome: 97, first: domain.StatusPending, final: domain.StatusFailed, bank: "3088", errMsg: "交易未支付,已关闭", minQueries2: true},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("outcome%02d", c.outcome), func(t *testing.T) {
			t.Parallel()
			creds := e.login(e.store, domain.RoleCashier, "cashier123")
			code := e.code(c.outcome)
			tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 1234, AuthCode: code, Source: "manual"})
			if domain.CodeOf(err) != c.errCode && !(err == nil && c.errCode == "") {
				t.Fatalf("Pay error = %v; want code %q", err, c.errCode)
			}
			if tr == nil || domain.TradeStatus(tr.Status) != c.first {
				t.Fatalf("Pay returned %+v; want status %s", tr, c.first)
			}
			if c.errCode != "" && domain.AsError(err).Message != c.errMsg {
				t.Errorf("error message %q; want the acquirer's %q", domain.AsError(err).Message, c.errMsg)
			}
			got := e.waitSettled(creds, tr.ID)
			bank, ok := e.bankTrade(got.ReqSN)
			if domain.TradeStatus(got.Status) != c.final || !ok || bank.Status != c.bank {
				t.Fatalf("final %s (errmsg %q), bank %+v; want %s and bank %s", got.Status, got.ErrMsg, bank, c.final, c.bank)
			}
			if got.ErrMsg != c.errMsg {
				t.Errorf("ErrMsg = %q; want %q", got.ErrMsg, c.errMsg)
			}
			if got.TrxID != bank.TrxID || got.CodeMasked != domain.MaskCode(code) || got.Amount != bank.Amount {
				t.Errorf("ledger %+v does not match bank %+v", got, bank)
			}
			if n := e.bankPays(code); n != 1 {
				t.Errorf("bank saw %d pays of the code; want exactly 1", n)
			}
			var queries int
			must(t, e.db.Table("trades").Select("queries").Where("id = ?", tr.ID).Scan(&queries).Error)
			if c.minQueries2 && queries < 2 {
				t.Errorf("queries = %d; the trade was not polled", queries)
			}
		})
	}
	t.Run("no full code in logs", func(t *testing.T) {
		creds := e.login(e.store, domain.RoleCashier, "cashier123")
		code := e.code(96)
		tr, _ := e.svc.Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: code})
		e.waitSettled(creds, tr.ID)
		logs := e.logs.String()
		if strings.Contains(logs, code) || !strings.Contains(logs, domain.MaskCode(code)) {
			t.Fatalf("logs must show the code only masked (%s):\n%s", domain.MaskCode(code), logs)
		}
	})
}

// TestPayInputRejected checks the validation done before anything is persisted.
func TestPayInputRejected(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	cases := []struct {
		in   PayInput
		code domain.Code
	}{
		{PayInput{Amount: 0, AuthCode: e.code(0)}, domain.CodeAmountZero},
		{PayInput{Amount: -5, AuthCode: e.code(0)}, domain.CodeAmountZero},
		{PayInput{Amount: domain.DefaultPayLimit + 1, AuthCode: e.code(0)}, domain.CodeAmountTooLarge},
		{PayInput{Amount: 100, AuthCode: "12345"}, domain.CodePayCodeInvalid},
		{PayInput{Amount: 100, AuthCode: e.code(0), Source: "camera"}, domain.CodeInvalidInput},
		{PayInput{Amount: 100, AuthCode: e.code(0), Remark: "a&b"}, domain.CodeInvalidInput},
	}
	for _, c := range cases {
		if _, err := e.svc.Pay(t.Context(), creds, c.in); domain.CodeOf(err) != c.code {
			t.Errorf("Pay(%+v) = %v; want %s", c.in, err, c.code)
		}
	}
	if _, err := e.svc.Pay(t.Context(), Creds{TerminalToken: "x"}, PayInput{Amount: 1, AuthCode: e.code(0)}); domain.CodeOf(err) != domain.CodeUnauthenticated {
		t.Errorf("Pay without a session = %v", err)
	}
	var n int64
	e.db.Table("trades").Count(&n)
	if n != 0 || len(e.sim.Trades()) != 0 {
		t.Fatalf("rejected input left %d trades, bank saw %d", n, len(e.sim.Trades()))
	}
}
