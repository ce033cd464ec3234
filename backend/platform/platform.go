package platform

import (
	"context"
	"crypto/rand"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/store"
)

// GatewayFor returns the acquirer client that charges for a merchant.
type GatewayFor func(m *store.Merchant) (gateway.Provider, error)

// SMSSender delivers a verification code to a phone. The console sender writes it to the
// log (demo mode and tests); a real provider plugs in here.
type SMSSender interface {
	Send(ctx context.Context, phone, text string) error
}

// PollSchedule is how long and how often a processing payment is queried before it is closed.
type PollSchedule struct {
	First    time.Duration // first query after the pay answer (≈3 s)
	Every    time.Duration // then every (≈5 s)
	Window   time.Duration // stop querying after this long (≈60 s), then close
	Sweep    time.Duration // how often the background sweep looks for stuck trades
	MaxCheck time.Duration // after this long an unknown trade with no trace at the acquirer is closed
	Slow     time.Duration // after MaxCheck, an unresolved unknown trade is checked this often (≈1 h)
	Lease    time.Duration // a driver's claim on a trade; another sweep takes over after it (≈2 min)
	// Unsent is how long a pay may stay recorded but not yet marked sent before the sweep
	// fails it as never sent (≈15 s): far longer than a sender's stall on a loaded shop PC
	// (a slow disk's fsync, a GC pause), short enough that a crash frees the terminal soon.
	Unsent time.Duration
}

// DefaultPollSchedule follows docs/allinpay-syb.md §9.
var DefaultPollSchedule = PollSchedule{
	First: 3 * time.Second, Every: 5 * time.Second, Window: 60 * time.Second,
	Sweep: 30 * time.Second, MaxCheck: 24 * time.Hour, Lease: 2 * time.Minute, Slow: time.Hour,
	Unsent: 15 * time.Second,
}

// Options configure a Service.
type Options struct {
	DB      *gorm.DB
	Gateway GatewayFor
	SMS     SMSSender
	Poll    PollSchedule     // zero value means DefaultPollSchedule
	Now     func() time.Time // this host's clock (order numbers, sessions, locks); time.Now when nil
	// DBClock is the database's clock, on which every age and lease of a trade is measured;
	// a store.Clock on DB when nil. Tests that move time set both.
	DBClock    func(ctx context.Context) (time.Time, error)
	Log        *slog.Logger   // slog.Default() when nil
	SessionTTL time.Duration  // 12 h when zero
	Location   *time.Location // the shop's time zone for days and hours; China (UTC+8) when nil
	// MaxRangeDays is the longest period (in days) one trade query, total or statistic may
	// span; DefaultMaxRangeDays when zero.
	MaxRangeDays int
	// Secret keys the stored hashes of SMS codes (HMAC-SHA256), so a database copy does not
	// give the codes away. xtfd keeps it in a 0600 file; a random one is made when nil.
	Secret []byte
	// TerminalTTL is how long a terminal token lives without being used (then the terminal
	// must be initialised again); 0 means it does not expire (the embedded desktop).
	TerminalTTL time.Duration
	// Reconcile sets up the daily reconciliation against the acquirer's statement.
	Reconcile ReconcileOptions
}

// Service is the platform. Create it with New, start its background work with Start.
type Service struct {
	db         *gorm.DB
	writes     *store.Committer // the trade state writes, grouped into one commit on SQLite
	gateway    GatewayFor
	sms        SMSSender
	poll       PollSchedule
	now        func() time.Time
	dbClock    func(ctx context.Context) (time.Time, error)
	log        *slog.Logger
	sessionTTL time.Duration
	loc        *time.Location
	maxDays    int // Options.MaxRangeDays
	secret     []byte
	// terminalTTL is how long an unused terminal token stays valid.
	terminalTTL time.Duration
	recon       *reconciler // 对账 (reconcile.go)

	pwChecks atomic.Int64 // bcrypt comparisons run (PasswordChecks)
	reserves atomic.Int64 // attempts reserved, to purge finished counters now and then
	initOnce sync.Once
	initHash string // bcrypt of the initial password (initialHash)
	initErr  error

	bg       context.Context // lives until Stop; payment drivers run under it, not the caller's ctx
	stop     context.CancelFunc
	drivers  sync.WaitGroup
	activeMu sync.Mutex
	active   map[uint]bool // trade IDs driven by a goroutine of this process
	started  bool
}

// New builds a Service from opts. The database must be migrated (store.Open does that).
func New(opts Options) (*Service, error) {
	if opts.DB == nil || opts.Gateway == nil {
		return nil, errors.New("platform: DB and Gateway are required")
	}
	s := &Service{db: opts.DB, gateway: opts.Gateway, sms: opts.SMS, poll: opts.Poll.withDefaults(),
		now: opts.Now, dbClock: opts.DBClock, log: opts.Log, sessionTTL: opts.SessionTTL, loc: opts.Location,
		active: map[uint]bool{}}
	s.bg, s.stop = context.WithCancel(context.Background())
	s.writes = store.NewCommitter(opts.DB, opts.DB.Dialector.Name() == "sqlite")
	if s.loc == nil {
		s.loc = ChinaTime
	}
	if s.maxDays = opts.MaxRangeDays; s.maxDays <= 0 {
		s.maxDays = DefaultMaxRangeDays
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.dbClock == nil {
		s.dbClock = store.NewClock(opts.DB, dbClockRefresh).Now
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.terminalTTL = opts.TerminalTTL
	s.recon = &reconciler{s: s, opts: opts.Reconcile.withDefaults()}
	if s.sessionTTL == 0 {
		s.sessionTTL = 12 * time.Hour
	}
	if s.sms == nil {
		s.sms = ConsoleSMS{Log: s.log}
	}
	if s.secret = opts.Secret; len(s.secret) == 0 {
		s.secret = make([]byte, 32)
		if _, err := rand.Read(s.secret); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// dbClockRefresh is how often the default DBClock reads the database's time again.
const dbClockRefresh = 10 * time.Second

// ChinaTime is UTC+8 (China has no daylight saving), the default shop time zone.
var ChinaTime = time.FixedZone("CST", 8*3600)

// withDefaults fills every zero field of p from DefaultPollSchedule.
func (p PollSchedule) withDefaults() PollSchedule {
	d := DefaultPollSchedule
	for _, f := range []struct{ v, def *time.Duration }{
		{&p.First, &d.First}, {&p.Every, &d.Every}, {&p.Window, &d.Window},
		{&p.Sweep, &d.Sweep}, {&p.MaxCheck, &d.MaxCheck}, {&p.Lease, &d.Lease}, {&p.Slow, &d.Slow},
		{&p.Unsent, &d.Unsent},
	} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	return p
}
