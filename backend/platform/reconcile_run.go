package platform

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/store"
)

// runLease is how long a running reconciliation keeps others (another xtfd) off its day.
const runLease = 10 * time.Minute

var errRunBusy = domain.Errorf(domain.CodeConflict, "该日对账正在进行，请稍后查看")

// run reconciles one day (yyyy-MM-dd) of a merchant: fetch the statement, match both ways,
// let queries settle what they can, and store every difference. A failed fetch is recorded
// on the run and returned.
func (r *reconciler) run(ctx context.Context, m *store.Merchant, day string) error {
	s := r.s
	run, err := r.claim(ctx, m.ID, day)
	if err != nil {
		return err
	}
	gw, err := s.providerFor(m)
	if err != nil {
		return r.fail(ctx, run, RunNoGateway, err)
	}
	d, _ := time.ParseInLocation("2006-01-02", day, s.loc)
	st, err := gw.Statement(ctx, d.Format("20060102"))
	if err != nil {
		return r.fail(ctx, run, fetchCode(err), err)
	}
	mt, dayTrades, err := r.match(ctx, m.ID, day, st.Rows)
	if err != nil {
		return r.fail(ctx, run, "internal", err)
	}
	before := mt.diffs
	if r.settleOpen(ctx, gw, before) {
		if mt, dayTrades, err = r.match(ctx, m.ID, day, st.Rows); err != nil {
			return r.fail(ctx, run, "internal", err)
		}
	}
	diffs := annotate(before, mt.diffs, dayTrades)
	run.BankRows, run.LocalRows, run.Matched = len(st.Rows), len(dayTrades), mt.matched
	return r.finish(ctx, run, diffs)
}

// match loads our trades of the day (and those of other days the statement names) and pairs them.
func (r *reconciler) match(ctx context.Context, merchantID uint, day string, rows []gateway.StatementRow) (*matching, []store.Trade, error) {
	from, to, err := r.s.dayRange(day)
	if err != nil {
		return nil, nil, err
	}
	var dayTrades []store.Trade
	if err := r.s.db.WithContext(ctx).Where("merchant_id = ? AND created_at >= ? AND created_at < ?", merchantID, from, to).
		Order("id").Find(&dayTrades).Error; err != nil {
		return nil, nil, err
	}
	named, err := r.named(ctx, merchantID, from, to, rows)
	if err != nil {
		return nil, nil, err
	}
	mt := newMatching(dayTrades, named)
	mt.run(rows, dayTrades)
	return mt, dayTrades, nil
}

