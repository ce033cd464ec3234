package sybsim

import (
	"fmt"
	"sync"
	"time"
)

// Trade is one record of what the simulated bank did, as GET /_sim/trades shows it.
type Trade struct {
	Kind      string `json:"kind"` // pay, cancel or refund
	ReqSN     string `json:"reqsn"`
	TrxID     string `json:"trxid"`
	TrxCode   string `json:"trxcode"`
	Amount    int64  `json:"amount"` // fen
	Status    string `json:"status"` // trxstatus now: 0000, 2008 or 3xxx
	ErrMsg    string `json:"errmsg,omitempty"`
	Code4     string `json:"code4,omitempty"`     // last 4 digits of the payment code (pays)
	OrigTrxID string `json:"origtrxid,omitempty"` // the pay a cancel or refund reverses
	Reversed  int64  `json:"reversed"`            // pays: fen cancelled or refunded so far
	Cancelled bool   `json:"cancelled,omitempty"` // pays: voided by a cancel
	FinTime   string `json:"fintime,omitempty"`   // yyyyMMddHHmmss when final
}

// trade is a ledger row with the simulator's private state.
type trade struct {
	Trade
	outcome int       // last two digits of the payment code, -1 when none
	queries int       // queries answered while processing
	created time.Time // when the pay arrived
	ch      channel
}

// ledger is the bank's record; its methods must be called with mu held.
type ledger struct {
	mu      sync.Mutex
	rows    []*trade
	byReqSN map[string]*trade
	byTrxID map[string]*trade
	seq     int64
	saved   []byte // the state file's content as last written (Config.StateFile)
}

func newLedger() *ledger {
	return &ledger{byReqSN: map[string]*trade{}, byTrxID: map[string]*trade{}}
}

// add records a new trade with a fresh trxid.
func (l *ledger) add(t *trade, now time.Time) {
	l.seq++
	t.TrxID = fmt.Sprintf("%s%012d", now.In(cst).Format("060102"), l.seq)
	l.rows = append(l.rows, t)
	l.byReqSN[t.ReqSN] = t
	l.byTrxID[t.TrxID] = t
}

// find looks a trade up by trxid, or by reqsn when trxid is empty.
func (l *ledger) find(trxid, reqsn string) *trade {
	if trxid != "" {
		return l.byTrxID[trxid]
	}
	if reqsn != "" {
		return l.byReqSN[reqsn]
	}
	return nil
}

// Trades returns a copy of every recorded trade, oldest first.
func (s *Server) Trades() []Trade {
	s.ledger.mu.Lock()
	defer s.ledger.mu.Unlock()
	out := make([]Trade, len(s.ledger.rows))
	for i, t := range s.ledger.rows {
		out[i] = t.Trade
	}
	return out
}

// cst is China Standard Time, the bank's business day.
var cst = time.FixedZone("CST", 8*3600)
