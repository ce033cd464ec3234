package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pressly/goose/v3"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"
)

// freshDSN is a new SQLite file, or a new schema on $XTF_TEST_PG_DSN (skipping, with the reason,
// when that is unset).
func freshDSN(t *testing.T, kind string) string {
	t.Helper()
	if kind == "sqlite" {
		return filepath.Join(t.TempDir(), "xtf.db")
	}
	base := os.Getenv("XTF_TEST_PG_DSN")
	if base == "" {
		t.Skip("PostgreSQL run skipped: XTF_TEST_PG_DSN is not set (start a server with scripts/pg-start.sh)")
	}
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("m_%d_%d", time.Now().UnixNano(), os.Getpid())
	if err := admin.Exec("CREATE SCHEMA " + name).Error; err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec("DROP SCHEMA " + name + " CASCADE"); Close(admin) })
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + name
}

var kinds = []string{"sqlite", "postgres"}

// checkSchemaIsModels fails unless db has every table, column and index the models declare.
func checkSchemaIsModels(t *testing.T, db *gorm.DB) {
	t.Helper()
	m := db.Migrator()
	for _, model := range All() {
		s, err := schema.Parse(model, &sync.Map{}, db.NamingStrategy)
		if err != nil {
			t.Fatal(err)
		}
		if !m.HasTable(model) {
			t.Errorf("table %s missing", s.Table)
			continue
		}
		for _, f := range s.Fields {
			if f.DBName != "" && !m.HasColumn(model, f.DBName) {
				t.Errorf("column %s.%s missing: add a migration for the model change", s.Table, f.DBName)
			}
		}
		for _, idx := range s.ParseIndexes() {
			if !m.HasIndex(model, idx.Name) {
				t.Errorf("index %s on %s missing: add a migration for the model change", idx.Name, s.Table)
			}
		}
	}
}

// migrator returns the goose provider Open used for db.
func migrator(t *testing.T, db *gorm.DB, kind string) *goose.Provider {
	t.Helper()
	sqlDB, err := db.DB()
	if err != nil {
		t.Fatal(err)
	}
	dialect := goose.DialectSQLite3
	if kind == "postgres" {
		dialect = goose.DialectPostgres
	}
	p, err := newMigrator(sqlDB, dialect, kind)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMigrationsMatchModels: the migrations, from an empty database, build what the models
// declare, go all the way down to nothing, and up again, on SQLite and PostgreSQL.
func TestMigrationsMatchModels(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			db, err := Open(freshDSN(t, kind))
			if err != nil {
				t.Fatal(err)
			}
			defer Close(db)
			checkSchemaIsModels(t, db)
			p := migrator(t, db, kind)
			if _, err := p.DownTo(context.Background(), 0); err != nil {
				t.Fatalf("down: %v", err)
			}
			for _, model := range All() {
				if db.Migrator().HasTable(model) {
					t.Fatalf("table of %T still there after migrating down", model)
				}
			}
			if _, err := p.Up(context.Background()); err != nil {
				t.Fatalf("up again: %v", err)
			}
			checkSchemaIsModels(t, db)
		})
	}
}

// TestMigrateTakesOverLastRelease builds a database as the last release did (its
// AutoMigrate's DDL: the baseline's Up without IF NOT EXISTS, no goose table), stores a trade
// in it, and opens it with today's code: the data stays and the schema becomes today's.
func TestMigrateTakesOverLastRelease(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			dsn := freshDSN(t, kind)
			old := openWithoutMigrations(t, dsn)
			for _, stmt := range strings.Split(releaseDDL(t, kind), ";\n") {
				if strings.TrimSpace(stmt) != "" {
					if err := old.Exec(stmt).Error; err != nil {
						t.Fatalf("release DDL: %v\n%s", err, stmt)
					}
				}
			}
			if err := old.Exec("INSERT INTO trades (merchant_id, req_sn, store_id, terminal_id, cashier_id, kind, status, amount) " +
				"VALUES (1, 'R1', 1, 1, 1, 'pay', 'success', 1234)").Error; err != nil {
				t.Fatal(err)
			}
			Close(old)
			db, err := Open(dsn)
			if err != nil {
				t.Fatalf("open the last release's database: %v", err)
			}
			defer Close(db)
			checkSchemaIsModels(t, db)
			var tr Trade
			if err := db.Where("req_sn = ?", "R1").First(&tr).Error; err != nil || tr.Amount != 1234 {
				t.Fatalf("the release's trade after migrating: %+v, %v", tr, err)
			}
		})
	}
}

// TestConcurrentOpenMigratesOnce opens one new database from four goroutines at once (four
// servers starting together): all succeed and each migration is recorded once.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			dsn := freshDSN(t, kind)
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					db, err := Open(dsn)
					if err == nil {
						Close(db)
					}
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatalf("concurrent Open: %v", err)
				}
			}
			db := openWithoutMigrations(t, dsn)
			defer Close(db)
			var rows []struct{ VersionID int64 }
			if err := db.Raw("SELECT version_id FROM goose_db_version WHERE version_id > 0").Scan(&rows).Error; err != nil {
				t.Fatal(err)
			}
			seen := map[int64]bool{}
			for _, r := range rows {
				if seen[r.VersionID] {
					t.Fatalf("migration %d recorded twice: %v", r.VersionID, rows)
				}
				seen[r.VersionID] = true
			}
		})
	}
}

// openWithoutMigrations opens dsn as Open does but touches no schema.
func openWithoutMigrations(t *testing.T, dsn string) *gorm.DB {
	t.Helper()
	var d gorm.Dialector = postgres.Open(dsn)
	if !IsPostgres(dsn) {
		d = sqliteDialector(dsn)
	}
	db, err := gorm.Open(d, &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// releaseDDL is what the last release's AutoMigrate ran on an empty database of kind: the Up
// section of the baseline migration, without its IF NOT EXISTS.
func releaseDDL(t *testing.T, kind string) string {
	t.Helper()
	b, err := migrations.ReadFile("migrations/" + kind + "/00001_baseline.sql")
	if err != nil {
		t.Fatal(err)
	}
	up, _, ok := strings.Cut(string(b), "-- +goose Down")
	if !ok {
		t.Fatal("baseline migration has no Down section")
	}
	_, up, _ = strings.Cut(up, "-- +goose Up")
	return strings.ReplaceAll(up, " IF NOT EXISTS", "")
}
