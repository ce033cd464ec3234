package platform

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// actor is who takes an edge of the trade state machine.
type actor string

const (
	// bySender is the request that wrote the trade: it marks it sent and records the first answer.
	bySender actor = "sender"
	// byDriver is whoever holds the trade's lease: the foreground poll, a sweep that took the
	// trade over, an admin's 重新查询.
	byDriver actor = "driver"
	// bySweep is the background sweep acting on a trade nobody sent.
	bySweep actor = "sweep"
	// byReversal is a successful cancel acting on the payment it voids.
	byReversal actor = "reversal"
	// byCashier is the cashier's 撤销本笔 on a pay of their terminal still waiting: it takes
	// the lease and closes the trade itself.
	byCashier actor = "cashier"
)

// edge is one transition of a trade: from a status to a status, by an actor.
type edge struct {
	from, to domain.TradeStatus
	by       actor
}

// Short names for the table below.
const (
	stCreated   = domain.StatusCreated
	stSent      = domain.StatusSent
	stPending   = domain.StatusPending
	stClosing   = domain.StatusClosing
	stUnknown   = domain.StatusUnknown
	stSuccess   = domain.StatusSuccess
	stFailed    = domain.StatusFailed
	stClosed    = domain.StatusClosed
	stCancelled = domain.StatusCancelled
)

// edges is the trade state machine: every transition that may be written, with why it is
// allowed. move refuses any other. The package documentation explains it; TestEdgesDocumented
// keeps the two in step.
var edges = map[edge]string{
	{stCreated, stSent, bySender}:        "the request is about to leave; recorded before it does",
	{stCreated, stFailed, bySender}:      "marking it sent did not commit, so it was never sent",
	{stCreated, stFailed, bySweep}:       "still created after Poll.Unsent (≈15 s): its sender died before marking it sent",
	{stSent, stSuccess, bySender}:        "the first answer is a success",
	{stSent, stFailed, bySender}:         "the first answer is a final refusal, or the client refused to send it",
	{stSent, stPending, bySender}:        "the first answer is processing or unknown: query it",
	{stSent, stUnknown, bySender}:        "the first answer contradicts the trade: a person decides",
	{stSent, stPending, byDriver}:        "a query answered processing, or nothing",
	{stPending, stPending, byDriver}:     "one more query without a final answer",
	{stSent, stSuccess, byDriver}:        "a query found it paid",
	{stPending, stSuccess, byDriver}:     "a query found it paid",
	{stSent, stFailed, byDriver}:         "a query found it finally failed",
	{stPending, stFailed, byDriver}:      "a query found it finally failed",
	{stSent, stUnknown, byDriver}:        "a reversal's window ended unresolved, or an answer contradicts the trade",
	{stPending, stUnknown, byDriver}:     "a reversal's window ended unresolved, or an answer contradicts the trade",
	{stSent, stClosing, byDriver}:        "a pay's poll window ended: close it",
	{stPending, stClosing, byDriver}:     "a pay's poll window ended: close it",
	{stSent, stClosing, byCashier}:       "the cashier stopped the payment (撤销本笔): close it now",
	{stPending, stClosing, byCashier}:    "the cashier stopped the payment (撤销本笔): close it now",
	{stClosing, stSuccess, byDriver}:     "paid before the close took effect",
	{stClosing, stClosed, byDriver}:      "closed, or finally failed, at the bank",
	{stClosing, stFailed, byDriver}:      "refused outright (v12) and the bank has no trace of it",
	{stClosing, stUnknown, byDriver}:     "no answer, or no trace yet: a late request could still land",
	{stUnknown, stUnknown, byDriver}:     "checked again without a final answer",
	{stUnknown, stSuccess, byDriver}:     "the bank now says paid",
	{stUnknown, stFailed, byDriver}:      "the bank now says finally failed (a reversal), or refused outright",
	{stUnknown, stClosed, byDriver}:      "a pay finally failed, or still no trace after the long horizon",
	{stSuccess, stCancelled, byReversal}: "a cancel of it succeeded",
}

// move takes trade t from the status t holds to `to`, as actor by, writing updates in the same
// statement on tx, a transaction of the caller's: a compare-and-set on exactly that status, so
// a trade that moved on meanwhile (in another goroutine or server) is left alone. A forbidden
// edge is refused before anything is written. It reports whether the row moved and, if so,
// sets t.Status.
func (s *Service) move(ctx context.Context, tx *gorm.DB, t *store.Trade, to domain.TradeStatus, by actor, updates map[string]any) (bool, error) {
	if err := s.allowed(t, to, by); err != nil {
		return false, err
	}
	ok, err := transition(ctx, tx, t, to, updates)
	if ok {
		t.Status = string(to)
	}
	return ok, err
}

// moveNow is move in a write of its own, through the Committer (grouped with concurrent
// writes on SQLite, each in its savepoint): it returns once that write has committed, and
// sets t.Status only then.
func (s *Service) moveNow(ctx context.Context, t *store.Trade, to domain.TradeStatus, by actor, updates map[string]any) (bool, error) {
	if err := s.allowed(t, to, by); err != nil {
		return false, err
	}
	var ok bool
	err := s.writes.Do(ctx, func(tx *gorm.DB) (err error) {
		ok, err = transition(tx.Statement.Context, tx, t, to, updates)
		return err
	})
	if ok = ok && err == nil; ok {
		t.Status = string(to)
	}
	return ok, err
}

// allowed refuses (and logs) an edge the state machine does not have.
func (s *Service) allowed(t *store.Trade, to domain.TradeStatus, by actor) error {
	from := domain.TradeStatus(t.Status)
	if _, ok := edges[edge{from, to, by}]; !ok {
		s.log.Error("platform: forbidden trade transition refused", "reqsn", t.ReqSN, "from", from, "to", to, "by", by)
		return fmt.Errorf("platform: the %s may not move a trade from %s to %s", by, from, to)
	}
	return nil
}

// transition writes the compare-and-set of t from the status it holds to `to`, with updates.
func transition(ctx context.Context, tx *gorm.DB, t *store.Trade, to domain.TradeStatus, updates map[string]any) (bool, error) {
	updates["status"] = string(to)
	return store.TransitionTrade(ctx, tx, t.ID, []string{t.Status}, updates)
}

// dbNow is the database's clock (Options.DBClock). Every age and lease of a trade is measured
// on it, so servers whose own clocks disagree agree about a trade.
func (s *Service) dbNow(ctx context.Context) (time.Time, error) {
	now, err := s.dbClock(ctx)
	if err != nil {
		s.log.Error("platform: read the database clock", "err", err)
	}
	return now.UTC(), err
}