// named loads the trades of other days that statement lines name (a trade made just before
// midnight and settled after it), in batches.
func (r *reconciler) named(ctx context.Context, merchantID uint, from, to time.Time, rows []gateway.StatementRow) ([]store.Trade, error) {
	var out []store.Trade
	const batch = 400
	for i := 0; i < len(rows); i += batch {
		sns, ids := []string{"-"}, []string{"-"} // never empty: an empty IN list is not valid SQL everywhere
		for _, row := range rows[i:min(i+batch, len(rows))] {
			if row.ReqSN != "" {
				sns = append(sns, row.ReqSN)
			}
			if row.TrxID != "" {
				ids = append(ids, row.TrxID)
			}
		}
		var got []store.Trade
		if err := r.s.db.WithContext(ctx).Where("merchant_id = ? AND (created_at < ? OR created_at >= ?) AND (req_sn IN ? OR trx_id IN ?)",
			merchantID, from, to, sns, ids).Find(&got).Error; err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// settleOpen asks the acquirer, through the state machine, about every unknown trade a
// difference names; it reports whether it asked about any.
func (r *reconciler) settleOpen(ctx context.Context, gw gateway.Provider, diffs []store.ReconcileDiff) bool {
	asked := false
	for _, d := range diffs {
		if d.TradeID == nil || d.LocalStatus != string(domain.StatusUnknown) {
			continue
		}
		t, err := r.s.reload(ctx, *d.TradeID)
		if err != nil || t.Status != string(domain.StatusUnknown) {
			continue
		}
		if err := r.s.checkNow(ctx, gw, t); err == nil {
			asked = true
		}
	}
	return asked
}

// annotate is the final list: the differences left after the queries, each with why it waits,
// plus the ones the queries resolved (from before, matched by trade), marked resolved.
func annotate(before, after []store.ReconcileDiff, dayTrades []store.Trade) []store.ReconcileDiff {
	left := map[uint]bool{}
	out := make([]store.ReconcileDiff, 0, len(after))
	for _, d := range after {
		d.Note = NoteNeedsAdmin
		if d.TradeID != nil {
			left[*d.TradeID] = true
			if !domain.TradeStatus(d.LocalStatus).Final() {
				d.Note = NoteInFlight
			}
		}
		out = append(out, d)
	}
	status := map[uint]string{}
	for _, t := range dayTrades {
		status[t.ID] = t.Status
	}
	for _, d := range before {
		if d.TradeID == nil || left[*d.TradeID] {
			continue
		}
		if st, ok := status[*d.TradeID]; ok {
			d.LocalStatus = st
		}
		d.Resolved, d.Note = true, NoteQueryFixed
		out = append(out, d)
	}
	return out
}

// fetchCode names why the statement could not be had.
func fetchCode(err error) string {
	switch {
	case errors.Is(err, allinpay.ErrStatement):
		return RunMalformed
	case gateway.IsNotAccepted(err):
		return RunRefused
	}
	return RunUnreached
}

// claim takes the day's run row: a new one, or the existing one unless another run holds it.
func (r *reconciler) claim(ctx context.Context, merchantID uint, day string) (*store.ReconcileRun, error) {
	now, err := r.s.dbNow(ctx)
	if err != nil {
		return nil, r.s.internal("read the database clock", err)
	}
	run := &store.ReconcileRun{MerchantID: merchantID, Day: day, Status: RunRunning, StartedAt: now}
	var old store.ReconcileRun
	err = r.s.db.WithContext(ctx).Where("merchant_id = ? AND day = ?", merchantID, day).First(&old).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		if err := r.s.db.WithContext(ctx).Create(run).Error; errors.Is(err, gorm.ErrDuplicatedKey) {
			return nil, errRunBusy // another server created it first
		} else if err != nil {
			return nil, r.s.internal("create reconcile run", err)
		}
		return run, nil
	}
	if err != nil {
		return nil, r.s.internal("load reconcile run", err)
	}
	if old.Status == RunRunning && now.Sub(old.StartedAt) < runLease {
		return nil, errRunBusy
	}
	res := r.s.db.WithContext(ctx).Model(&store.ReconcileRun{}).
		Where("id = ? AND status = ? AND started_at = ?", old.ID, old.Status, old.StartedAt).
		Updates(map[string]any{"status": RunRunning, "started_at": now, "error_code": "", "error": ""})
	if res.Error != nil || res.RowsAffected != 1 {
		return nil, errRunBusy
	}
	run.ID = old.ID
	return run, nil
}

// fail records why a run failed and returns it as the caller's error.
func (r *reconciler) fail(ctx context.Context, run *store.ReconcileRun, code string, cause error) error {
	r.s.log.Warn("platform: reconcile failed", "day", run.Day, "merchant", run.MerchantID, "code", code, "err", cause)
	now, _ := r.s.dbNow(ctx)
	if err := r.s.db.WithContext(ctx).Model(&store.ReconcileRun{}).Where("id = ?", run.ID).
		Updates(map[string]any{"status": RunFailed, "error_code": code, "error": clip(cause.Error(), 200), "finished_at": now}).Error; err != nil {
		r.s.log.Error("platform: record reconcile failure", "err", err)
	}
	if code == RunNoGateway {
		return cause
	}
	return domain.Errorf(domain.CodeUnavailable, "获取对账单失败（%s），请稍后重试", code)
}

// finish replaces the run's differences and marks it done, in one transaction.
func (r *reconciler) finish(ctx context.Context, run *store.ReconcileRun, diffs []store.ReconcileDiff) error {
	now, err := r.s.dbNow(ctx)
	if err != nil {
		return r.s.internal("read the database clock", err)
	}
	err = r.s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("run_id = ?", run.ID).Delete(&store.ReconcileDiff{}).Error; err != nil {
			return err
		}
		for i := range diffs {
			diffs[i].RunID, diffs[i].MerchantID, diffs[i].CreatedAt = run.ID, run.MerchantID, now
		}
		if len(diffs) > 0 {
			if err := tx.CreateInBatches(diffs, 200).Error; err != nil {
				return err
			}
		}
		return tx.Model(&store.ReconcileRun{}).Where("id = ?", run.ID).Updates(map[string]any{
			"status": RunDone, "bank_rows": run.BankRows, "local_rows": run.LocalRows,
			"matched": run.Matched, "finished_at": now}).Error
	})
	if err != nil {
		return r.s.internal(fmt.Sprintf("store reconciliation of %s", run.Day), err)
	}
	r.s.log.Info("platform: reconciled", "day", run.Day, "merchant", run.MerchantID, "bank", run.BankRows,
		"local", run.LocalRows, "matched", run.Matched, "differences", len(diffs))
	return nil
}
