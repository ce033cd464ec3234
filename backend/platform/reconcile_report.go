package platform

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/store"
)

// report renders a merchant's run of day (the latest when empty); Status none when there is none.
func (r *reconciler) report(ctx context.Context, merchantID uint, day string) (*ReconcileReport, error) {
	q := r.s.db.WithContext(ctx).Where("merchant_id = ?", merchantID)
	if day != "" {
		if _, _, err := r.s.dayRange(day); err != nil {
			return nil, err
		}
		q = q.Where("day = ?", day)
	}
	open, err := r.open(ctx, merchantID)
	if err != nil {
		return nil, err
	}
	var run store.ReconcileRun
	err = q.Order("day DESC").First(&run).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &ReconcileReport{Day: day, Status: RunNone, Diffs: []ReconcileDiff{}, Open: open}, nil
	}
	if err != nil {
		return nil, r.s.internal("load reconcile run", err)
	}
	var diffs []store.ReconcileDiff
	if err := r.s.db.WithContext(ctx).Where("run_id = ?", run.ID).Order("resolved, id").Find(&diffs).Error; err != nil {
		return nil, r.s.internal("load reconcile differences", err)
	}
	out := &ReconcileReport{Day: run.Day, Status: run.Status, ErrorCode: run.ErrorCode, BankRows: run.BankRows,
		LocalRows: run.LocalRows, Matched: run.Matched, StartedAt: &run.StartedAt, FinishedAt: run.FinishedAt,
		Diffs: make([]ReconcileDiff, len(diffs)), Open: open}
	for i, d := range diffs {
		out.Diffs[i] = diffDTO(d)
	}
	return out, nil
}

// open counts a merchant's unresolved differences.
func (r *reconciler) open(ctx context.Context, merchantID uint) (int64, error) {
	var n int64
	if err := r.s.db.WithContext(ctx).Model(&store.ReconcileDiff{}).
		Where("merchant_id = ? AND resolved = ?", merchantID, false).Count(&n).Error; err != nil {
		return 0, r.s.internal("count reconcile differences", err)
	}
	return n, nil
}

// yesterday is the previous day of the shop's clock, yyyy-MM-dd.
func (r *reconciler) yesterday() string {
	return r.s.now().In(r.s.loc).AddDate(0, 0, -1).Format("2006-01-02")
}

// retryFailed is how long a failed day waits before the background loop tries it again.
const retryFailed = 30 * time.Minute

// loop runs due reconciliations every opts.Every until ctx ends or the service stops.
func (r *reconciler) loop(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(r.s.bg, cancel)() // Stop ends a run in progress too
	tick := time.NewTicker(r.opts.Every)
	defer tick.Stop()
	for {
		r.due(ctx)
		select {
		case <-ctx.Done():
			return
		case <-r.s.bg.Done():
			return
		case <-tick.C:
		}
	}
}

// due reconciles yesterday for every merchant without a finished run of it, once the shop's
// clock is past the configured hour; a failed run is tried again after retryFailed.
func (r *reconciler) due(ctx context.Context) {
	if r.s.now().In(r.s.loc).Hour() < r.opts.Hour {
		return
	}
	day := r.yesterday()
	var merchants []store.Merchant
	if err := r.s.db.WithContext(ctx).Order("id").Find(&merchants).Error; err != nil {
		r.s.log.Error("platform: reconcile: list merchants", "err", err)
		return
	}
	now, err := r.s.dbNow(ctx)
	if err != nil {
		return
	}
	for i := range merchants {
		var run store.ReconcileRun
		err := r.s.db.WithContext(ctx).Where("merchant_id = ? AND day = ?", merchants[i].ID, day).First(&run).Error
		if err == nil && (run.Status == RunDone || run.Status == RunRunning ||
			(run.Status == RunFailed && now.Sub(run.StartedAt) < retryFailed)) {
			continue
		}
		_ = r.run(ctx, &merchants[i], day) // a failure is logged and recorded on the run
	}
}

// withDefaults fills the zero fields of o.
func (o ReconcileOptions) withDefaults() ReconcileOptions {
	if o.Every <= 0 {
		o.Every = 10 * time.Minute
	}
	if o.Hour < 0 || o.Hour > 23 {
		o.Hour = DefaultReconcileHour
	}
	return o
}
