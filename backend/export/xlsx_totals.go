package export

import (
	"github.com/xuri/excelize/v2"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// TotalsSheet names the XLSX sheet of the export's totals.
const TotalsSheet = "合计"

// channelOrder is the order of the channels on the totals sheet.
var channelOrder = []string{string(domain.ChannelWeChat), string(domain.ChannelAlipay), string(domain.ChannelUnionPay)}

// sheetTotals adds up an export for its totals sheet: every trade, and what the ones that
// moved money moved, in all and per channel.
type sheetTotals struct {
	all       int
	money     Totals
	byChannel map[string]*Totals
}

func newSheetTotals() *sheetTotals { return &sheetTotals{byChannel: map[string]*Totals{}} }

func (s *sheetTotals) add(t platform.Trade) {
	s.all++
	s.money.add(t)
	c := s.byChannel[t.Channel]
	if c == nil {
		c = &Totals{}
		s.byChannel[t.Channel] = c
	}
	c.add(t)
}

// writeTotalsSheet writes the 合计 sheet: the period, the number of trades, payments, voids,
// refunds and net (amounts as numbers, yuan), then the same per channel. Failed, closed and
// unresolved trades are in the count only.
func writeTotalsSheet(f *excelize.File, st xlsxStyles, s *sheetTotals, period string) error {
	if _, err := f.NewSheet(TotalsSheet); err != nil {
		return err
	}
	rows := [][]any{
		{"统计期间", period},
		{"交易笔数（全部状态）", s.all},
		{"", "笔数", "金额（元）"},
	}
	rows = append(rows, moneyRows("", s.money)...)
	for _, ch := range channelOrder {
		if c := s.byChannel[ch]; c != nil {
			rows = append(rows, moneyRows(ChannelLabel(ch), *c)...)
		}
	}
	rows = append(rows, []any{"说明", "金额只含成功的交易（含后来撤销的收款）；撤销、退货为负数"})
	for i, r := range rows {
		cell := cellName(1, i+1)
		if err := f.SetSheetRow(TotalsSheet, cell, &r); err != nil {
			return err
		}
		if len(r) > 2 {
			if err := f.SetCellStyle(TotalsSheet, cellName(3, i+1), cellName(3, i+1), st.money); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(TotalsSheet, "A", "A", 22); err != nil {
		return err
	}
	return f.SetColWidth(TotalsSheet, "B", "C", 16)
}

// moneyRows are the 收款 / 撤销 / 退货 / 净额 rows of t, labelled with prefix (a channel).
func moneyRows(prefix string, t Totals) [][]any {
	return [][]any{
		{prefix + "收款", t.PayCount, fenToFloat(t.Pay)},
		{prefix + "撤销", t.CancelCount, fenToFloat(t.Cancel)},
		{prefix + "退货", t.RefundCount, fenToFloat(t.Refund)},
		{prefix + "净收款", t.Count, fenToFloat(t.Net)},
	}
}
