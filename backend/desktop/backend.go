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
// real Allinpay when configured), demo or shop seeding, and the payment sweep.
func (b *Backend) openEmbedded(ctx context.Context, cfg Config, env Env) error {
	dir, log := env.Dir, env.Log
	dsn := cfg.Database
	if dsn == "" {
		dsn = filepath.Join(dir, DBName)
	}
	db, err := store.Open(dsn)
	if err != nil {
		return err
	}
	b.onClose(func() { _ = store.Close(db) })
	env.Trace.Mark(StepDatabase)
	gw, err := b.openGateway(cfg, dir, log)
	if err != nil {
		return err
	}
	env.Trace.Mark(StepSimulator)
	demo := cfg.Allinpay == nil
	b.Demo = services.NewDemo(platform.DemoMerchantNo, demo, demoTestCodes)
	if !demo && cfg.Merchant != nil {
		b.Demo = services.NewDemo(cfg.Merchant.MerchantNo, false, nil)
	}
	svc, err := platform.New(platform.Options{
		DB:      db,
		Gateway: func(*store.Merchant) (gateway.Provider, error) { return gw, nil },
		SMS:     platform.ConsoleSMS{Log: log, OnSend: b.Demo.OnSMS},
		Poll:    cfg.Poll.schedule(),
		Log:     log,
		Now:     env.Now,
	})
	if err != nil {
		return err
	}
	if demo {
		err = svc.SeedDemo(ctx)
	} else {
		err = ensureMerchant(ctx, svc, cfg.Merchant)
	}
	if err != nil {
		return err
	}
	env.Trace.Mark(StepSeed)
	if err := svc.Start(ctx); err != nil {
		return err
	}
	env.Trace.Mark(StepRecovery)
	b.onClose(svc.Stop)
	b.API = svc
	return nil
}

// openGateway returns the real Allinpay client when configured, else starts the simulator.
func (b *Backend) openGateway(cfg Config, dir string, log *slog.Logger) (gateway.Provider, error) {
	if cfg.Allinpay != nil {
		return realGateway(*cfg.Allinpay, dir, log)
	}
	gw, url, stop, err := startSim(cfg.Sim, dir, log)
	if err != nil {
		return nil, err
	}
	b.SimURL = url
	b.onClose(stop)
	return gw, nil
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
