package platform

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/internal/testkit"
	"xiaotongfu/backend/store"
)

// The 1M-trade ledger of the period benchmarks (issue 12 §4): a year (2025) of one merchant
// with two stores, 一号店 taking three quarters of the trades (about 2,000 a day, 10
// cashiers) and 二号店 the rest (4 cashiers); payments of the three channels, some failed,
// voids and refunds among them. Written once with batched inserts in one transaction and kept
// in the temp folder (benchLedgerFile), so later runs start at once.
const (
	benchTrades     = 1_000_000
	benchLedgerFile = "xtf-bench-ledger-1m-v2.db"
)

// benchLedger opens (or writes) the cached ledger and returns a Service on it.
func benchLedger(b *testing.B) (*Service, *gorm.DB) {
	b.Helper()
	path := filepath.Join(os.TempDir(), benchLedgerFile)
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".part"
		os.Remove(tmp)
		start := time.Now()
		writeBenchLedger(b, tmp)
		must(b, os.Rename(tmp, path))
		b.Logf("wrote %d trades to %s in %s", benchTrades, path, time.Since(start).Round(time.Millisecond))
	}
	db, err := store.Open(path)
	must(b, err)
	b.Cleanup(func() { store.Close(db) })
	svc, err := New(Options{DB: db, Gateway: func(*store.Merchant) (gateway.Provider, error) { return nil, nil }})
	must(b, err)
	return svc, db
}

