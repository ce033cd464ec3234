package platform

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/store"
)

// blockQueries makes the "bank" answer HTTP 500 to queries (and closes, if withClose) while
// *blocked is true: the outcome of those calls is unknown to the client.
func blockQueries(e *payEnv, blocked *atomic.Bool, withClose bool, closes *atomic.Int32) {
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		isClose := r.URL.Path == "/apiweb"+allinpay.PathClose
		if isClose {
			closes.Add(1)
		}
		if blocked.Load() && (r.URL.Path == "/apiweb"+allinpay.PathQuery || (withClose && isClose)) {
			http.Error(w, "busy", http.StatusInternalServerError)
			return true
		}
		return false
	})
}

// TestPaidWhileClosingStaysPaid: the pay succeeded but its answer was lost (96) and every query
// in the window failed; at the window's end the platform closes (the bank refuses: it is paid)
// and queries again: the trade must end paid, never closed.
func TestPaidWhileClosingStaysPaid(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	var blocked atomic.Bool
	var closes atomic.Int32
	blocked.Store(true)
	e.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		switch r.URL.Path {
		case "/apiweb" + allinpay.PathClose:
			closes.Add(1)
			blocked.Store(false)
		case "/apiweb" + allinpay.PathQuery:
			if blocked.Load() {
				http.Error(w, "busy", http.StatusInternalServerError)
				return true
			}
		}
		return false
	})
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 4200, AuthCode: e.code(96)})
	if err != nil || tr.Status != string(domain.StatusPending) {
		t.Fatalf("Pay = %+v, %v", tr, err)
	}
	got := e.waitSettled(creds, tr.ID)
	bank, _ := e.bankTrade(tr.ReqSN)
	if closes.Load() != 1 || got.Status != string(domain.StatusSuccess) || bank.Status != "0000" || got.TrxID != bank.TrxID {
		t.Fatalf("closes %d, ledger %s, bank %+v; want 1 close and success", closes.Load(), got.Status, bank)
	}
}

// TestUnknownThenSweep: the bank is unreachable for queries and closes during the whole
// window, so the trade becomes unknown (待确认) and the terminal is free; once the bank answers
// again the background sweep finds the payment and records it as paid.
func TestUnknownThenSweep(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	var blocked atomic.Bool
	var closes atomic.Int32
	blocked.Store(true)
	blockQueries(e, &blocked, true, &closes)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	tr, _ := e.svc.Pay(t.Context(), creds, PayInput{Amount: 990, AuthCode: e.code(96)})
	got := e.waitSettled(creds, tr.ID)
	if got.Status != string(domain.StatusUnknown) || closes.Load() == 0 {
		t.Fatalf("after the window: %s, closes %d; want unknown after a close", got.Status, closes.Load())
	}
	other, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 10, AuthCode: e.code(1)})
	if err != nil || other.Status != string(domain.StatusSuccess) {
		t.Fatalf("terminal must be free while a trade waits for confirmation: %+v, %v", other, err)
	}
	blocked.Store(false)
	must(t, e.svc.Start(t.Context()))
	e.waitStatus(creds, tr.ID, domain.StatusSuccess)
}

// TestResumeAtStart: a service stops (as on shutdown) while a trade is pending, and another
// left a never-sent trade behind; a new service's Start resolves both. The 10 s window keeps
// a slow machine (Windows under Wine) from closing the pending pay before it is resumed.
func TestResumeAtStart(t *testing.T) {
	e := newPayEnv(t, "MD5", racePoll)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	tr, _ := e.svc.Pay(t.Context(), creds, PayInput{Amount: 300, AuthCode: e.code(90)})
	e.svc.Stop()
	var row store.Trade
	must(t, e.db.First(&row, tr.ID).Error)
	if row.Status != string(domain.StatusPending) {
		t.Fatalf("after Stop: %s; want still pending", row.Status)
	}
	unsent := row
	unsent.ID, unsent.ReqSN, unsent.Status, unsent.TerminalID = 0, "unsent0001", string(domain.StatusCreated), 9999
	lockTerm, lockCode := uint(9999), "deadbeef"
	unsent.InFlightTerminal, unsent.CodeLock = &lockTerm, &lockCode
	unsent.CreatedAt = time.Now().Add(-time.Minute).UTC()
	must(t, e.db.Create(&unsent).Error)

	e.svc = e.newService(e.db, racePoll)
	must(t, e.svc.Start(t.Context()))
	if got := e.waitSettled(creds, tr.ID); got.Status != string(domain.StatusSuccess) {
		t.Fatalf("resumed trade ended %s", got.Status)
	}
	row = store.Trade{}
	must(t, e.db.First(&row, unsent.ID).Error)
	if row.Status != string(domain.StatusFailed) || row.InFlightTerminal != nil || row.CodeLock != nil {
		t.Fatalf("never-sent trade: %+v; want failed with both locks released", row)
	}
	if _, ok := e.bankTrade("unsent0001"); ok {
		t.Fatal("a never-sent trade was sent on resume")
	}
}

// TestUnknownGivesUpAfterMaxCheck: an unknown trade the bank never heard of is closed once
// Poll.MaxCheck has passed since it was created.
func TestUnknownGivesUpAfterMaxCheck(t *testing.T) {
	poll := testPoll
	poll.MaxCheck = 200 * time.Millisecond
	e := newPayEnv(t, "MD5", poll)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	var c store.Cashier
	must(t, e.db.Last(&c).Error)
	now := time.Now().UTC()
	lost := store.Trade{MerchantID: e.merchant.ID, ReqSN: "lost00000001", StoreID: e.store.ID, TerminalID: *c.BoundTerminalID,
		CashierID: c.ID, Kind: string(domain.KindPay), Status: string(domain.StatusUnknown), Amount: 100,
		NextCheckAt: &now, CreatedAt: now.Add(-time.Second)}
	must(t, e.db.Create(&lost).Error)
	must(t, e.svc.Start(t.Context()))
	if got := e.waitStatus(creds, lost.ID, domain.StatusClosed); got.ErrMsg != "通联无此交易" {
		t.Fatalf("lost trade closed with %q", got.ErrMsg)
	}
}

// TestSlowSenderKeepsItsTrade: a sender that stalls between recording a pay (created) and
// marking it sent — a slow disk's fsync, a GC pause, a loaded shop PC — for many times
// Poll.First while the sweep runs still sends it and charges once: the sweep fails a
// never-sent trade only after Poll.Unsent. (Under Wine in CI the sweep failed such a pay as
// 支付未发出 after Poll.First.)
func TestSlowSenderKeepsItsTrade(t *testing.T) {
	e := newPayEnv(t, "MD5", testPoll)
	creds := e.login(e.store, domain.RoleCashier, "cashier123")
	var stall atomic.Bool
	stall.Store(true)
	must(t, e.db.Callback().Create().After("gorm:commit_or_rollback_transaction").Register("test:stall", func(tx *gorm.DB) {
		if _, ok := tx.Statement.Dest.(*store.Trade); ok && stall.CompareAndSwap(true, false) {
			time.Sleep(10 * testPoll.Sweep) // the sweep runs ten times, each past Poll.First
		}
	}))
	must(t, e.svc.Start(t.Context()))
	code := e.code(0)
	tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: code})
	if err != nil || tr.Status != string(domain.StatusSuccess) {
		t.Fatalf("Pay after a stalled send = %+v, %v; want success", tr, err)
	}
	if stall.Load() {
		t.Fatal("the stall never happened: the test did not test anything")
	}
	if n := e.bankPays(code); n != 1 {
		t.Fatalf("bank saw %d pays, want 1", n)
	}
}
