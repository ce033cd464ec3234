// Command sybsim runs the simulated Allinpay 收银宝 platform as an HTTP server, for a
// technician or a demo to point the client (or sybctl) at. Without key flags it generates
// keys and prints where it wrote them. It logs one line per request, with payment codes masked.
//
// The scripted outcomes and test payment codes are documented in package
// xiaotongfu/backend/gateway/sybsim.
package main

import (
	"crypto"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
)

func main() {
	stop, code := start(os.Args[1:], os.Stdout, os.Stderr, func(err error) {
		fmt.Fprintln(os.Stderr, "sybsim:", err)
		os.Exit(1)
	})
	if stop == nil {
		os.Exit(code)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	stop()
}

// start sets the simulator up from args and serves it. It prints the address only once the
// listener is up, and returns the stop function, or nil and the exit status (0 after -h,
// 2 for bad flags or keys, 1 when the address cannot be listened on).
func start(args []string, stdout, stderr io.Writer, logErr func(error)) (stop func(), code int) {
	cfg, addr, err := setup(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return nil, 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "sybsim:", err)
		return nil, 2
	}
	logger := log.New(stderr, "sybsim ", log.LstdFlags|log.Lmicroseconds)
	cfg.Logf = logger.Printf
	sim, err := sybsim.New(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "sybsim:", err)
		return nil, 2
	}
	root, stop, err := sim.Listen(addr, logErr)
	if err != nil {
		fmt.Fprintln(stderr, "sybsim:", err)
		return nil, 1
	}
	fmt.Fprintf(stdout, "sybsim: %s on %s/apiweb (cusid %s, appid %s); ledger at %s/_sim/trades\n",
		cfg.SignType, root, cfg.CusID, cfg.AppID, root)
	return stop, 0
}

// setup parses flags and loads or generates keys. It prints what it generated to out.
func setup(args []string, out io.Writer) (sybsim.Config, string, error) {
	fs := flag.NewFlagSet("sybsim", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "127.0.0.1:8089", "listen address")
	signType := fs.String("signtype", allinpay.SignRSA, "sign type: RSA, SM2 or MD5")
	cusid := fs.String("cusid", sybsim.DemoCusID, "merchant number served")
	appid := fs.String("appid", sybsim.DemoAppID, "merchant appid (SM2 signer ID of requests)")
	md5key := fs.String("md5key", "", "MD5 key (MD5; generated when empty)")
	platformKey := fs.String("platform-key", "", "FILE: simulator's PKCS#8 private key, PEM or bare base64 (generated when empty)")
	merchantPub := fs.String("merchant-pubkey", "", "FILE: merchant's X.509 public key, PEM or bare base64 (generated when empty)")
	keyDir := fs.String("keydir", "", "where generated keys are written (default: a new temporary directory)")
	slow := fs.Duration("slow-delay", sybsim.DefaultSlowDelay, "how long outcome 93 holds the pay response")
	state := fs.String("state", "", "FILE: keep the ledger in this JSON file across restarts (default: memory only)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(out, "usage: sybsim [flags]")
			fs.SetOutput(out)
			fs.PrintDefaults()
			return sybsim.Config{}, "", err
		}
		return sybsim.Config{}, "", fmt.Errorf("%v (see -h)", err)
	}
	if fs.NArg() > 0 {
		return sybsim.Config{}, "", fmt.Errorf("unexpected argument %q (see -h)", fs.Arg(0))
	}
	cfg := sybsim.Config{SignType: *signType, CusID: *cusid, AppID: *appid, MD5Key: *md5key, SlowDelay: *slow, StateFile: *state}
	k := keys{dir: *keyDir, out: out}
	platform, merchant, err := readKeys(*platformKey, *merchantPub)
	if err != nil {
		return sybsim.Config{}, "", err
	}
	switch *signType {
	case allinpay.SignMD5:
		if cfg.MD5Key == "" {
			cfg.MD5Key, err = k.md5Key()
		}
	case allinpay.SignRSA, allinpay.SignSM2:
		cfg.PlatformKey, cfg.MerchantPublicKey, err = k.fill(*signType, platform, merchant)
	default:
		err = fmt.Errorf("-signtype must be RSA, SM2 or MD5, not %q", *signType)
	}
	return cfg, *addr, err
}

