package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"xiaotongfu/backend/gateway/sybsim"
)

// stack is everything a run started: the simulator, two xtfd servers, the desktops and the
// two fault proxies (xtfd → simulator, desktops → xtfd).
type stack struct {
	cfg      *config
	sim      *child
	simURL   string
	xtfd     []*child
	xtfdURL  []string
	desktops []*child
	all      children
	bankHop  *proxy
	deskHop  *proxy
	stops    []func()
	counts   *counter
}

// startBackend starts the simulator, its proxy and both xtfd servers, and waits until they answer.
func startBackend(ctx context.Context, cfg *config, counts *counter) (*stack, error) {
	s := &stack{cfg: cfg, counts: counts}
	key := make([]byte, 16)
	_, _ = rand.Read(key)
	md5Key := hex.EncodeToString(key)
	keyFile := filepath.Join(cfg.work, "md5key.txt")
	if err := os.WriteFile(keyFile, []byte(md5Key+"\n"), 0o600); err != nil {
		return s, err
	}
	simAddr, err := freeAddr()
	if err != nil {
		return s, err
	}
	s.sim = s.add("sybsim", filepath.Join(cfg.bin, "sybsim"), "-addr", simAddr, "-signtype", "MD5",
		"-md5key", md5Key, "-cusid", sybsim.DemoCusID, "-appid", sybsim.DemoAppID, "-slow-delay", "2s")
	if err := s.sim.start(); err != nil {
		return s, err
	}
	s.simURL = "http://" + simAddr
	if err := waitHTTP(ctx, s.simURL+"/_sim/trades"); err != nil {
		return s, fmt.Errorf("sybsim: %w", err)
	}
	s.bankHop = newProxy("xtfd→sybsim", cfg.plan(), counts, s.simURL)
	bankURL, stop, err := s.bankHop.listen()
	if err != nil {
		return s, err
	}
	s.stops = append(s.stops, stop)
	for i, skew := range []time.Duration{0, cfg.skew} {
		if err := s.startXtfd(ctx, i, skew, bankURL, keyFile); err != nil {
			return s, err
		}
	}
	return s, nil
}

// startXtfd starts xtfd number i with the given clock skew on a port of its own (kept across restarts).
func (s *stack) startXtfd(ctx context.Context, i int, skew time.Duration, bankURL, keyFile string) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	args := []string{"serve", "-listen", addr, "-db", s.cfg.dsn, "-gateway", "allinpay",
		"-allinpay-url", bankURL + "/apiweb", "-allinpay-sign", "MD5", "-allinpay-md5key", keyFile,
		"-sms", "console", "-test-clock-skew", skew.String()}
	x := s.add(fmt.Sprintf("xtfd-%c", 'A'+i), filepath.Join(s.cfg.bin, "xtfd"), append(args, s.cfg.poll.args()...)...)
	s.xtfd = append(s.xtfd, x)
	s.xtfdURL = append(s.xtfdURL, "http://"+addr)
	if err := x.start(); err != nil {
		return err
	}
	if err := waitHTTP(ctx, "http://"+addr+"/healthz"); err != nil {
		return fmt.Errorf("%s: %w (log: %s)", x.name, err, x.logPath)
	}
	return nil
}

// startDesktops puts the desktop proxy in front of both servers and starts the desktop
// processes, each with its share of the terminal tokens.
func (s *stack) startDesktops(tokens []string) error {
	s.deskHop = newProxy("desktop→xtfd", s.cfg.plan(), s.counts, s.xtfdURL...)
	url, stop, err := s.deskHop.listen()
	if err != nil {
		return err
	}
	s.stops = append(s.stops, stop)
	per := s.cfg.terminals
	for i := range s.cfg.desktops {
		mine := strings.Join(tokens[i*per:(i+1)*per], ",")
		d := s.add(fmt.Sprintf("desktop-%d", i), filepath.Join(s.cfg.bin, "xtfchaos"), "desktop",
			"-url", url, "-tokens", mine, "-pace", s.cfg.pace.String(), "-poll-for", (2 * s.cfg.poll.window).String())
		s.desktops = append(s.desktops, d)
		if err := d.start(); err != nil {
			return err
		}
	}
	return nil
}

// add registers a child process logging to the work directory.
func (s *stack) add(name, path string, args ...string) *child {
	c := &child{name: name, path: path, args: args, logPath: filepath.Join(s.cfg.work, name+".log")}
	s.all = append(s.all, c)
	return c
}

// faults turns fault injection on both hops on or off.
func (s *stack) faults(on bool) {
	for _, p := range []*proxy{s.bankHop, s.deskHop} {
		if p != nil {
			p.on.Store(on)
		}
	}
}

// close stops every process and proxy.
func (s *stack) close() {
	s.all.stopAll()
	for _, stop := range s.stops {
		stop()
	}
}

// freeAddr finds a free loopback port.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitHTTP waits until url answers 200, for up to 30 s.
func waitHTTP(ctx context.Context, url string) error {
	hc := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := hc.Get(url)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("HTTP %d", res.StatusCode)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("%s did not answer: %v", url, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
