package platform

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// TestEdgesDocumented keeps the package documentation's table of edges and the code's table
// the same: every edge is listed once with its reason, and nothing else is listed.
func TestEdgesDocumented(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	must(t, err)
	listed := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(strings.TrimPrefix(line, "//\t")); strings.HasPrefix(line, "//\t") && len(f) > 3 {
			listed[strings.Join(f, " ")] = true
		}
	}
	for e, why := range edges {
		key := strings.Join(strings.Fields(fmt.Sprintf("%s %s %s %s", e.from, e.to, e.by, why)), " ")
		if !listed[key] {
			t.Errorf("edge missing from the package doc: %s", key)
		}
		delete(listed, key)
	}
	for l := range listed {
		t.Errorf("the package doc lists an edge the code does not have: %s", l)
	}
}

// TestForbiddenEdgeNotWritten: an edge outside the table is refused before anything is
// written (the sweep failing a sent trade, a sender closing one, anyone leaving a final
// status), and an allowed edge from a status the trade has left changes nothing.
func TestForbiddenEdgeNotWritten(t *testing.T) {
	for _, kind := range dbKinds {
		t.Run(kind, func(t *testing.T) {
			e := newPayEnvOn(t, kind, "MD5", testPoll)
			creds := e.login(e.store, domain.RoleCashier, "cashier123")
			tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: e.code(0)})
			if err != nil || tr.Status != string(domain.StatusSuccess) {
				t.Fatalf("Pay = %+v, %v", tr, err)
			}
			for _, c := range []struct {
				from domain.TradeStatus
				to   domain.TradeStatus
				by   actor
			}{
				{stSent, stFailed, bySweep}, {stSent, stClosed, bySender}, {stSuccess, stFailed, byDriver},
				{stSuccess, stPending, byDriver}, {stClosed, stSuccess, byDriver}, {stUnknown, stCreated, byDriver},
			} {
				row := &store.Trade{ID: tr.ID, ReqSN: tr.ReqSN, Status: string(c.from)}
				moved, err := e.svc.move(t.Context(), e.db, row, c.to, c.by, map[string]any{})
				if moved || err == nil {
					t.Errorf("%s → %s by %s: moved %v, err %v; want refused", c.from, c.to, c.by, moved, err)
				}
			}
			stale := &store.Trade{ID: tr.ID, ReqSN: tr.ReqSN, Status: string(stPending)}
			if moved, err := e.svc.move(t.Context(), e.db, stale, stFailed, byDriver, map[string]any{}); moved || err != nil {
				t.Errorf("pending → failed on a paid trade: moved %v, err %v; want no change", moved, err)
			}
			got, err := e.svc.GetTrade(t.Context(), creds, tr.ID)
			if err != nil || got.Status != string(domain.StatusSuccess) {
				t.Fatalf("after the refused moves: %+v, %v; want still success", got, err)
			}
		})
	}
}

// TestPayWritesGoThroughCommitter: a successful pay's three writes (create, sent, settle) are
// committed by the Committer; a moveNow that misses its compare-and-set reports no move and
// leaves the caller's copy alone, and a forbidden one writes nothing.
func TestPayWritesGoThroughCommitter(t *testing.T) {
	for _, kind := range dbKinds {
		t.Run(kind, func(t *testing.T) {
			e := newPayEnvOn(t, kind, "MD5", testPoll)
			creds := e.login(e.store, domain.RoleCashier, "cashier123")
			tr, err := e.svc.Pay(t.Context(), creds, PayInput{Amount: 100, AuthCode: e.code(0)})
			if err != nil || tr.Status != string(domain.StatusSuccess) {
				t.Fatalf("Pay = %+v, %v", tr, err)
			}
			if _, ops := e.svc.writes.Stats(); ops != 3 {
				t.Fatalf("Committer ran %d writes for one pay; want 3 (create, sent, settle)", ops)
			}
			stale := &store.Trade{ID: tr.ID, ReqSN: tr.ReqSN, Status: string(stPending)}
			if moved, err := e.svc.moveNow(t.Context(), stale, stFailed, byDriver, map[string]any{}); moved || err != nil {
				t.Errorf("pending → failed on a paid trade: moved %v, err %v; want no change", moved, err)
			}
			if stale.Status != string(stPending) {
				t.Errorf("a missed compare-and-set set the copy's status to %s", stale.Status)
			}
			if moved, err := e.svc.moveNow(t.Context(), stale, stCreated, byDriver, map[string]any{}); moved || err == nil {
				t.Errorf("pending → created: moved %v, err %v; want refused", moved, err)
			}
			if _, ops := e.svc.writes.Stats(); ops != 4 {
				t.Errorf("Committer ran %d writes; want 4 (the refused edge never reaches it)", ops)
			}
			got, err := e.svc.GetTrade(t.Context(), creds, tr.ID)
			if err != nil || got.Status != string(domain.StatusSuccess) {
				t.Fatalf("after the moves: %+v, %v; want still success", got, err)
			}
		})
	}
}
