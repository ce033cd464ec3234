package platform

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// shift is a cashier's shift on a terminal as read now: the final trades no handover has
// claimed yet (to be counted and claimed) and the sums to report.
type shift struct {
	seq   int
	prev  store.Handover // zero when this is the first
	final []uint
	out   Handover
}

// errShiftRace says a concurrent handover of the same cashier and terminal closed the shift
// (or claimed one of its trades) first.
var errShiftRace = errors.New("platform: a concurrent handover closed this shift first")

// readShift reads the caller's current shift up to now (the database's clock, read before
// any transaction: inside one it could wait for a connection its siblings hold) on db (a
// transaction when closing it).
func (s *Service) readShift(db *gorm.DB, c *Caller, to time.Time) (*shift, error) {
	sh := &shift{}
	err := db.Where("terminal_id = ? AND cashier_id = ?", c.Terminal.ID, c.Cashier.ID).
		Order("seq DESC").Limit(1).Find(&sh.prev).Error
	if err != nil {
		return nil, err
	}
	var ts []store.Trade
	err = db.Where("merchant_id = ? AND terminal_id = ? AND cashier_id = ? AND handover_id IS NULL",
		c.Merchant.ID, c.Terminal.ID, c.Cashier.ID).Order("created_at, id").Find(&ts).Error
	if err != nil {
		return nil, err
	}
	var prevSums HandoverSums
	if sh.prev.ID != 0 {
		if err := json.Unmarshal([]byte(sh.prev.Sums), &prevSums); err != nil {
			return nil, fmt.Errorf("handover %s: %w", sh.prev.No, err)
		}
	}
	sh.seq = sh.prev.Seq + 1
	sh.out = Handover{Seq: sh.seq, TermNo: c.Terminal.TermNo, Cashier: c.Cashier.Account, To: to}
	switch {
	case sh.prev.ID != 0:
		sh.out.From = sh.prev.ToTime
	case len(ts) > 0:
		sh.out.From = ts[0].CreatedAt
	default:
		sh.out.From = to
	}
	if sh.out.To.Before(sh.out.From) {
		sh.out.To = sh.out.From
	}
	sh.out.Sums, sh.final = sumShift(ts, prevSums.Open)
	return sh, nil
}

// sumShift adds up the final trades of ts and names the open ones; a final trade the
// previous handover listed in prevOpen is also listed in Late. It returns the IDs of the
// final trades, which the handover claims.
func sumShift(ts []store.Trade, prevOpen []HandoverTrade) (HandoverSums, []uint) {
	out := HandoverSums{ByChannel: []HandoverChannel{}, Open: []HandoverTrade{}, Late: []HandoverTrade{}}
	wasOpen := map[string]bool{}
	for _, o := range prevOpen {
		wasOpen[o.ReqSN] = true
	}
	channels := map[string]*HandoverChannel{}
	var final []uint
	for _, t := range ts {
		named := HandoverTrade{ReqSN: t.ReqSN, Kind: t.Kind, Status: t.Status, Amount: t.Amount,
			Channel: t.Channel, CreatedAt: t.CreatedAt}
		if !domain.TradeStatus(t.Status).Final() {
			out.Open = append(out.Open, named)
			continue
		}
		final = append(final, t.ID)
		if wasOpen[t.ReqSN] {
			out.Late = append(out.Late, named)
		}
		cs := channels[t.Channel]
		if cs == nil {
			cs = &HandoverChannel{Channel: t.Channel}
			channels[t.Channel] = cs
		}
		addTrade(&out, cs, &t)
	}
	for _, cs := range channels {
		if cs.PayCount+cs.ReverseCount > 0 {
			cs.NetAmount = cs.PayAmount - cs.ReverseAmount
			out.ByChannel = append(out.ByChannel, *cs)
		}
	}
	sort.Slice(out.ByChannel, func(i, j int) bool { return out.ByChannel[i].Channel < out.ByChannel[j].Channel })
	out.NetAmount = out.PayAmount - out.CancelAmount - out.RefundAmount
	return out, final
}

// addTrade counts one final trade into the shift's totals and its channel's.
func addTrade(out *HandoverSums, cs *HandoverChannel, t *store.Trade) {
	st, kind := domain.TradeStatus(t.Status), domain.TradeKind(t.Kind)
	switch {
	case st == domain.StatusFailed || st == domain.StatusClosed:
		out.FailedCount++
	case kind == domain.KindPay: // success, or cancelled (paid, then voided)
		out.PayCount++
		out.PayAmount += t.Amount
		cs.PayCount++
		cs.PayAmount += t.Amount
	case kind == domain.KindCancel:
		out.CancelCount++
		out.CancelAmount += t.Amount
		cs.ReverseCount++
		cs.ReverseAmount += t.Amount
	case kind == domain.KindRefund:
		out.RefundCount++
		out.RefundAmount += t.Amount
		cs.ReverseCount++
		cs.ReverseAmount += t.Amount
	}
}

// shiftDTO is the handover a shift makes, numbered no.
func shiftDTO(sh *shift, no string) *Handover {
	h := sh.out
	h.No = no
	return &h
}

// closeShift reads the caller's shift, writes its handover and claims its final trades, in
// one transaction: errShiftRace when a concurrent handover got there first.
func (s *Service) closeShift(ctx context.Context, c *Caller) (*Handover, error) {
	to, err := s.dbNow(ctx)
	if err != nil {
		return nil, err
	}
	var out *Handover
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		sh, err := s.readShift(tx, c, to)
		if err != nil {
			return err
		}
		sums, err := json.Marshal(sh.out.Sums)
		if err != nil {
			return err
		}
		no := fmt.Sprintf("JB%s-%s-%d", c.Terminal.TermNo, c.Cashier.Account, sh.seq)
		row := store.Handover{MerchantID: c.Merchant.ID, No: no, StoreID: c.Terminal.StoreID,
			TerminalID: c.Terminal.ID, CashierID: c.Cashier.ID, Seq: sh.seq, CashierAccount: c.Cashier.Account,
			TermNo: c.Terminal.TermNo, FromTime: sh.out.From, ToTime: sh.out.To, Sums: string(sums)}
		if err := tx.Create(&row).Error; errors.Is(err, gorm.ErrDuplicatedKey) {
			return errShiftRace
		} else if err != nil {
			return err
		}
		out = shiftDTO(sh, no)
		return claimTrades(tx, row.ID, sh.final)
	})
	return out, err
}

// claimBatch bounds the trade IDs of one claiming UPDATE.
const claimBatch = 500

// claimTrades marks the trades ids as reported by handover id; errShiftRace when any of
// them was claimed already. It leaves updated_at alone: the trade did not change.
func claimTrades(tx *gorm.DB, id uint, ids []uint) error {
	for len(ids) > 0 {
		n := min(len(ids), claimBatch)
		res := tx.Model(&store.Trade{}).Where("id IN ? AND handover_id IS NULL", ids[:n]).UpdateColumn("handover_id", id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != int64(n) {
			return errShiftRace
		}
		ids = ids[n:]
	}
	return nil
}
