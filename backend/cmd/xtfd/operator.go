package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/store"
)

// defaultDB is the SQLite file used when -db is not given: xtfd.db in the data dir.
func defaultDB() string {
	dir, err := store.DataDir()
	if err != nil {
		return "xtfd.db"
	}
	return filepath.Join(dir, "xtfd.db")
}

// operatorService opens dsn and returns a Service without a gateway (operator commands
// never charge). close releases the database.
func operatorService(dsn string, log *slog.Logger) (svc *platform.Service, closeDB func(), err error) {
	db, err := openDB(dsn)
	if err != nil {
		return nil, nil, err
	}
	noGateway := func(*store.Merchant) (gateway.Provider, error) {
		return nil, errors.New("xtfd: operator commands do not charge")
	}
	svc, err = platform.New(platform.Options{DB: db, Gateway: noGateway, Log: log})
	if err != nil {
		store.Close(db)
		return nil, nil, err
	}
	return svc, func() { store.Close(db) }, nil
}

// operate parses fs, opens the database and runs fn, printing its error plainly.
func operate(fs *flag.FlagSet, args []string, stderr io.Writer, dsn *string, fn func(context.Context, *platform.Service) error) int {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "xtfd: unexpected arguments %v\n", fs.Args())
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	svc, closeDB, err := operatorService(*dsn, log)
	if err != nil {
		fmt.Fprintf(stderr, "xtfd: %v\n", err)
		return 1
	}
	defer closeDB()
	if err := fn(context.Background(), svc); err != nil {
		if de, ok := errors.AsType[*domain.Error](err); ok {
			fmt.Fprintf(stderr, "xtfd: %s (%s)\n", de.Message, de.Code)
		} else {
			fmt.Fprintf(stderr, "xtfd: %v\n", err)
		}
		return 1
	}
	return 0
}

func merchantAdd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xtfd merchant add", flag.ContinueOnError)
	dsn := fs.String("db", defaultDB(), "SQLite file or postgres:// DSN")
	var in platform.MerchantInput
	fs.StringVar(&in.MerchantNo, "no", "", "merchant number (6–20 digits), typed at initialisation")
	fs.StringVar(&in.Name, "name", "", "merchant name")
	fs.StringVar(&in.Phone, "phone", "", "registered mobile number; SMS codes go here")
	fs.StringVar(&in.CusID, "cusid", "", "Allinpay cusid (default: the merchant number)")
	fs.StringVar(&in.AppID, "appid", "", "Allinpay appid")
	fs.Int64Var(&in.PayLimit, "limit", 0, "single-payment limit in fen (0: default)")
	return operate(fs, args, stderr, dsn, func(ctx context.Context, svc *platform.Service) error {
		m, err := svc.AddMerchant(ctx, in)
		if err == nil {
			fmt.Fprintf(stdout, "merchant %s added (id %d)\n", m.MerchantNo, m.ID)
		}
		return err
	})
}

// terminalRevoke stops a terminal: its token, sessions and binding end (a stolen PC).
func terminalRevoke(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xtfd terminal revoke", flag.ContinueOnError)
	dsn := fs.String("db", defaultDB(), "SQLite file or postgres:// DSN")
	no := fs.String("merchant", "", "merchant number")
	term := fs.String("term", "", "terminal number (8 digits, as 终端管理 shows it)")
	return operate(fs, args, stderr, dsn, func(ctx context.Context, svc *platform.Service) error {
		err := svc.RevokeTerminalByNo(ctx, *no, *term)
		if err == nil {
			fmt.Fprintf(stdout, "terminal %s of merchant %s revoked\n", *term, *no)
		}
		return err
	})
}

func storeAdd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xtfd store add", flag.ContinueOnError)
	dsn := fs.String("db", defaultDB(), "SQLite file or postgres:// DSN")
	no := fs.String("merchant", "", "merchant number")
	name := fs.String("name", "", "store name")
	addr := fs.String("address", "", "store address")
	return operate(fs, args, stderr, dsn, func(ctx context.Context, svc *platform.Service) error {
		st, err := svc.AddStore(ctx, *no, *name, *addr)
		if err == nil {
			fmt.Fprintf(stdout, "store %s added (id %d)\n", st.Name, st.ID)
		}
		return err
	})
}

func noticeAdd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xtfd notice add", flag.ContinueOnError)
	dsn := fs.String("db", defaultDB(), "SQLite file or postgres:// DSN")
	var in platform.NoticeInput
	fs.StringVar(&in.MerchantNo, "merchant", "", "merchant number (empty: every merchant)")
	fs.StringVar(&in.Title, "title", "", "title")
	fs.StringVar(&in.Body, "body", "", "text")
	bodyFile := fs.String("body-file", "", "read the text from this file instead of -body")
	return operate(fs, args, stderr, dsn, func(ctx context.Context, svc *platform.Service) error {
		if *bodyFile != "" {
			b, err := os.ReadFile(*bodyFile)
			if err != nil {
				return err
			}
			in.Body = string(b)
		}
		n, err := svc.AddNotice(ctx, in)
		if err == nil {
			fmt.Fprintf(stdout, "notice %d published: %s\n", n.ID, n.Title)
		}
		return err
	})
}

func demoSeed(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xtfd demo", flag.ContinueOnError)
	dsn := fs.String("db", defaultDB(), "SQLite file or postgres:// DSN")
	return operate(fs, args, stderr, dsn, func(ctx context.Context, svc *platform.Service) error {
		if err := svc.SeedDemo(ctx); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "demo merchant %s ready (admin %s, initial password %s)\n",
			platform.DemoMerchantNo, domain.AdminAccount, domain.InitialPassword)
		return nil
	})
}

// openDB is store.Open on a private (0600) SQLite file, with the password in a DSN kept
// out of the error.
func openDB(dsn string) (*gorm.DB, error) {
	if err := privateDB(dsn); err != nil {
		return nil, fmt.Errorf("database file: %w", err)
	}
	db, err := store.Open(dsn)
	if err != nil {
		return nil, errors.New(redactDSN(err.Error(), dsn))
	}
	return db, nil
}

// redactDSN hides the password of a postgres:// DSN wherever it appears in s.
func redactDSN(s, dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return s
	}
	if pw, ok := u.User.Password(); ok && pw != "" {
		s = strings.ReplaceAll(s, pw, "****")
	}
	return s
}