// writeBenchLedger fills a new database at path.
func writeBenchLedger(b *testing.B, path string) {
	db, err := store.Open(path)
	must(b, err)
	defer store.Close(db)
	m := store.Merchant{MerchantNo: "888888888888888", Name: "压测商户", Phone: "13800000000"}
	must(b, db.Create(&m).Error)
	var cashiers []store.Cashier
	var terms []store.Terminal
	for si, name := range []string{"一号店", "二号店"} {
		st := store.Store{MerchantID: m.ID, Name: name}
		must(b, db.Create(&st).Error)
		for i := range []int{10, 4}[si] + 1 { // the first of 一号店 is the admin
			term := store.Terminal{MerchantID: m.ID, StoreID: st.ID, TermNo: fmt.Sprintf("%08d", len(terms)+1),
				TokenHash: fmt.Sprintf("bench-%d", len(terms))}
			must(b, db.Create(&term).Error)
			role := domain.RoleCashier
			if si == 0 && i == 0 {
				role = domain.RoleAdmin
			}
			c := store.Cashier{MerchantID: m.ID, Account: fmt.Sprintf("%02d", len(cashiers)+1), Role: string(role),
				PasswordHash: "x", BoundTerminalID: &term.ID}
			must(b, db.Create(&c).Error)
			cashiers, terms = append(cashiers, c), append(terms, term)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	year := time.Date(2025, 1, 1, 0, 0, 0, 0, ChinaTime)
	step := 365 * 24 * time.Hour / benchTrades
	trades := make([]store.Trade, 0, benchBatch)
	must(b, db.Transaction(func(tx *gorm.DB) error {
		for n := range benchTrades {
			k := 1 + rng.IntN(10) // 一号店's cashiers 1..10
			if rng.IntN(4) == 0 {
				k = 12 + rng.IntN(4) // 二号店's
			}
			trades = append(trades, benchTrade(rng, n, m.ID, cashiers[k], terms[k], year.Add(time.Duration(n)*step)))
			if len(trades) == benchBatch {
				if err := insertBench(tx, trades); err != nil {
					return err
				}
				trades = trades[:0]
			}
		}
		return nil
	}))
}

// benchBatch is how many trades one INSERT writes (28 values each, within SQLite's 32766).
const benchBatch = 500

// benchColumns are the columns insertBench writes: every one a trade written by the platform
// has a value in, so the rows read back as the platform's own.
const benchColumns = "merchant_id, req_sn, store_id, terminal_id, cashier_id, cashier_account, kind, status, amount, " +
	"refunded_amount, channel, trx_id, created_at, updated_at, source, code_hash, code_last4, chnl_trx_id, trx_code, " +
	"trx_status, err_msg, ret_code, fin_time, remark, trx_amt, init_amt, fee, queries"

// insertBench writes trades with one multi-row INSERT (gorm's Create spends most of a
// million rows on reflection).
func insertBench(tx *gorm.DB, trades []store.Trade) error {
	row := "(?" + strings.Repeat(",?", 13) + ",'','','','','','','','','','',0,0,0,0)"
	sql := "INSERT INTO trades (" + benchColumns + ") VALUES " + row + strings.Repeat(","+row, len(trades)-1)
	args := make([]any, 0, 14*len(trades))
	for _, t := range trades {
		args = append(args, t.MerchantID, t.ReqSN, t.StoreID, t.TerminalID, t.CashierID, t.CashierAccount, t.Kind,
			t.Status, t.Amount, t.RefundedAmount, t.Channel, t.TrxID, t.CreatedAt, t.UpdatedAt)
	}
	return tx.Exec(sql, args...).Error
}

// benchTrade is trade n: mostly successful payments, some failed, a few voids and refunds.
func benchTrade(rng *rand.Rand, n int, merchant uint, c store.Cashier, term store.Terminal, at time.Time) store.Trade {
	kind, status := domain.KindPay, domain.StatusSuccess
	switch r := rng.IntN(100); {
	case r < 5:
		status = domain.StatusFailed
	case r < 7:
		kind = domain.KindCancel
	case r < 10:
		kind = domain.KindRefund
	case r < 11:
		status = domain.StatusCancelled
	}
	return store.Trade{MerchantID: merchant, ReqSN: fmt.Sprintf("B%023d", n), StoreID: term.StoreID, TerminalID: term.ID,
		CashierID: c.ID, CashierAccount: c.Account, Kind: string(kind), Status: string(status),
		Channel: []string{"wechat", "alipay", "unionpay"}[rng.IntN(3)], Amount: 100 + rng.Int64N(50_000),
		TrxID: fmt.Sprintf("T%d", n), CreatedAt: at.UTC(), UpdatedAt: at.UTC()}
}

// benchLogin opens a session of cashier account on its terminal.
func benchLogin(b *testing.B, db *gorm.DB, account string) Creds {
	var c store.Cashier
	must(b, db.Where("account = ?", account).First(&c).Error)
	termTok, termHash, err := newToken()
	must(b, err)
	must(b, db.Model(&store.Terminal{}).Where("id = ?", *c.BoundTerminalID).Update("token_hash", termHash).Error)
	sessTok, sessHash, err := newToken()
	must(b, err)
	must(b, db.Create(&store.Session{TokenHash: sessHash, CashierID: c.ID, TerminalID: *c.BoundTerminalID,
		ExpiresAt: time.Now().Add(time.Hour)}).Error)
	return Creds{TerminalToken: termTok, SessionToken: sessTok}
}

// BenchmarkTradePeriod1M measures 交易查询 on the 1M-trade ledger: one page (20 trades with
// the total count), the period's totals, and its statistics, for the admin of 一号店 (about
// 61k trades in a month, 185k in the longest span of 92 days) and one cashier (about 6k a
// month). Budget: a page ≤ 50 ms, totals ≤ 200 ms (ms/op).
func BenchmarkTradePeriod1M(b *testing.B) {
	svc, db := benchLedger(b)
	admin, cashier := benchLogin(b, db, "01"), benchLogin(b, db, "02")
	month := TradeFilter{From: "2025-10-01", To: "2025-10-31", Limit: 20}
	span := TradeFilter{From: "2025-09-01", To: "2025-12-01", Limit: 20}
	wechat := month
	wechat.Channel = "wechat"
	late := month
	late.Offset = 2000
	cases := []struct {
		name string
		run  func(Creds, TradeFilter) error
		who  Creds
		f    TradeFilter
	}{
		{"page/admin-month", benchList(svc), admin, month},
		{"page/admin-92days", benchList(svc), admin, span},
		{"page/admin-month-wechat", benchList(svc), admin, wechat},
		{"page/admin-month-page100", benchList(svc), admin, late},
		{"page/cashier-month", benchList(svc), cashier, month},
		{"totals/admin-month", benchTotals(svc), admin, month},
		{"totals/admin-92days", benchTotals(svc), admin, span},
		{"totals/cashier-month", benchTotals(svc), cashier, month},
		{"stats/admin-month", benchStats(svc), admin, month},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			cpu := testkit.ProcessCPU()
			for b.Loop() {
				must(b, c.run(c.who, c.f))
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			testkit.ReportCPU(b, cpu)
		})
	}
}

func benchList(svc *Service) func(Creds, TradeFilter) error {
	return func(c Creds, f TradeFilter) error {
		p, err := svc.ListTrades(context.Background(), c, f)
		if err == nil && (p.Total == 0 || len(p.Trades) == 0) {
			err = fmt.Errorf("empty page %+v", p)
		}
		return err
	}
}

func benchTotals(svc *Service) func(Creds, TradeFilter) error {
	return func(c Creds, f TradeFilter) error {
		t, err := svc.TradeTotals(context.Background(), c, f)
		if err == nil && t.PayAmount == 0 {
			err = fmt.Errorf("empty totals %+v", t)
		}
		return err
	}
}

func benchStats(svc *Service) func(Creds, TradeFilter) error {
	return func(c Creds, f TradeFilter) error {
		st, err := svc.PeriodStats(context.Background(), c, f)
		if err == nil && st.PayCount == 0 {
			err = fmt.Errorf("empty stats %+v", st)
		}
		return err
	}
}
