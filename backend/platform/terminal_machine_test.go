package platform

import (
	"context"
	"strings"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

const (
	pcA = "0123456789abcdef0123456789abcdef"
	pcB = "fedcba9876543210fedcba9876543210"
)

// initMachine runs initialisation into store storeIdx for the PC named machineID.
func (e *acctEnv) initMachine(t *testing.T, machineID string, storeIdx int) *TerminalInfo {
	t.Helper()
	ctx := context.Background()
	e.clock.Advance(SMSResend + time.Second)
	if _, err := e.svc.RequestInitCode(ctx, testMerchantNo); err != nil {
		t.Fatal(err)
	}
	g, err := e.svc.VerifyInitCode(ctx, testMerchantNo, e.sms.code(testPhone))
	if err != nil {
		t.Fatal(err)
	}
	info, err := e.svc.CompleteInit(ctx, g.Token, e.stores[storeIdx].ID, machineID)
	if err != nil {
		t.Fatalf("CompleteInit(%q): %v", machineID, err)
	}
	return info
}

// TestSamePCKeepsItsTerminal: the admin forgot the password and initialised the same PC
// again: same terminal number (so its trades, 仅本终端, and the acquirer's terminal stay),
// a new token (the old one stops), the chosen store, the cashier's binding kept, the old
// sessions ended. Another PC, a PC without an id, and a revoked terminal's PC get new ones.
func TestSamePCKeepsItsTerminal(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		first := e.initMachine(t, pcA, 0)
		a := e.admin(t, first.Token)
		e.addCashier(t, a, "02", "abc12345")
		c02 := e.login(t, first.Token, "02", "abc12345")

		again := e.initMachine(t, pcA, 1)
		if again.TermNo != first.TermNo || again.Token == first.Token || again.StoreID != e.stores[1].ID {
			t.Fatalf("same PC again: %+v, first %+v", again, first)
		}
		if _, err := e.svc.Terminal(ctx, Creds{TerminalToken: first.Token}); domain.CodeOf(err) != domain.CodeUnauthenticated {
			t.Fatalf("the old token still works: %v", err)
		}
		if _, err := e.svc.Me(ctx, Creds{TerminalToken: again.Token, SessionToken: c02.SessionToken}); domain.CodeOf(err) != domain.CodeUnauthenticated {
			t.Fatalf("a session from before the re-initialisation survived: %v", err)
		}
		e.login(t, again.Token, "02", "abc12345") // still bound here, not "elsewhere"
		if n := e.countRows(t, &store.Terminal{}, "1 = 1"); n != 1 {
			t.Fatalf("terminals = %d, want 1", n)
		}
		if n := e.countRows(t, &store.Audit{}, "action = ? AND detail LIKE ?", AuditInit, "%沿用终端号%"); n != 1 {
			t.Fatalf("re-initialisation audits = %d", n)
		}

		other := e.initMachine(t, pcB, 0)
		none1, none2 := e.initMachine(t, "", 0), e.initMachine(t, "", 0)
		if other.TermNo == first.TermNo || none1.TermNo == none2.TermNo || none1.TermNo == first.TermNo {
			t.Fatalf("other PCs got %s, %s, %s; first %s", other.TermNo, none1.TermNo, none2.TermNo, first.TermNo)
		}

		// A revoked terminal stays revoked: its PC initialised again is a new terminal.
		b := e.admin(t, other.Token)
		if err := e.svc.RevokeTerminal(ctx, b, again.TermNo); err != nil {
			t.Fatal(err)
		}
		revived := e.initMachine(t, pcA, 0)
		if revived.TermNo == first.TermNo {
			t.Fatalf("a revoked terminal came back: %s", revived.TermNo)
		}
		if e.initMachine(t, pcA, 0).TermNo != revived.TermNo {
			t.Fatal("the revoked PC's new terminal is not kept at the next initialisation")
		}
	})
}

// TestMachineIDFormat: the platform takes 32 lowercase hex digits or nothing, and stores only
// a hash.
func TestMachineIDFormat(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		for _, bad := range []string{"xyz", strings.ToUpper(pcA), pcA + "0", "'; DROP TABLE terminals;--"} {
			_, err := e.svc.CompleteInit(context.Background(), "any-grant", e.stores[0].ID, bad)
			if de := wantCode(t, err, domain.CodeInvalidInput); de.Field != "machineId" {
				t.Fatalf("%q: %+v", bad, de)
			}
		}
		e.initMachine(t, pcA, 0)
		if n := e.countRows(t, &store.Terminal{}, "machine_hash = ?", pcA); n != 0 {
			t.Fatal("the machine id is stored in clear")
		}
		if n := e.countRows(t, &store.Terminal{}, "machine_hash IS NOT NULL"); n != 1 {
			t.Fatalf("terminals with a machine hash = %d", n)
		}
	})
}

// TestVerifyAdmin: the login screen's admin password check is a login of 01 without the
// session: right password passes, a wrong one counts down and locks as logins do, the
// initial password and a cashier's password never pass, and it needs a live terminal.
func TestVerifyAdmin(t *testing.T) {
	forEachDB(t, func(t *testing.T, e *acctEnv) {
		ctx := context.Background()
		term := e.initTerminal(t)
		wantCode(t, e.svc.VerifyAdmin(ctx, term, domain.InitialPassword), domain.CodeAdminPassword)
		wantCode(t, e.svc.VerifyAdmin(ctx, term, ""), domain.CodeAdminPassword)
		a := e.admin(t, term)
		e.addCashier(t, a, "02", "abc12345")
		if err := e.svc.VerifyAdmin(ctx, term, ownerPassword); err != nil {
			t.Fatal(err)
		}
		de := wantCode(t, e.svc.VerifyAdmin(ctx, term, "abc12345"), domain.CodeAdminPassword)
		if de.Params["left"] != MaxFailedLogins-1 {
			t.Fatalf("wrong password: %+v", de)
		}
		for i := 0; i < MaxFailedLogins-1; i++ {
			e.svc.VerifyAdmin(ctx, term, "wrong1234")
		}
		wantCode(t, e.svc.VerifyAdmin(ctx, term, ownerPassword), domain.CodeAccountLocked)
		wantCode(t, e.svc.VerifyAdmin(ctx, "forged", ownerPassword), domain.CodeUnauthenticated)
		if n := e.countRows(t, &store.Audit{}, "action = ? AND ok = ?", AuditAdminCheck, true); n != 1 {
			t.Fatalf("passed checks audited = %d", n)
		}
	})
}
