package store

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"
)

// TestNowIsTheDatabaseClock reads the clock of a real SQLite file and, when a server is given
// in XTF_TEST_PG_DSN, of PostgreSQL: UTC, close to this host's (same machine), and moving.
func TestNowIsTheDatabaseClock(t *testing.T) {
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "clock.db")}
	if pg := os.Getenv("XTF_TEST_PG_DSN"); pg != "" {
		dsns["postgres"] = pg
	} else {
		t.Log("PostgreSQL clock not read: XTF_TEST_PG_DSN is not set")
	}
	for kind, dsn := range dsns {
		t.Run(kind, func(t *testing.T) {
			db, err := Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer Close(db)
			a, err := Now(t.Context(), db)
			if err != nil {
				t.Fatal(err)
			}
			if a.Location() != time.UTC {
				t.Errorf("Now is in %v, want UTC", a.Location())
			}
			if d := time.Since(a); d > time.Minute || d < -time.Minute {
				t.Errorf("database clock %v is %v away from this host's, on the same machine", a, d)
			}
			time.Sleep(20 * time.Millisecond)
			b, err := Now(t.Context(), db)
			if err != nil {
				t.Fatal(err)
			}
			if !b.After(a) {
				t.Errorf("database clock did not move: %v then %v", a, b)
			}
		})
	}
}

// TestClockReadsOncePerRefresh: within the refresh the Clock answers without a query and keeps
// moving; after it, it reads the database again.
func TestClockReadsOncePerRefresh(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "clock.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	var reads atomic.Int32
	count := func(*gorm.DB) { reads.Add(1) }
	if err := db.Callback().Query().After("gorm:query").Register("test:count", count); err != nil {
		t.Fatal(err)
	}
	if err := db.Callback().Row().After("gorm:row").Register("test:count", count); err != nil {
		t.Fatal(err)
	}
	c := NewClock(db, time.Hour)
	a, err := c.Now(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	b, err := c.Now(t.Context())
	if err != nil || !b.After(a) || reads.Load() != 1 {
		t.Fatalf("second read %v (after %v): %v, %d database reads; want later, 1 read", b, a, err, reads.Load())
	}
	c.refresh = 0
	if _, err := c.Now(t.Context()); err != nil || reads.Load() != 2 {
		t.Fatalf("after the refresh: %v, %d database reads; want 2", err, reads.Load())
	}
}
