package store

import (
	"path/filepath"
	"testing"
)

func TestOpenSQLiteWALAndMigrate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "xtf.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	var mode string
	if err := db.Raw("PRAGMA journal_mode").Scan(&mode).Error; err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	// FULL (2): in WAL mode NORMAL may lose the last commits on power loss; a paid trade must survive.
	var sync int
	if err := db.Raw("PRAGMA synchronous").Scan(&sync).Error; err != nil || sync != 2 {
		t.Fatalf("synchronous = %d, %v; want 2 (FULL)", sync, err)
	}
	m := Merchant{MerchantNo: "990581007426001", Name: "演示商户", Phone: "13800000000"}
	if err := db.Create(&m).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Create(&Merchant{MerchantNo: m.MerchantNo, Name: "dup", Phone: "1"}).Error; err == nil {
		t.Fatal("duplicate merchant number accepted")
	}
	// Reopening runs the migrations again on an existing file without error.
	Close(db)
	db2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db2)
	var n int64
	db2.Model(&Merchant{}).Count(&n)
	if n != 1 {
		t.Fatalf("merchants after reopen = %d", n)
	}
}

func TestDataDirEnv(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	t.Setenv(DataDirEnv, dir)
	got, err := DataDir()
	if err != nil || got != dir {
		t.Fatalf("DataDir() = %q, %v; want %q", got, err, dir)
	}
}

func TestOpenEmpty(t *testing.T) {
	if _, err := Open(""); err == nil {
		t.Fatal("empty path accepted")
	}
}
