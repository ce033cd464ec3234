package sybsim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"xiaotongfu/backend/internal/atomicfile"
)

// stateVersion is the format of the state file.
const stateVersion = 1

// savedLedger is the state file: the bank's whole record, so a restarted simulator goes on
// answering queries, cancels and refunds of trades made before.
type savedLedger struct {
	Version int          `json:"version"`
	CusID   string       `json:"cusid"`
	Seq     int64        `json:"seq"` // the last trxid number given
	Trades  []savedTrade `json:"trades"`
}

// savedTrade is a ledger row with its private state.
type savedTrade struct {
	Trade
	Outcome int       `json:"outcome"`
	Queries int       `json:"queries"`
	Created time.Time `json:"created"`
	Channel string    `json:"channel,omitempty"`
}

var channelsByName = map[string]channel{wechat.name: wechat, alipay.name: alipay, unionpay.name: unionpay}

// load replaces the ledger with the state file at path; a missing file leaves it empty.
func (l *ledger) load(path, cusID string) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("sybsim: read state: %w", err)
	}
	var st savedLedger
	if err := json.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("sybsim: state file %s: %w", path, err)
	}
	if st.Version != stateVersion || st.CusID != cusID {
		return fmt.Errorf("sybsim: state file %s is version %d of merchant %s, want version %d of %s",
			path, st.Version, st.CusID, stateVersion, cusID)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seq = st.Seq
	for _, s := range st.Trades {
		t := &trade{Trade: s.Trade, outcome: s.Outcome, queries: s.Queries, created: s.Created, ch: channelsByName[s.Channel]}
		l.rows = append(l.rows, t)
		l.byReqSN[t.ReqSN] = t
		l.byTrxID[t.TrxID] = t
	}
	l.saved = bytes.TrimSpace(b)
	return nil
}

// save writes the ledger to path when it changed since the last save: to a temporary file in
// the same folder, synced, then renamed over the old one, so a crash leaves either state.
func (l *ledger) save(path, cusID string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := savedLedger{Version: stateVersion, CusID: cusID, Seq: l.seq, Trades: make([]savedTrade, len(l.rows))}
	for i, t := range l.rows {
		st.Trades[i] = savedTrade{Trade: t.Trade, Outcome: t.outcome, Queries: t.queries, Created: t.created, Channel: t.ch.name}
	}
	b, err := json.MarshalIndent(st, "", " ")
	if err != nil {
		return err
	}
	if bytes.Equal(b, l.saved) {
		return nil
	}
	if err := atomicfile.Write(path, b, nil); err != nil {
		return fmt.Errorf("sybsim: save state: %w", err)
	}
	l.saved = b
	return nil
}
