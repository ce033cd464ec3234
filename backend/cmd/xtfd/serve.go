package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os/signal"
	"syscall"
	"time"

	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
	"xiaotongfu/backend/store"
)

// serveFlags is everything `xtfd serve` is told.
type serveFlags struct {
	listen, dsn, tlsCert, tlsKey string
	secretFile                   string
	pprof                        string
	insecureHTTP                 bool
	proxies                      []netip.Addr
	sessionTTL, terminalTTL      time.Duration
	maxRangeDays                 int
	reconcileHour                int
	gw                           gatewayFlags
	sms                          smsFlags
	test                         testFlags
}

func parseServe(args []string, stderr io.Writer) (*serveFlags, error) {
	f := &serveFlags{}
	fs := flag.NewFlagSet("xtfd serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.listen, "listen", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&f.dsn, "db", defaultDB(), "SQLite file, or a postgres:// DSN")
	fs.StringVar(&f.tlsCert, "tls-cert", "", "serve HTTPS with this certificate (PEM) and -tls-key")
	fs.StringVar(&f.tlsKey, "tls-key", "", "private key for -tls-cert")
	fs.BoolVar(&f.insecureHTTP, "insecure-http", false, "allow plain HTTP on a non-loopback address (behind a TLS proxy only)")
	fs.Func("trusted-proxy", "address of a TLS proxy in front (repeatable): its X-Forwarded-For names the client", func(v string) error {
		a, err := netip.ParseAddr(v)
		f.proxies = append(f.proxies, a)
		return err
	})
	fs.StringVar(&f.secretFile, "secret-file", "", "server secret (keys SMS code hashes; created 0600; default: <db>.secret)")
	fs.DurationVar(&f.sessionTTL, "session-ttl", 12*time.Hour, "how long a login session lasts")
	fs.DurationVar(&f.terminalTTL, "terminal-ttl", 90*24*time.Hour, "a terminal unused this long must be initialised again (0: never)")
	fs.IntVar(&f.maxRangeDays, "max-range-days", platform.DefaultMaxRangeDays, "the longest period (days) one trade query, total, statistic or export may span")
	fs.IntVar(&f.reconcileHour, "reconcile-hour", platform.DefaultReconcileHour, "fetch yesterday's Allinpay statement and reconcile at or after this hour, China time (0–23; -1: never)")
	fs.BoolVar(&f.sms.demo, "demo", false, "console SMS: show phone numbers and codes in the log")
	fs.StringVar(&f.gw.kind, "gateway", "sim", "acquirer: sim (built-in simulator) or allinpay")
	fs.StringVar(&f.gw.simSign, "sim-sign", allinpay.SignRSA, "simulator signing: RSA, SM2 or MD5")
	fs.StringVar(&f.gw.url, "allinpay-url", allinpay.ProductionURL, "Allinpay API base URL")
	fs.StringVar(&f.gw.stmtURL, "allinpay-statement-url", "", "Allinpay daily statement (trxfile/get) URL; default: -allinpay-url + /trxfile/get")
	fs.StringVar(&f.gw.signType, "allinpay-sign", allinpay.SignRSA, "Allinpay signing: RSA, SM2 or MD5")
	fs.StringVar(&f.gw.keyFile, "allinpay-key", "", "merchant private key file (PEM, PKCS#8)")
	fs.StringVar(&f.gw.pubFile, "allinpay-pubkey", "", "Allinpay public key file (PEM)")
	fs.StringVar(&f.gw.md5File, "allinpay-md5key", "", "MD5 key file (sign type MD5)")
	fs.StringVar(&f.gw.orgID, "allinpay-orgid", "", "Allinpay group/agent number (optional)")
	fs.StringVar(&f.gw.version, "allinpay-version", "11", "Allinpay API version: 11 or 12")
	fs.StringVar(&f.sms.kind, "sms", "console", "SMS delivery: console (log and -sms-log) or webhook (-sms-url)")
	fs.StringVar(&f.sms.logPath, "sms-log", "", "console SMS: also append each message to this file")
	fs.StringVar(&f.sms.url, "sms-url", "", "webhook SMS: the provider's HTTP endpoint")
	fs.StringVar(&f.pprof, "pprof", "", "serve Go's CPU, block and mutex profiles on this loopback address (measuring only)")
	f.test.register(fs)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %v", fs.Args())
	}
	if (f.tlsCert == "") != (f.tlsKey == "") {
		return nil, errors.New("-tls-cert and -tls-key go together")
	}
	if f.tlsCert == "" && !f.insecureHTTP && !loopback(f.listen) {
		return nil, fmt.Errorf("-listen %s is not a loopback address: serve HTTPS (-tls-cert, -tls-key), or give -insecure-http behind a TLS proxy", f.listen)
	}
	if f.reconcileHour < -1 || f.reconcileHour > 23 {
		return nil, fmt.Errorf("-reconcile-hour %d: give 0–23, or -1 for never", f.reconcileHour)
	}
	if f.secretFile == "" {
		f.secretFile = defaultSecretFile(f.dsn)
	}
	return f, nil
}

