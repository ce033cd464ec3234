package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// sqliteNow is SQLite's clock as text: UTC, to the millisecond.
const sqliteNow = "SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')"

// Now returns the database server's current time in UTC. The platform measures every age that
// decides a trade's fate (leases, poll windows, the first-query delay, the long check horizon)
// on this one clock, so servers whose own clocks disagree still agree about a trade.
func Now(ctx context.Context, db *gorm.DB) (time.Time, error) {
	if db.Dialector.Name() == "postgres" {
		var t time.Time
		if err := db.WithContext(ctx).Raw("SELECT clock_timestamp()").Scan(&t).Error; err != nil {
			return time.Time{}, fmt.Errorf("store: read the database clock: %w", err)
		}
		return t.UTC(), nil
	}
	var s string
	if err := db.WithContext(ctx).Raw(sqliteNow).Scan(&s).Error; err != nil {
		return time.Time{}, fmt.Errorf("store: read the database clock: %w", err)
	}
	t, err := time.ParseInLocation("2006-01-02 15:04:05.000", s, time.UTC)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: database clock %q: %w", s, err)
	}
	return t, nil
}
