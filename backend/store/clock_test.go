package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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
