package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
)

// committerDB opens a fresh database of kind with a table of unique names to write to.
func committerDB(t testing.TB, kind string) *gorm.DB {
	t.Helper()
	tt, ok := t.(*testing.T)
	dsn := ""
	if ok {
		dsn = freshDSN(tt, kind)
	} else {
		dsn = t.TempDir() + "/bench.db"
	}
	db, err := Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Close(db) })
	if err := db.Exec("CREATE TABLE gc_rows (name VARCHAR(40) PRIMARY KEY)").Error; err != nil {
		t.Fatal(err)
	}
	return db
}

func insertRow(name string) func(tx *gorm.DB) error {
	return func(tx *gorm.DB) error { return tx.Exec("INSERT INTO gc_rows (name) VALUES (?)", name).Error }
}

func rowNames(t *testing.T, db *gorm.DB) map[string]bool {
	t.Helper()
	var names []string
	if err := db.Raw("SELECT name FROM gc_rows").Scan(&names).Error; err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, n := range names {
		got[n] = true
	}
	return got
}

// TestCommitterGroupsConcurrentWrites: 64 concurrent writers all commit, in fewer
// transactions than writes, and each write is visible to a new reader once Do returned.
func TestCommitterGroupsConcurrentWrites(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			db := committerDB(t, kind)
			c := NewCommitter(db, true)
			var wg sync.WaitGroup
			errs := make([]error, 64)
			for i := range errs {
				wg.Go(func() {
					name := fmt.Sprintf("w%02d", i)
					if errs[i] = c.Do(t.Context(), insertRow(name)); errs[i] == nil {
						var n int64
						errs[i] = db.Raw("SELECT count(*) FROM gc_rows WHERE name = ?", name).Scan(&n).Error
						if errs[i] == nil && n != 1 {
							errs[i] = fmt.Errorf("%s not visible after Do returned", name)
						}
					}
				})
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatal(err)
			}
			if got := rowNames(t, db); len(got) != 64 {
				t.Fatalf("%d rows committed, want 64", len(got))
			}
			batches, ops := c.Stats()
			t.Logf("%d writes in %d transactions", ops, batches)
			if ops != 64 || batches >= ops {
				t.Fatalf("%d writes in %d transactions: nothing was grouped", ops, batches)
			}
		})
	}
}

// TestCommitterIsolatesAFailingWrite: in one batch, a write that breaks a unique key (after
// writing a row of its own) and one that panics fail alone: their rows are rolled back, the
// others' committed.
func TestCommitterIsolatesAFailingWrite(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			db := committerDB(t, kind)
			c := NewCommitter(db, true)
			hold, held := make(chan struct{}), make(chan struct{})
			first := make(chan error, 1)
			go func() {
				first <- c.Do(t.Context(), func(tx *gorm.DB) error {
					close(held)
					<-hold // the next ops queue up behind this batch
					return insertRow("a")(tx)
				})
			}()
			<-held
			ops := map[string]func(tx *gorm.DB) error{
				"b": insertRow("b"),
				"dup": func(tx *gorm.DB) error {
					if err := insertRow("dup-partial")(tx); err != nil {
						return err
					}
					return insertRow("a")(tx)
				},
				"panic": func(tx *gorm.DB) error {
					if err := insertRow("panic-partial")(tx); err != nil {
						return err
					}
					panic("boom")
				},
				"c": insertRow("c"),
			}
			results := sync.Map{}
			var wg sync.WaitGroup
			for name, op := range ops {
				wg.Go(func() { results.Store(name, c.Do(t.Context(), op)) })
			}
			waitQueued(t, c, len(ops))
			close(hold)
			wg.Wait()
			if err := <-first; err != nil {
				t.Fatal(err)
			}
			for name := range ops {
				v, _ := results.Load(name)
				err, _ := v.(error)
				failing := name == "dup" || name == "panic"
				if failing != (err != nil) {
					t.Errorf("%s: err %v", name, err)
				}
			}
			if v, _ := results.Load("panic"); v == nil || !strings.Contains(v.(error).Error(), "boom") {
				t.Errorf("the panic's error: %v", v)
			}
			got := rowNames(t, db)
			for _, want := range []string{"a", "b", "c"} {
				if !got[want] {
					t.Errorf("row %s missing: %v", want, got)
				}
			}
			if got["dup-partial"] || got["panic-partial"] || len(got) != 3 {
				t.Errorf("a failed write left rows: %v", got)
			}
			if batches, _ := c.Stats(); batches != 2 {
				t.Errorf("%d transactions, want 2 (the held one, then the four queued)", batches)
			}
		})
	}
}

// waitQueued waits until n ops are queued behind the running batch.
func waitQueued(t *testing.T, c *Committer, n int) {
	t.Helper()
	for range 5000 {
		c.mu.Lock()
		q := len(c.queue)
		c.mu.Unlock()
		if q == n {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("the ops never queued")
}

// TestCommitterUngroupedIsPlainTransactions: with grouping off each Do is a transaction of
// its own, and a failing one still reports its error and leaves nothing.
func TestCommitterUngroupedIsPlainTransactions(t *testing.T) {
	db := committerDB(t, "sqlite")
	c := NewCommitter(db, false)
	if err := c.Do(t.Context(), insertRow("x")); err != nil {
		t.Fatal(err)
	}
	err := c.Do(t.Context(), func(tx *gorm.DB) error {
		_ = insertRow("y")(tx)
		return insertRow("x")(tx)
	})
	if err == nil {
		t.Fatal("a duplicate key committed")
	}
	if got := rowNames(t, db); len(got) != 1 || !got["x"] {
		t.Fatalf("rows %v, want only x", got)
	}
}

// TestCommitterCancelledCallerStillCommits: a grouped write whose caller's context is
// cancelled while it waits is still committed and reported, never half-done.
func TestCommitterCancelledCallerStillCommits(t *testing.T) {
	db := committerDB(t, "sqlite")
	c := NewCommitter(db, true)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := c.Do(ctx, insertRow("late")); err != nil {
		t.Fatal(err)
	}
	if !rowNames(t, db)["late"] {
		t.Fatal("the write of a cancelled caller is missing")
	}
}

// BenchmarkCommitter compares grouped and plain commits of concurrent single-row writes on a
// SQLite file with synchronous=FULL (one fsync a commit).
func BenchmarkCommitter(b *testing.B) {
	for _, group := range []bool{false, true} {
		b.Run(map[bool]string{false: "plain", true: "grouped"}[group], func(b *testing.B) {
			db := committerDB(b, "sqlite")
			c := NewCommitter(db, group)
			var seq sync.Mutex
			n := 0
			b.SetParallelism(16)
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					seq.Lock()
					n++
					name := fmt.Sprintf("r%09d", n)
					seq.Unlock()
					if err := c.Do(context.Background(), insertRow(name)); err != nil {
						b.Error(err)
						return
					}
				}
			})
			batches, ops := c.Stats()
			b.ReportMetric(float64(ops)/float64(max(batches, 1)), "writes/commit")
		})
	}
}
