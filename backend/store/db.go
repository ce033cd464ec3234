// Package store opens the database (SQLite by default, PostgreSQL given a DSN), runs the
// migrations and knows where the app keeps its data.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// DataDirEnv overrides the data folder (tests, demos, portable installs).
const DataDirEnv = "XTF_DATA_DIR"

// DataDir returns the folder for the database, settings and logs, creating it:
// $XTF_DATA_DIR, or <user config dir>/XiaoTongFu.
func DataDir() (string, error) {
	dir, err := DataDirPath()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("store: create data dir: %w", err)
	}
	return dir, nil
}

// DataDirPath returns where DataDir keeps the data, without creating anything.
func DataDirPath() (string, error) {
	if dir := os.Getenv(DataDirEnv); dir != "" {
		return dir, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("store: no user config dir: %w", err)
	}
	return filepath.Join(base, "XiaoTongFu"), nil
}

// IsPostgres reports whether dsn names a PostgreSQL server rather than a SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to dsn (a SQLite file path, or a postgres:// URL) and migrates the schema.
// SQLite runs in WAL mode with synchronous=FULL (a commit survives a power loss), a busy
// timeout and foreign keys on.
func Open(dsn string) (*gorm.DB, error) {
	if dsn == "" {
		return nil, errors.New("store: empty database path")
	}
	cfg := &gorm.Config{Logger: logger.Discard, TranslateError: true}
	var dialector gorm.Dialector
	if IsPostgres(dsn) {
		dialector = postgres.Open(dsn)
	} else {
		if err := os.MkdirAll(filepath.Dir(dsn), 0o700); err != nil {
			return nil, fmt.Errorf("store: create folder for %s: %w", dsn, err)
		}
		unlock, err := lockSQLite(dsn)
		if err != nil {
			return nil, err
		}
		defer unlock()
		dialector = sqliteDialector(dsn)
	}
	db, err := gorm.Open(dialector, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open database: %w", err)
	}
	if !IsPostgres(dsn) {
		sqlDB, err := db.DB()
		if err != nil {
			return nil, err
		}
		sqlDB.SetMaxOpenConns(4)
	}
	if err := migrate(db, dsn); err != nil {
		return nil, err
	}
	return db, nil
}

// sqliteDialector opens the SQLite file dsn in WAL mode with synchronous=FULL, a busy timeout,
// immediate write transactions and foreign keys on.
func sqliteDialector(dsn string) gorm.Dialector {
	return sqlite.Open("file:" + dsn + "?_journal_mode=WAL&_busy_timeout=10000&_foreign_keys=on&_txlock=immediate&_synchronous=FULL")
}

// Close releases the database connections.
func Close(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// OpenSQLite opens (creating it) a SQLite file of the desktop's own, outside the platform's
// schema, with the same durability settings as Open and no migrations: the caller owns its
// tables (e.g. the POS API's order numbers).
func OpenSQLite(path string) (*gorm.DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: create folder for %s: %w", path, err)
	}
	db, err := gorm.Open(sqliteDialector(path), &gorm.Config{Logger: logger.Discard, TranslateError: true})
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return db, nil
}
