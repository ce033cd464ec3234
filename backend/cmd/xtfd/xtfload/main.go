// Command xtfload drives an xtfd server with N concurrent terminals over HTTP and reports
// throughput and latency percentiles for login and for a successful payment (scripts/bench-xtfd.sh).
//
// Merchants <prefix>000 … <prefix>NNN must exist with one store each and phone 1380000NNNN;
// xtfd must run with -sms console -sms-log FILE and -gateway sim.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/platform/httpapi"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8080", "xtfd base URL; several, comma-separated, are used in turn")
	smsLog := flag.String("sms-log", "", "the file xtfd -sms-log writes")
	prefix := flag.String("prefix", "770000000", "merchant number prefix (3 digits are appended)")
	n := flag.Int("n", 50, "concurrent terminals")
	dur := flag.Duration("d", 20*time.Second, "duration of each phase")
	cryptoFor := flag.Duration("crypto", 5*time.Second, "how long to measure the cryptography's bound")
	var sf soakFlags
	flag.DurationVar(&sf.plan.d, "soak", 0, "soak instead of bench: play a shop's day this long (scripts/soak.sh)")
	flag.DurationVar(&sf.every, "every", time.Minute, "soak: print a row this often")
	flag.Float64Var(&sf.plan.base, "base", 1.0/120, "soak: pays a second of one terminal at the base rate")
	flag.Float64Var(&sf.plan.peak, "peak", 1.0/8, "soak: pays a second of one terminal at the lunch-hour peak")
	flag.DurationVar(&sf.plan.heartbeat, "heartbeat", time.Minute, "soak: how often an idle terminal checks in")
	flag.IntVar(&sf.probe.pid, "pid", 0, "soak: the xtfd process, for its RSS and open files")
	flag.StringVar(&sf.probe.pprof, "pprof", "", "soak: xtfd's -pprof address, for its goroutines")
	flag.Parse()
	ctx := context.Background()
	if sf.plan.d > 0 {
		sf.url, sf.smsLog, sf.prefix, sf.terminals = *url, *smsLog, *prefix, *n
		os.Exit(runSoak(ctx, sf))
	}
	first, tr, err := newRoundRobin(*url, &http.Transport{MaxIdleConns: *n * 4, MaxIdleConnsPerHost: *n * 2})
	if err != nil {
		fmt.Fprintln(os.Stderr, "xtfload:", err)
		os.Exit(2)
	}
	api := httpapi.NewClient(first, &http.Client{Transport: tr, Timeout: httpapi.DefaultTimeout})
	terms, err := setup(ctx, api, *smsLog, *prefix, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "xtfload:", err)
		os.Exit(1)
	}
	report("login", *n, *dur, func(i int) error {
		_, err := api.Login(ctx, terms[i], domain.AdminAccount, benchPassword)
		return err
	})
	creds := loginAll(ctx, api, terms)
	fmt.Println("pay phase: starting") // scripts/bench-xtfd.sh -profile starts profiling here
	var seq atomic.Int64
	pays := report("pay", *n, *dur, func(i int) error {
		// A fresh WeChat code each time (a code is charged once); last digits 00 = success.
		code := fmt.Sprintf("13%014d00", seq.Add(1))
		tr, err := api.Pay(ctx, creds[i], platform.PayInput{Amount: 1, AuthCode: code, Source: "manual"})
		if err == nil && tr.Status != string(domain.StatusSuccess) {
			return fmt.Errorf("status %s", tr.Status)
		}
		return err
	})
	bound, err := cryptoBound(*cryptoFor)
	if err != nil {
		fmt.Fprintln(os.Stderr, "xtfload:", err)
		os.Exit(1)
	}
	fmt.Printf("crypto bound=%.1f pays/s (2 RSA signs + 2 verifies a pay, %d CPUs)  pay/bound=%.0f%%\n",
		bound, runtime.GOMAXPROCS(0), 100*pays/bound)
}

// benchPassword is what setup changes each admin 01's initial password to (the platform
// allows nothing else until it is changed).
const benchPassword = "Bench2026x"

