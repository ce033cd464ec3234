package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// importColumns are the columns of a merchant import file, in order; the first four are
// required, the rest may be empty.
var importColumns = []string{"no", "name", "phone", "store", "cusid", "appid", "limit"}

// merchantImport registers the merchants of a CSV file, each with one store, in one run (a
// branch onboarding its merchants; the soak's thousand terminals). The file is UTF-8 with a
// header line naming importColumns. It stops at the first bad line, naming it; the merchants
// before it stay registered, and a second run skips the merchants that already exist.
func merchantImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xtfd merchant import", flag.ContinueOnError)
	dsn := fs.String("db", defaultDB(), "SQLite file or postgres:// DSN")
	file := fs.String("file", "", "CSV file: "+strings.Join(importColumns, ","))
	return operate(fs, args, stderr, dsn, func(ctx context.Context, svc *platform.Service) error {
		f, err := os.Open(*file)
		if err != nil {
			return err
		}
		defer f.Close()
		added, skipped, err := importMerchants(ctx, svc, f)
		fmt.Fprintf(stdout, "%d merchants added, %d already there\n", added, skipped)
		return err
	})
}

// importMerchants reads the CSV r and adds each merchant and its store.
func importMerchants(ctx context.Context, svc *platform.Service, r io.Reader) (added, skipped int, err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return 0, 0, fmt.Errorf("import: header: %w", err)
	}
	if len(head) < 4 || strings.Join(head[:4], ",") != strings.Join(importColumns[:4], ",") {
		return 0, 0, fmt.Errorf("import: the header must be %s", strings.Join(importColumns, ","))
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return added, skipped, nil
		}
		if err != nil {
			return added, skipped, fmt.Errorf("import: line %d: %w", line, err)
		}
		in, storeName, err := importRow(rec)
		if err != nil {
			return added, skipped, fmt.Errorf("import: line %d: %w", line, err)
		}
		if _, err := svc.AddMerchant(ctx, in); err != nil {
			if domain.CodeOf(err) == domain.CodeConflict {
				skipped++
				continue
			}
			return added, skipped, fmt.Errorf("import: line %d: merchant %s: %v", line, in.MerchantNo, err)
		}
		if _, err := svc.AddStore(ctx, in.MerchantNo, storeName, ""); err != nil {
			return added, skipped, fmt.Errorf("import: line %d: store of %s: %v", line, in.MerchantNo, err)
		}
		added++
	}
}

// importRow turns one CSV record into a merchant and its store's name.
func importRow(rec []string) (platform.MerchantInput, string, error) {
	for len(rec) < len(importColumns) {
		rec = append(rec, "")
	}
	in := platform.MerchantInput{MerchantNo: strings.TrimSpace(rec[0]), Name: strings.TrimSpace(rec[1]),
		Phone: strings.TrimSpace(rec[2]), CusID: strings.TrimSpace(rec[4]), AppID: strings.TrimSpace(rec[5])}
	if v := strings.TrimSpace(rec[6]); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return in, "", fmt.Errorf("limit %q is not a whole number of fen", v)
		}
		in.PayLimit = n
	}
	name := strings.TrimSpace(rec[3])
	if name == "" {
		return in, "", errors.New("the store name is empty")
	}
	return in, name, nil
}
