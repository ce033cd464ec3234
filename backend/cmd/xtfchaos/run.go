package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/gateway/sybsim"
	"xiaotongfu/backend/store"
)

// runCmd is `xtfchaos run`: set up, inject faults, heal, settle, reconcile.
func runCmd(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseRun(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "xtfchaos: %v\n", err)
		}
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if cfg.work == "" {
		if cfg.work, err = os.MkdirTemp("", "xtfchaos-"); err != nil {
			fmt.Fprintf(stderr, "xtfchaos: %v\n", err)
			return 1
		}
	}
	r, err := chaosRun(ctx, cfg, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "xtfchaos: %v (logs in %s)\n", err, cfg.work)
		return 1
	}
	r.print(stdout)
	if !r.ok() {
		fmt.Fprintf(stdout, "xtfchaos: FAILED; logs in %s\n", cfg.work)
		return 1
	}
	return 0
}

// chaosRun starts everything, runs the faults and returns the reconciliation. Every process
// it started is stopped before it returns, whatever happens.
func chaosRun(ctx context.Context, cfg *config, out io.Writer) (*report, error) {
	db, err := store.Open(cfg.dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", "database", err)
	}
	defer store.Close(db)
	tokens, err := seedTerminals(ctx, db, cfg.desktops*cfg.terminals)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	counts := newCounter()
	s, err := startBackend(ctx, cfg, counts)
	defer s.close()
	if err != nil {
		return nil, err
	}
	if err := s.startDesktops(tokens); err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "xtfchaos: %d desktops × %d terminals, 2 xtfd (clock skew %v), faults for %v; logs in %s\n",
		cfg.desktops, cfg.terminals, cfg.skew, cfg.duration, cfg.work)
	start := time.Now()
	s.chaos(ctx, db, cfg.duration)
	for _, d := range s.desktops {
		d.stop()
	}
	s.bankHop.late.Wait()
	s.deskHop.late.Wait()
	for i := range s.xtfd {
		if !s.ensureUp(ctx, i) && ctx.Err() == nil {
			return nil, fmt.Errorf("%s does not start again (log: %s)", s.xtfd[i].name, s.xtfd[i].logPath)
		}
	}
	open := settle(ctx, db, cfg.settle)
	if ctx.Err() != nil {
		return nil, errors.New("interrupted")
	}
	fmt.Fprintf(out, "xtfchaos: faults over after %v; settled in %v with %d trades open\n",
		cfg.duration, time.Since(start)-cfg.duration, open)
	faults := counts.snapshot()
	printCounts(out, faults)
	r, err := s.reconcile(ctx, db)
	if err == nil {
		harnessChecks(r, faults)
	}
	return r, err
}

// harnessChecks fails a run that proved nothing: no trades, or a fault that could not be
// injected (a restart that failed, a server that did not come back).
func harnessChecks(r *report, faults map[string]int) {
	if r.trades == 0 {
		r.add(kHarness, "-", "no trades were made")
	}
	for name, n := range faults {
		if strings.Contains(name, "failed") || strings.Contains(name, "did not come back") || strings.Contains(name, "not delivered") {
			r.add(kHarness, "-", "%d × %s", n, name)
		}
	}
}

// settle waits until no trade is open, or for up to timeout, and returns how many still are.
func settle(ctx context.Context, db *gorm.DB, timeout time.Duration) int64 {
	deadline := time.Now().Add(timeout)
	n := int64(-1)
	for ctx.Err() == nil {
		err := db.WithContext(ctx).Model(&store.Trade{}).
			Where("status IN ?", []string{"created", "sent", "pending", "closing", "unknown"}).Count(&n).Error
		if (err == nil && n == 0) || time.Now().After(deadline) {
			return n
		}
		time.Sleep(time.Second)
	}
	return n
}

// reconcile reads both ledgers and compares them.
func (s *stack) reconcile(ctx context.Context, db *gorm.DB) (*report, error) {
	var ours []store.Trade
	if err := db.WithContext(ctx).Order("id").Find(&ours).Error; err != nil {
		return nil, fmt.Errorf("read the platform's trades: %w", err)
	}
	res, err := http.Get(s.simURL + "/_sim/trades")
	if err != nil {
		return nil, fmt.Errorf("read the bank's ledger: %w", err)
	}
	defer res.Body.Close()
	var bank []sybsim.Trade
	if err := json.NewDecoder(res.Body).Decode(&bank); err != nil {
		return nil, fmt.Errorf("read the bank's ledger: %w", err)
	}
	return reconcile(ours, bank), nil
}

// printCounts prints the faults injected, by name.
func printCounts(w io.Writer, counts map[string]int) {
	names := make([]string, 0, len(counts))
	for k := range counts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(w, "  %6d × %s\n", counts[k], k)
	}
}