var reCode = regexp.MustCompile(`(1[0-9]{10}) .*验证码为 ([0-9]{6})`)

// setup initialises one terminal per merchant, reading the codes from the SMS log, and
// changes admin 01's initial password to benchPassword there.
func setup(ctx context.Context, api *httpapi.Client, smsLog, prefix string, n int) ([]string, error) {
	var terms []string
	for i := range n {
		no := fmt.Sprintf("%s%03d", prefix, i)
		if _, err := api.RequestInitCode(ctx, no); err != nil {
			return nil, fmt.Errorf("init %s: %w", no, err)
		}
		code, err := lastCode(smsLog, fmt.Sprintf("1380000%04d", i))
		if err != nil {
			return nil, err
		}
		g, err := api.VerifyInitCode(ctx, no, code)
		if err != nil || len(g.Stores) == 0 {
			return nil, fmt.Errorf("verify %s: %v (stores %d)", no, err, len(g.Stores))
		}
		info, err := api.CompleteInit(ctx, g.Token, g.Stores[0].ID, "")
		if err != nil {
			return nil, fmt.Errorf("complete %s: %w", no, err)
		}
		if err := changeInitial(ctx, api, info.Token); err != nil {
			return nil, fmt.Errorf("%s: %w", no, err)
		}
		terms = append(terms, info.Token)
	}
	return terms, nil
}

// changeInitial logs admin 01 in on term with the initial password and changes it.
func changeInitial(ctx context.Context, api *httpapi.Client, term string) error {
	s, err := api.Login(ctx, term, domain.AdminAccount, domain.InitialPassword)
	if err != nil {
		return fmt.Errorf("first login: %w", err)
	}
	c := platform.Creds{TerminalToken: term, SessionToken: s.Token}
	if err := api.ChangePassword(ctx, c, domain.InitialPassword, benchPassword); err != nil {
		return fmt.Errorf("change the initial password: %w", err)
	}
	return api.Logout(ctx, c)
}

// lastCode finds the newest code sent to phone in the SMS log.
func lastCode(path, phone string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	code := ""
	for _, m := range reCode.FindAllSubmatch(b, -1) {
		if string(m[1]) == phone {
			code = string(m[2])
		}
	}
	if code == "" {
		return "", fmt.Errorf("no SMS code for %s in %s", phone, path)
	}
	return code, nil
}

// report runs op on n workers for d, prints throughput and latency percentiles and returns
// the throughput (successful operations per second).
func report(name string, n int, d time.Duration, op func(worker int) error) float64 {
	var mu sync.Mutex
	var lat []time.Duration
	var errs atomic.Int64
	var firstErr atomic.Value
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range n {
		wg.Go(func() {
			var mine []time.Duration
			for time.Now().Before(deadline) {
				t0 := time.Now()
				if err := op(w); err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(float64(len(lat))*p))]
	}
	fmt.Printf("%-5s terminals=%d ok=%d errors=%d throughput=%.1f/s p50=%s p99=%s max=%s\n", name, n, len(lat),
		errs.Load(), float64(len(lat))/elapsed.Seconds(), pct(0.50).Round(time.Millisecond),
		pct(0.99).Round(time.Millisecond), pct(1).Round(time.Millisecond))
	if e := firstErr.Load(); e != nil {
		fmt.Printf("      first error: %v\n", e)
	}
	return float64(len(lat)) / elapsed.Seconds()
}

// loginAll logs the admin in on every terminal for the pay phase, exiting on a failure.
func loginAll(ctx context.Context, api *httpapi.Client, terms []string) []platform.Creds {
	creds := make([]platform.Creds, 0, len(terms))
	for _, t := range terms {
		s, err := api.Login(ctx, t, domain.AdminAccount, benchPassword)
		if err != nil {
			fmt.Fprintln(os.Stderr, "xtfload: login:", err)
			os.Exit(1)
		}
		creds = append(creds, platform.Creds{TerminalToken: t, SessionToken: s.Token})
	}
	return creds
}