// keys loads key files, or generates keys and writes them under dir.
type keys struct {
	dir string
	out io.Writer
}

// readKeys parses the key files that were given (an empty name gives a nil key), whatever
// the sign type, so a file that is not a key is refused.
func readKeys(platformFile, merchantFile string) (crypto.Signer, crypto.PublicKey, error) {
	var platform crypto.Signer
	var merchantPub crypto.PublicKey
	if platformFile != "" {
		b, err := os.ReadFile(platformFile)
		if err != nil {
			return nil, nil, fmt.Errorf("-platform-key: %v", err)
		}
		if platform, err = allinpay.ParsePrivateKey(b); err != nil {
			return nil, nil, fmt.Errorf("-platform-key %s: %v", platformFile, err)
		}
	}
	if merchantFile != "" {
		b, err := os.ReadFile(merchantFile)
		if err != nil {
			return nil, nil, fmt.Errorf("-merchant-pubkey: %v", err)
		}
		if merchantPub, err = allinpay.ParsePublicKey(b); err != nil {
			return nil, nil, fmt.Errorf("-merchant-pubkey %s: %v", merchantFile, err)
		}
	}
	return platform, merchantPub, nil
}

// fill generates (and writes) the keys that were not given.
func (k *keys) fill(signType string, platform crypto.Signer, merchantPub crypto.PublicKey) (crypto.Signer, crypto.PublicKey, error) {
	var err error
	if platform == nil {
		if platform, err = k.generate(signType, "platform"); err != nil {
			return nil, nil, err
		}
	}
	if merchantPub == nil {
		merchant, err := k.generate(signType, "merchant")
		if err != nil {
			return nil, nil, err
		}
		merchantPub = merchant.Public()
	}
	return platform, merchantPub, nil
}

// generate makes a key for side ("platform" or "merchant") and writes its PEM files.
func (k *keys) generate(signType, side string) (crypto.Signer, error) {
	key, err := sybsim.GenerateKey(signType)
	if err != nil {
		return nil, err
	}
	priv, err := allinpay.MarshalPrivateKeyPEM(key)
	if err != nil {
		return nil, err
	}
	pub, err := allinpay.MarshalPublicKeyPEM(key.Public())
	if err != nil {
		return nil, err
	}
	privPath, err := k.write(side+"-private.pem", priv)
	if err != nil {
		return nil, err
	}
	pubPath, err := k.write(side+"-public.pem", pub)
	if err != nil {
		return nil, err
	}
	use := map[string]string{"platform": "sybctl -platform-pubkey", "merchant": "sybctl -key"}[side]
	fmt.Fprintf(k.out, "sybsim: generated %s %s key: %s (public: %s); client side uses %s %s\n",
		signType, side, privPath, pubPath, use, map[string]string{"platform": pubPath, "merchant": privPath}[side])
	return key, nil
}

// md5Key generates an MD5 key and writes it to a file (it is not printed).
func (k *keys) md5Key() (string, error) {
	sc, _, err := sybsim.PairConfig(allinpay.SignMD5)
	if err != nil {
		return "", err
	}
	path, err := k.write("md5key.txt", []byte(sc.MD5Key+"\n"))
	if err != nil {
		return "", err
	}
	fmt.Fprintf(k.out, "sybsim: generated an MD5 key in %s; client side uses sybctl -md5key \"$(cat %s)\"\n", path, path)
	return sc.MD5Key, nil
}

// write stores a file under the key directory, creating it on first use.
func (k *keys) write(name string, data []byte) (string, error) {
	if k.dir == "" {
		dir, err := os.MkdirTemp("", "sybsim-keys-")
		if err != nil {
			return "", fmt.Errorf("key directory: %v", err)
		}
		k.dir = dir
	}
	if err := os.MkdirAll(k.dir, 0o700); err != nil {
		return "", fmt.Errorf("key directory: %v", err)
	}
	path := filepath.Join(k.dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return "", fmt.Errorf("write %s: %v", path, err)
	}
	return path, nil
}
