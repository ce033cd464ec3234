package httpapi_test

import (
	"context"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// TestSamePCKeepsItsTerminalOverHTTP: the machine id crosses the wire; the same PC gets its
// terminal number back and the old token stops, another PC gets a new number.
func TestSamePCKeepsItsTerminalOverHTTP(t *testing.T) {
	e := newEnv(t)
	const pc = "00112233445566778899aabbccddeeff"
	first := e.initMachine(t, pc)
	again := e.initMachine(t, pc)
	if again.TermNo != first.TermNo || again.Token == first.Token {
		t.Fatalf("same PC: %+v then %+v", first, again)
	}
	_, err := e.api.Terminal(context.Background(), platform.Creds{TerminalToken: first.Token})
	wantCode(t, err, domain.CodeUnauthenticated)
	if other := e.initMachine(t, "ffeeddccbbaa99887766554433221100"); other.TermNo == first.TermNo {
		t.Fatalf("another PC got terminal %s", other.TermNo)
	}
	_, err = e.api.CompleteInit(context.Background(), "grant", e.stores[0].ID, "not-hex")
	if de := wantCode(t, err, domain.CodeInvalidInput); de.Field != "machineId" {
		t.Fatalf("bad machine id: %+v", de)
	}
}

// TestVerifyAdminOverHTTP: the login screen's admin check needs only the terminal token.
func TestVerifyAdminOverHTTP(t *testing.T) {
	e := newEnv(t)
	term := e.initTerminal(t)
	e.admin(t, term)
	ctx := context.Background()
	if err := e.api.VerifyAdmin(ctx, term, ownerPassword); err != nil {
		t.Fatal(err)
	}
	wantCode(t, e.api.VerifyAdmin(ctx, term, "wrong1234"), domain.CodeAdminPassword)
	wantCode(t, e.api.VerifyAdmin(ctx, "", ownerPassword), domain.CodeUnauthenticated)
}
