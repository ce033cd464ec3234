package platform

import (
	"errors"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/store"
)

// racePoll gives the interleaving tests room: a first query after 200 ms and a 10 s window;
// the sweep runs only when a test calls it.
var racePoll = PollSchedule{First: 200 * time.Millisecond, Every: 100 * time.Millisecond,
	Window: 10 * time.Second, Sweep: time.Hour, MaxCheck: time.Hour, Lease: 5 * time.Second}

// sweepRace is one way for the sweep to look at a trade while its sender is still sending.
type sweepRace struct {
	name        string
	refund      bool          // a refund rather than a pay
	senderSkew  time.Duration // the sending server's own clock error
	sweeperSkew time.Duration // the sweeping server's own clock error
	twoServers  bool          // the sweep runs on another server, on its own connection
	stall       time.Duration // how long the sender's write to mark it sent is held
}

var sweepRaces = []sweepRace{
	{name: "pay, one server, write stalled past the first query", stall: 300 * time.Millisecond},
	{name: "refund, one server, write stalled past the first query", refund: true, stall: 300 * time.Millisecond},
	{name: "pay, sweeping server 10 s ahead", sweeperSkew: 10 * time.Second, twoServers: true},
	{name: "pay, sending server 10 s behind", senderSkew: -10 * time.Second, twoServers: true},
	{name: "refund, sweeping server 10 s ahead", refund: true, sweeperSkew: 10 * time.Second, twoServers: true},
	{name: "refund, sending server 10 s behind", refund: true, senderSkew: -10 * time.Second, twoServers: true},
}

// TestSweepNeverFailsASentTrade forces the interleaving in which the sweep reads a trade as
// still created, its sender then marks it sent and sends it, and only then does the sweep act:
// the bank's answer must win, the payment code stay locked, the refund total match the bank's.
func TestSweepNeverFailsASentTrade(t *testing.T) {
	for _, kind := range dbKinds {
		for _, c := range sweepRaces {
			t.Run(kind+"/"+c.name, func(t *testing.T) { raceSweepAgainstSend(t, kind, c) })
		}
	}
}

func raceSweepAgainstSend(t *testing.T, kind string, c sweepRace) {
	e := newPayEnvOn(t, kind, "MD5", racePoll)
	sender, sweeper, sweeperDB := e.svc, e.svc, e.db
	if c.senderSkew != 0 {
		sender = e.newSkewedService(e.db, racePoll, c.senderSkew)
	}
	if c.twoServers {
		db2, err := store.Open(e.dbPath)
		must(t, err)
		t.Cleanup(func() { store.Close(db2) })
		sweeper, sweeperDB = e.newSkewedService(db2, racePoll, c.sweeperSkew), db2
	}
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	e.login(e.store, domain.RoleAdmin, "admin-pw-7")
	code := e.code(0)
	var orig *Trade
	path := allinpay.PathPay
	if c.refund {
		var err error
		if orig, err = sender.Pay(t.Context(), creds, PayInput{Amount: 2500, AuthCode: code}); err != nil {
			t.Fatal(err)
		}
		path = allinpay.PathRefund
	}
	held := holdUpdate(t, e.db, string(domain.StatusSent))
	inTransit := e.holdRequest(path)
	done := make(chan *Trade, 1)
	go func() {
		var tr *Trade
		if c.refund {
			tr, _ = sender.Refund(t.Context(), creds, ReverseInput{TradeNo: orig.ReqSN, Amount: 400, AdminPassword: "admin-pw-7"})
		} else {
			tr, _ = sender.Pay(t.Context(), creds, PayInput{Amount: 2500, AuthCode: code})
		}
		done <- tr
	}()
	held.wait(t)
	e.offset.Add(int64(c.stall))
	seen := holdAfterQuery(t, sweeperDB, "created_at <")
	swept := make(chan error, 1)
	go func() { swept <- sweeper.sweep(t.Context()) }()
	select {
	case <-seen.reached:
	case err := <-swept:
		swept <- err // the sweep did not take the trade for stale at all
	case <-time.After(15 * time.Second):
		t.Fatal("the sweep neither read the trade nor finished")
	}
	held.open()
	inTransit.wait(t)
	seen.open()
	must(t, <-swept)
	inTransit.open()
	if tr := <-done; tr == nil {
		t.Fatal("the trade was not sent")
	}
	if c.refund {
		checkRefundMatchesBank(t, e, creds, orig, 400)
	} else {
		checkPayMatchesBank(t, e, sender, creds, code)
	}
}

// checkPayMatchesBank: the one pay of code is paid in the ledger as at the bank, and the code
// cannot be charged again on another terminal.
func checkPayMatchesBank(t *testing.T, e *payEnv, svc *Service, creds Creds, code string) {
	t.Helper()
	var row store.Trade
	must(t, e.db.Where("code_last4 = ? AND kind = ?", code[len(code)-4:], domain.KindPay).First(&row).Error)
	got := e.waitTrade(creds, row.ID, "final", func(tr *Trade) bool { return domain.TradeStatus(tr.Status).Final() })
	bank, _ := e.bankTrade(got.ReqSN)
	if got.Status != string(domain.StatusSuccess) || bank.Status != "0000" {
		t.Fatalf("ledger %s (%q), bank %q: the bank's answer must win", got.Status, got.ErrMsg, bank.Status)
	}
	other := e.login(e.store, domain.RoleCashier, "cashier456")
	_, err := svc.Pay(t.Context(), other, PayInput{Amount: 2500, AuthCode: code})
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != domain.CodePayCodeUsed || e.bankPays(code) != 1 {
		t.Fatalf("second charge of the code: %v, bank pays %d; want CodePayCodeUsed and 1", err, e.bankPays(code))
	}
}

