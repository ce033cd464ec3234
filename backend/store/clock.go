package store

import (
	"context"
	"fmt"
	"sync"
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

// Clock is the database's clock for frequent use: it reads the database at most once per
// refresh and carries that reading forward on this host's monotonic clock in between, so a
// caller pays one round trip per refresh, not one per call. Between reads it can drift from
// the database by the hosts' clock-rate difference (microseconds over seconds), far inside
// every margin it decides.
type Clock struct {
	db      *gorm.DB
	refresh time.Duration

	mu   sync.Mutex
	base time.Time // the database's time at the last read
	at   time.Time // this host's monotonic reading at the same moment
}

// NewClock returns a Clock on db that reads it again after refresh.
func NewClock(db *gorm.DB, refresh time.Duration) *Clock {
	return &Clock{db: db, refresh: refresh}
}

// Now returns the database's current time in UTC.
func (c *Clock) Now(ctx context.Context) (time.Time, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < c.refresh {
		return c.base.Add(time.Since(c.at)), nil
	}
	before := time.Now()
	t, err := Now(ctx, c.db)
	if err != nil {
		return time.Time{}, err
	}
	c.base, c.at = t, before.Add(time.Since(before)/2)
	return c.base.Add(time.Since(c.at)), nil
}
