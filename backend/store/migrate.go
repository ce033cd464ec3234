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

// Migrate brings the schema of db (opened from dsn) to the newest version. Two processes never
// migrate at once: on PostgreSQL a session advisory lock serialises the xtfd servers sharing
// it; on SQLite an exclusive lock on the file dsn + ".migrate.lock" does.
func Migrate(db *gorm.DB, dsn string) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	if IsPostgres(dsn) {
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return fmt.Errorf("store: migration lock: %w", err)
		}
		return runMigrations(sqlDB, goose.DialectPostgres, "postgres", goose.WithSessionLocker(locker))
	}
	fl := flock.New(dsn + ".migrate.lock")
	ctx, cancel := context.WithTimeout(context.Background(), migrateLockWait)
	defer cancel()
	if ok, err := fl.TryLockContext(ctx, 50*time.Millisecond); err != nil || !ok {
		return fmt.Errorf("store: another process is migrating %s: %v", dsn, err)
	}
	defer fl.Unlock()
	return runMigrations(sqlDB, goose.DialectSQLite3, "sqlite")
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
