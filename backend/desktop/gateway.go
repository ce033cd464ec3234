package desktop

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
)

// SimStateName is the demo simulator's ledger in the data folder: the "bank" keeps what it
// did across restarts, so a demo trade left pending is still found by the next simulator.
const SimStateName = "sim-ledger.json"

// startSim runs the simulator with fresh in-memory keys on a loopback listener, its ledger
// kept in dir (SimStateName), and returns a real allinpay client for it, its root URL and a
// stop function.
func startSim(sc SimConfig, dir string, log *slog.Logger) (gateway.Provider, string, func(), error) {
	signType := sc.SignType
	if signType == "" {
		signType = allinpay.SignRSA
	}
	simCfg, clientCfg, err := sybsim.PairConfig(signType)
	if err != nil {
		return nil, "", nil, fmt.Errorf("模拟器密钥: %w", err)
	}
	simCfg.Logf = func(format string, args ...any) { log.Info("sybsim: " + fmt.Sprintf(format, args...)) }
	simCfg.StateFile = filepath.Join(dir, SimStateName)
	sim, err := sybsim.New(simCfg)
	if err != nil {
		return nil, "", nil, err
	}
	addr := sc.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	if host, _, err := net.SplitHostPort(addr); err != nil || !net.ParseIP(host).IsLoopback() {
		return nil, "", nil, fmt.Errorf("模拟器地址 %q 必须是本机回环地址，如 127.0.0.1:0", addr)
	}
	root, stop, err := sim.Listen(addr, func(err error) { log.Error("sybsim stopped", "err", err) })
	if err != nil {
		return nil, "", nil, fmt.Errorf("模拟器监听 %s: %w", addr, err)
	}
	clientCfg.BaseURL = root + "/apiweb"
	client, err := allinpay.New(clientCfg)
	if err != nil {
		stop()
		return nil, "", nil, err
	}
	log.Info("simulator listening", "url", root, "signType", signType)
	return client, root, stop, nil
}

// realGateway builds the Allinpay client from the config and its key files.
func realGateway(c AllinpayConfig, dir string, log *slog.Logger) (gateway.Provider, error) {
	read := func(name, what string) (string, error) {
		if name == "" {
			return "", nil
		}
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return "", fmt.Errorf("读取%s文件: %w", what, err)
		}
		return string(b), nil
	}
	priv, err := read(c.PrivateKeyFile, "商户私钥")
	if err != nil {
		return nil, err
	}
	pub, err := read(c.PlatformPublicKeyFile, "通联公钥")
	if err != nil {
		return nil, err
	}
	md5, err := read(c.MD5KeyFile, "MD5 密钥")
	if err != nil {
		return nil, err
	}
	cfg := allinpay.Config{BaseURL: c.BaseURL, StatementURL: c.StatementURL, CusID: c.CusID, AppID: c.AppID, OrgID: c.OrgID,
		SignType: c.SignType, PrivateKey: priv, PlatformPublicKey: pub, MD5Key: trimKey(md5),
		Version: c.Version, TermInfo: allinpay.TermInfo{DeviceType: "11", TermNo: c.TermNo}}
	client, err := allinpay.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("通联配置: %w", err)
	}
	log.Info("allinpay gateway", "config", cfg.String())
	return client, nil
}

// trimKey drops the line end an editor leaves after a key typed into a file.
func trimKey(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	return s
}
