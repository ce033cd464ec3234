package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMerchantImport: a CSV file registers its merchants with a store each; a second run
// skips them; a bad line stops the run, named, keeping the lines before it.
func TestMerchantImport(t *testing.T) {
	dir := t.TempDir()
	db, csvFile := filepath.Join(dir, "xtfd.db"), filepath.Join(dir, "m.csv")
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(csvFile, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("no,name,phone,store\n880000000001,一号商户,13800000001,一号店\n880000000002,二号商户,13800000002,总店\n")
	code, out, errs := runCmd(t, "merchant", "import", "-db", db, "-file", csvFile)
	if code != 0 || !strings.Contains(out, "2 merchants added, 0 already there") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	code, out, _ = runCmd(t, "merchant", "import", "-db", db, "-file", csvFile)
	if code != 0 || !strings.Contains(out, "0 merchants added, 2 already there") {
		t.Fatalf("second import: %d %q", code, out)
	}
	if code, _, errs := runCmd(t, "store", "add", "-db", db, "-merchant", "880000000002", "-name", "总店"); code != 1 || !strings.Contains(errs, "已存在") {
		t.Fatalf("the imported store is missing: %d %s", code, errs)
	}
	write("no,name,phone,store,cusid,appid,limit\n880000000003,三号商户,13800000003,店,,,5000\n880000000004,四号商户,123,店\n")
	code, out, errs = runCmd(t, "merchant", "import", "-db", db, "-file", csvFile)
	if code != 1 || !strings.Contains(errs, "line 3") || !strings.Contains(out, "1 merchants added") {
		t.Fatalf("bad phone: %d %q %q", code, out, errs)
	}
	write("number,name\n1,2\n")
	if code, _, errs := runCmd(t, "merchant", "import", "-db", db, "-file", csvFile); code != 1 || !strings.Contains(errs, "header") {
		t.Fatalf("bad header: %d %q", code, errs)
	}
}
