package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"github.com/gofrs/flock"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"gorm.io/gorm"
)

// migrations holds the versioned schema changes, one folder per database: NNNNN_name.sql
// files with goose's Up and Down sections. A change of a model in models.go needs a new
// file in both folders; TestMigrationsMatchModels fails until it has one.
//
//go:embed migrations
var migrations embed.FS

// migrateLockWait bounds how long a second process waits for another's migration.
const migrateLockWait = 2 * time.Minute

// migrate brings the schema of db (opened from dsn) to the newest version. Two processes never
// migrate at once: on PostgreSQL a session advisory lock serialises the xtfd servers sharing
// it; on SQLite the caller holds lockSQLite (Open holds it around opening and migrating).
func migrate(db *gorm.DB, dsn string) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	if !IsPostgres(dsn) {
		return runMigrations(sqlDB, goose.DialectSQLite3, "sqlite")
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return fmt.Errorf("store: migration lock: %w", err)
	}
	return runMigrations(sqlDB, goose.DialectPostgres, "postgres", goose.WithSessionLocker(locker))
}

// lockSQLite takes the exclusive lock file dsn + ".migrate.lock", which serialises opening and
// migrating one SQLite file across processes (on Windows, two first opens of a new file at once
// otherwise fail "database is locked"). The returned func releases it.
func lockSQLite(dsn string) (func(), error) {
	fl := flock.New(dsn + ".migrate.lock")
	ctx, cancel := context.WithTimeout(context.Background(), migrateLockWait)
	defer cancel()
	if ok, err := fl.TryLockContext(ctx, 50*time.Millisecond); err != nil || !ok {
		return nil, fmt.Errorf("store: another process is opening %s: %v", dsn, err)
	}
	return func() { _ = fl.Unlock() }, nil
}

// runMigrations applies every pending migration of folder dir.
func runMigrations(db *sql.DB, dialect goose.Dialect, dir string, opts ...goose.ProviderOption) error {
	p, err := newMigrator(db, dialect, dir, opts...)
	if err != nil {
		return err
	}
	if _, err := p.Up(context.Background()); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// newMigrator returns a goose provider for the migrations of folder dir.
func newMigrator(db *sql.DB, dialect goose.Dialect, dir string, opts ...goose.ProviderOption) (*goose.Provider, error) {
	sub, err := fs.Sub(migrations, "migrations/"+dir)
	if err != nil {
		return nil, err
	}
	p, err := goose.NewProvider(dialect, db, sub, append(opts, goose.WithDisableGlobalRegistry(true))...)
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	return p, nil
}
