package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
)

// Trade status names as stored (they mirror domain.TradeStatus; store does not import domain).
const (
	tradeCreated = "created"
	tradeSent    = "sent"
	tradePending = "pending"
	tradeClosing = "closing"
	tradeUnknown = "unknown"
)

// TradeInFlightStatuses are the statuses of a trade still being driven by the platform.
var TradeInFlightStatuses = []string{tradeCreated, tradeSent, tradePending, tradeClosing}

// TradeOpenStatuses are the statuses the background sweep looks at: sent or later, not final.
var TradeOpenStatuses = []string{tradeSent, tradePending, tradeClosing, tradeUnknown}

// TransitionTrade updates trade id only if its status is one of from (compare-and-set), so
// concurrent drivers of the same trade (a foreground poll, the sweep, another server) never
// overwrite a newer state. It reports whether the row changed.
func TransitionTrade(ctx context.Context, db *gorm.DB, id uint, from []string, updates map[string]any) (bool, error) {
	res := db.WithContext(ctx).Model(&Trade{}).Where("id = ? AND status IN ?", id, from).Updates(updates)
	return res.RowsAffected == 1, res.Error
}

// ClaimTrade moves trade id's next check to until, but only if nobody else did since the
// caller read it (its next_check_at is still seen, or NULL when seen is nil). It is the
// lease that keeps two sweeps from driving one trade.
func ClaimTrade(ctx context.Context, db *gorm.DB, id uint, seen *time.Time, until time.Time) (bool, error) {
	q := db.WithContext(ctx).Model(&Trade{}).Where("id = ?", id)
	if seen == nil {
		q = q.Where("next_check_at IS NULL")
	} else {
		q = q.Where("next_check_at = ?", *seen)
	}
	res := q.Update("next_check_at", until)
	return res.RowsAffected == 1, res.Error
}

// DueTrades lists open trades whose next check is at or before now, oldest first.
func DueTrades(ctx context.Context, db *gorm.DB, now time.Time, limit int) ([]Trade, error) {
	var ts []Trade
	err := db.WithContext(ctx).Where("status IN ? AND next_check_at IS NOT NULL AND next_check_at <= ?",
		TradeOpenStatuses, now).Order("next_check_at").Limit(limit).Find(&ts).Error
	return ts, err
}

// ReserveRefund adds amount to the refunded amount of paid trade id if the total stays within
// its amount and, when wantZero, nothing was reversed yet (a cancel). It is atomic, so two
// concurrent reversals can never exceed the paid amount. It reports whether it reserved.
func ReserveRefund(ctx context.Context, db *gorm.DB, id uint, amount int64, wantZero bool) (bool, error) {
	if amount <= 0 {
		return false, errors.New("store: reserve a positive amount")
	}
	q := db.WithContext(ctx).Model(&Trade{}).
		Where("id = ? AND status = ? AND refunded_amount + ? <= amount", id, "success", amount)
	if wantZero {
		q = q.Where("refunded_amount = 0")
	}
	res := q.Update("refunded_amount", gorm.Expr("refunded_amount + ?", amount))
	return res.RowsAffected == 1, res.Error
}

// ReleaseRefund gives back a reservation made by ReserveRefund (the reversal failed).
func ReleaseRefund(ctx context.Context, db *gorm.DB, id uint, amount int64) error {
	return db.WithContext(ctx).Model(&Trade{}).Where("id = ? AND refunded_amount >= ?", id, amount).
		Update("refunded_amount", gorm.Expr("refunded_amount - ?", amount)).Error
}