// checkRefundMatchesBank: the refund of orig is final and refunded want, and the ledger's
// refunded total of the payment equals the bank's.
func checkRefundMatchesBank(t *testing.T, e *payEnv, creds Creds, orig *Trade, want int64) {
	t.Helper()
	var rev store.Trade
	must(t, e.db.Where("orig_trade_id = ?", orig.ID).First(&rev).Error)
	got := e.waitTrade(creds, rev.ID, "final", func(tr *Trade) bool { return domain.TradeStatus(tr.Status).Final() })
	var pay store.Trade
	must(t, e.db.First(&pay, orig.ID).Error)
	bank, _ := e.bankTrade(orig.ReqSN)
	if got.Status != string(domain.StatusSuccess) || pay.RefundedAmount != bank.Reversed || bank.Reversed != want {
		t.Fatalf("refund %s (%q), ledger refunded %d, bank refunded %d; want success and %d both",
			got.Status, got.ErrMsg, pay.RefundedAmount, bank.Reversed, want)
	}
}

// TestLatePayAfterCloseIsNotFinal holds the pay request in the network past the poll window
// and the close, while every query says "no such trade"; then delivers it and the bank charges.
// The trade must stay 待确认 (never closed for good) and end paid, by 重新查询 or by the sweep.
func TestLatePayAfterCloseIsNotFinal(t *testing.T) {
	for _, kind := range dbKinds {
		for _, by := range []string{"recheck", "sweep"} {
			t.Run(kind+"/"+by, func(t *testing.T) { latePayAfterClose(t, kind, by) })
		}
	}
}

func latePayAfterClose(t *testing.T, kind, by string) {
	e := newPayEnvOn(t, kind, "MD5", testPoll)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	admin := e.login(e.store, domain.RoleAdmin, "admin-pw-7")
	inTransit := e.holdRequest(allinpay.PathPay)
	tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 8800, AuthCode: e.code(0)})
	if err != nil {
		t.Fatalf("Pay: %v", err)
	}
	inTransit.wait(t)
	got := e.waitSettled(creds, tr.ID)
	if got.Status != string(domain.StatusUnknown) {
		t.Fatalf("no trace at the bank after the close: %s (%q); want unknown (待确认)", got.Status, got.ErrMsg)
	}
	inTransit.open()
	e.waitBank(tr.ReqSN, "0000")
	if by == "recheck" {
		if got, err = e.svc.RecheckTrade(t.Context(), admin, tr.ID); err != nil {
			t.Fatal(err)
		}
	} else {
		must(t, e.svc.Start(t.Context()))
		got = e.waitStatus(creds, tr.ID, domain.StatusSuccess)
	}
	bank, _ := e.bankTrade(tr.ReqSN)
	if got.Status != string(domain.StatusSuccess) || got.TrxID != bank.TrxID {
		t.Fatalf("after the late charge: ledger %s (%q), bank %+v; want success", got.Status, got.ErrMsg, bank)
	}
}

// waitBank waits up to 15 s until the bank has reqsn with trxstatus status.
func (e *payEnv) waitBank(reqsn, status string) {
	e.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if bt, ok := e.bankTrade(reqsn); ok && bt.Status == status {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("the bank never recorded %s as %s", reqsn, status)
		}
	}
}

// TestLateRefundIsNotFinal holds a refund request in the network past its poll window while
// every query says "no such trade"; then delivers it and the bank refunds. The refund must stay
// 待确认 with its amount reserved, then end refunded with the ledger's total equal to the bank's.
func TestLateRefundIsNotFinal(t *testing.T) {
	for _, kind := range dbKinds {
		t.Run(kind, func(t *testing.T) {
			e := newPayEnvOn(t, kind, "MD5", testPoll)
			creds := e.login(e.store, domain.RoleCashier, "cashier123")
			admin := e.login(e.store, domain.RoleAdmin, "admin-pw-7")
			paid, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 3000, AuthCode: e.code(0)})
			must(t, err)
			inTransit := e.holdRequest(allinpay.PathRefund)
			ref, _ := e.svc.Refund(t.Context(), creds, ReverseInput{TradeNo: paid.ReqSN, Amount: 1100, AdminPassword: "admin-pw-7"})
			if ref == nil {
				t.Fatal("the refund was not sent")
			}
			inTransit.wait(t)
			got := e.waitSettled(creds, ref.ID)
			var row store.Trade
			must(t, e.db.First(&row, paid.ID).Error)
			if got.Status != string(domain.StatusUnknown) || row.RefundedAmount != 1100 {
				t.Fatalf("no trace of the refund after its window: %s, reserved %d; want unknown with 1100 reserved", got.Status, row.RefundedAmount)
			}
			inTransit.open()
			e.waitBank(ref.ReqSN, "0000")
			if _, err := e.svc.RecheckTrade(t.Context(), admin, ref.ID); err != nil {
				t.Fatal(err)
			}
			checkRefundMatchesBank(t, e, creds, paid, 1100)
		})
	}
}
