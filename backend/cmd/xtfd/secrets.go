package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"xiaotongfu/backend/store"
)

// checkPrivate refuses a secret file that others may read: on Unix its mode must give the
// group and others nothing (chmod 600). On Windows the ACL of the user's folder protects it.
func checkPrivate(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%s is readable by others (mode %04o); run chmod 600 %s", path, st.Mode().Perm(), path)
	}
	return nil
}

// readPrivate reads a secret file after checkPrivate.
func readPrivate(path string) ([]byte, error) {
	if err := checkPrivate(path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// defaultSecretFile is where the server secret lives when -secret-file is not given: next
// to a SQLite database, or in the data dir for PostgreSQL.
func defaultSecretFile(dsn string) string {
	if !store.IsPostgres(dsn) {
		return dsn + ".secret"
	}
	dir, err := store.DataDir()
	if err != nil {
		return "xtfd.secret"
	}
	return filepath.Join(dir, "xtfd.secret")
}

// loadSecret reads the server secret (it keys the stored SMS code hashes), creating it with
// 32 random bytes and mode 0600 on first start.
func loadSecret(path string) ([]byte, error) {
	b, err := readPrivate(path)
	if errors.Is(err, fs.ErrNotExist) {
		raw := make([]byte, 32)
		if _, err := rand.Read(raw); err != nil {
			return nil, err
		}
		b = []byte(hex.EncodeToString(raw))
		if err := os.WriteFile(path, b, 0o600); err != nil {
			return nil, fmt.Errorf("-secret-file: %w", err)
		}
		return b, nil
	}
	if err != nil {
		return nil, fmt.Errorf("-secret-file: %w", err)
	}
	if s := strings.TrimSpace(string(b)); len(s) >= 32 {
		return []byte(s), nil
	}
	return nil, fmt.Errorf("-secret-file %s: too short (at least 32 characters)", path)
}

// privateDB makes a SQLite database file (and its WAL and shared-memory files) mode 0600,
// creating it so SQLite never makes it world-readable.
func privateDB(dsn string) error {
	if store.IsPostgres(dsn) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(dsn), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(dsn, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	for _, p := range []string{dsn, dsn + "-wal", dsn + "-shm"} {
		if err := os.Chmod(p, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// loopback reports whether a listen address only accepts local connections.
func loopback(listen string) bool {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
