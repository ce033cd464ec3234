package desktop

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/platform"
	"xiaotongfu/backend/services"
	"xiaotongfu/backend/store"
)

// DBName is the embedded platform's SQLite file inside the data folder.
const DBName = "xiaotongfu.db"

// Backend is the platform the services talk to, with what it needs to shut down.
type Backend struct {
	API       platform.API
	Mode      string         // services.ModeEmbedded or services.ModeRemote
	ServerURL string         // remote: the xtfd URL
	Demo      *services.Demo // embedded: the SMS feed (banner enabled only with the simulator)
	SimURL    string         // demo: the simulator's root URL (GET SimURL+"/_sim/trades")
	closers   []func()
}

// Close stops the platform and releases its resources, newest first.
func (b *Backend) Close() {
	for i := len(b.closers) - 1; i >= 0; i-- {
		b.closers[i]()
	}
	b.closers = nil
}

// onClose registers f to run at Close.
func (b *Backend) onClose(f func()) { b.closers = append(b.closers, f) }

// Env is where a backend runs: the data folder, the log and the clock.
type Env struct {
	Dir string
	Log *slog.Logger     // slog.Default() when nil
	Now func() time.Time // the platform's clock; time.Now when nil (tests move it)
	// Trace records the start-up steps (database, simulator, seed, recovery); nil records none.
	Trace *StartupTrace
}

// OpenBackend builds the platform that cfg describes.
func OpenBackend(ctx context.Context, cfg Config, env Env) (*Backend, error) {
	if env.Log == nil {
		env.Log = slog.Default()
	}
	switch cfg.Platform.Mode {
	case services.ModeRemote:
		return openRemote(cfg.Platform.ServerURL, env.Log)
	case services.ModeEmbedded, "":
		b := &Backend{Mode: services.ModeEmbedded}
		if err := b.openEmbedded(ctx, cfg, env); err != nil {
			b.Close()
			return nil, err
		}
		return b, nil
	}
	return nil, fmt.Errorf("未知的平台模式 %q", cfg.Platform.Mode)
}

// openEmbedded runs the platform in process: the database, the gateway (the simulator, or
// real Allinpay when configured), demo or shop seeding, and the payment sweep. The gateway
// is made while the database opens and the demo is seeded (the simulator's keys are the
// slowest step); the in-flight trades are resumed once both are there, before any payment.
func (b *Backend) openEmbedded(ctx context.Context, cfg Config, env Env) error {
	gw := startGateway(cfg, env)
	svc, err := b.openPlatform(ctx, cfg, env, gw)
	gerr := gw.wait()
	b.SimURL = gw.simURL
	if gw.stop != nil {
		b.onClose(gw.stop)
	}
	if gerr != nil { // the gateway's configuration is named first, as before the database's
		return gerr
	}
	if err != nil {
		return err
	}
	if err := svc.Start(ctx); err != nil {
		return err
	}
	env.Trace.Mark(StepRecovery)
	b.onClose(svc.Stop)
	b.API = svc
	return nil
}

// openPlatform opens the database and the platform service on it, and seeds the demo or the
// shop's merchant. The platform asks gw for the gateway, waiting for it if need be.
func (b *Backend) openPlatform(ctx context.Context, cfg Config, env Env, gw *pendingGateway) (*platform.Service, error) {
	dsn := cfg.Database
	if dsn == "" {
		dsn = filepath.Join(env.Dir, DBName)
	}
	db, err := store.Open(dsn)
	if err != nil {
		return nil, err
	}
	b.onClose(func() { _ = store.Close(db) })
	env.Trace.Mark(StepDatabase)
	demo := cfg.Allinpay == nil
	b.Demo = services.NewDemo(platform.DemoMerchantNo, demo, demoTestCodes)
	if !demo && cfg.Merchant != nil {
		b.Demo = services.NewDemo(cfg.Merchant.MerchantNo, false, nil)
	}
	svc, err := platform.New(platform.Options{
		DB: db,
		Gateway: func(*store.Merchant) (gateway.Provider, error) {
			if err := gw.wait(); err != nil {
				return nil, err
			}
			return gw.provider, nil
		},
		SMS:       platform.ConsoleSMS{Log: env.Log, OnSend: b.Demo.OnSMS},
		Poll:      cfg.Poll.schedule(),
		Log:       env.Log,
		Now:       env.Now,
		Reconcile: cfg.Reconcile.options(),
	})
	if err != nil {
		return nil, err
	}
	if demo {
		err = svc.SeedDemo(ctx)
	} else {
		err = ensureMerchant(ctx, svc, cfg.Merchant)
	}
	if err != nil {
		return nil, err
	}
	env.Trace.Mark(StepSeed)
	return svc, nil
}

// pendingGateway is the gateway being made in the background (startGateway).
type pendingGateway struct {
	done     chan struct{}
	provider gateway.Provider
	simURL   string // demo: the simulator's root URL
	stop     func() // demo: stops the simulator; nil otherwise
	err      error
}

// startGateway makes, in the background, the real Allinpay client when configured, else the
// simulator and a client for it.
func startGateway(cfg Config, env Env) *pendingGateway {
	gw := &pendingGateway{done: make(chan struct{})}
	go func() {
		defer close(gw.done)
		if cfg.Allinpay != nil {
			gw.provider, gw.err = realGateway(*cfg.Allinpay, env.Dir, env.Log)
			return
		}
		gw.provider, gw.simURL, gw.stop, gw.err = startSim(cfg.Sim, env.Dir, env.Log)
		env.Trace.Mark(StepSimulator)
	}()
	return gw
}

// wait blocks until the gateway is made and returns why it could not be.
func (gw *pendingGateway) wait() error {
	<-gw.done
	return gw.err
}

// ensureMerchant registers the shop's own merchant and stores (embedded with real keys).
func ensureMerchant(ctx context.Context, svc *platform.Service, m *MerchantConfig) error {
	if m == nil {
		return errors.New("使用真实通联密钥时，配置文件需要 merchant（商户号、名称、手机号）")
	}
	_, err := svc.AddMerchant(ctx, platform.MerchantInput{MerchantNo: m.MerchantNo, Name: m.Name,
		Phone: m.Phone, PayLimit: m.PayLimit})
	if err != nil && domain.CodeOf(err) != domain.CodeConflict {
		return fmt.Errorf("登记商户: %w", err)
	}
	for _, name := range m.Stores {
		if _, err := svc.AddStore(ctx, m.MerchantNo, name, ""); err != nil && domain.CodeOf(err) != domain.CodeConflict {
			return fmt.Errorf("登记门店 %s: %w", name, err)
		}
	}
	return nil
}