// serve runs the platform server until SIGINT or SIGTERM.
func serve(args []string, stderr io.Writer) int {
	f, err := parseServe(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "xtfd: %v\n", err)
		}
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := runServer(ctx, f, log, nil); err != nil {
		fmt.Fprintf(stderr, "xtfd: %v\n", err)
		return 1
	}
	return 0
}

// runServer builds the platform and serves it until ctx ends. ready, when set, receives
// the bound address once the server listens (tests use -listen 127.0.0.1:0).
func runServer(ctx context.Context, f *serveFlags, log *slog.Logger, ready chan<- string) error {
	svc, cleanup, err := buildService(f, log)
	if err != nil {
		return err
	}
	defer cleanup()
	if err := svc.Start(ctx); err != nil {
		return err
	}
	defer svc.Stop()
	if f.pprof != "" {
		if err := servePprof(ctx, f.pprof, log); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return err
	}
	handler := httpapi.NewServer(svc, log)
	if len(f.proxies) > 0 {
		handler = httpapi.BehindProxy(handler, f.proxies)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute,
		MaxHeaderBytes: 16 << 10, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	log.Info("xtfd: listening", "addr", ln.Addr().String(), "db", kindOf(f.dsn), "gateway", f.gw.kind, "sms", f.sms.kind)
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() {
		if f.tlsCert != "" {
			errc <- srv.ServeTLS(ln, f.tlsCert, f.tlsKey)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

// buildService opens the database, the gateway, the SMS sender and the secret, and builds
// the platform on them; cleanup releases them in reverse order.
func buildService(f *serveFlags, log *slog.Logger) (svc *platform.Service, cleanup func(), err error) {
	var undo []func()
	release := func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	defer func() {
		if err != nil {
			release()
		}
	}()
	if f.tlsKey != "" {
		if err := checkPrivate(f.tlsKey); err != nil {
			return nil, nil, fmt.Errorf("-tls-key: %w", err)
		}
	}
	secret, err := loadSecret(f.secretFile)
	if err != nil {
		return nil, nil, err
	}
	db, err := openDB(f.dsn)
	if err != nil {
		return nil, nil, err
	}
	undo = append(undo, func() { store.Close(db) })
	gw, stopGW, err := f.gw.build(log)
	if err != nil {
		return nil, nil, err
	}
	if stopGW != nil {
		undo = append(undo, stopGW)
	}
	sms, closeSMS, err := f.sms.sender(log)
	if err != nil {
		return nil, nil, err
	}
	undo = append(undo, func() { closeSMS() })
	svc, err = platform.New(platform.Options{DB: db, Gateway: gw, SMS: sms, Log: log, Secret: secret,
		SessionTTL: f.sessionTTL, TerminalTTL: f.terminalTTL, MaxRangeDays: f.maxRangeDays, Poll: f.test.poll, Now: f.test.now(),
		Reconcile: platform.ReconcileOptions{Enabled: f.reconcileHour >= 0, Hour: f.reconcileHour}})
	return svc, release, err
}

// kindOf names the database kind for the log without printing a DSN.
func kindOf(dsn string) string {
	if store.IsPostgres(dsn) {
		return "postgres"
	}
	return "sqlite:" + dsn
}
