package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// HandoverColumns are the header of a 交接班记录 export, in order.
var HandoverColumns = []string{"交接班单号", "门店", "终端号", "收银员", "开始时间", "结束时间", "收款笔数", "收款金额",
	"撤销笔数", "撤销金额", "退货笔数", "退货金额", "失败笔数", "净收款", "待确认笔数", "待确认单号"}

// handoverMoney marks the HandoverColumns that are amounts (yuan from fen); the count
// columns are handoverCount, the times handoverTime, the rest text.
var (
	handoverMoney = map[int]bool{7: true, 9: true, 11: true, 13: true}
	handoverCount = map[int]bool{6: true, 8: true, 10: true, 12: true, 14: true}
	handoverTime  = map[int]bool{4: true, 5: true}
)

// handoverCells is one handover as HandoverColumns: amounts as fen, counts as int64,
// times as time.Time (shop time), text as string.
func handoverCells(h platform.Handover, o Options) []any {
	s, loc := h.Sums, o.location()
	open := make([]string, len(s.Open))
	for i, t := range s.Open {
		open[i] = t.ReqSN
	}
	return []any{h.No, h.StoreName, h.TermNo, h.Cashier, h.From.In(loc), h.To.In(loc), s.PayCount, s.PayAmount,
		s.CancelCount, -s.CancelAmount, s.RefundCount, -s.RefundAmount, s.FailedCount, s.NetAmount,
		int64(len(s.Open)), strings.Join(open, " ")}
}

// WriteHandoversCSV writes handovers as a CSV file like WriteCSV (UTF-8 with a BOM, CRLF,
// text cells escaped, long numbers kept whole): amounts in yuan, voids and refunds negative.
func WriteHandoversCSV(w io.Writer, hs []platform.Handover, opts Options) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(bom); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(HandoverColumns); err != nil {
		return err
	}
	rec := make([]string, len(HandoverColumns))
	for _, h := range hs {
		for c, v := range handoverCells(h, opts) {
			switch {
			case handoverMoney[c]:
				rec[c] = domain.FormatFen(v.(int64))
			case handoverCount[c]:
				rec[c] = itoa(int(v.(int64)))
			case handoverTime[c]:
				rec[c] = v.(time.Time).Format(TimeLayout)
			default:
				rec[c] = excelText(EscapeCell(v.(string)))
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteHandoversXLSX writes handovers as an Excel workbook (sheet 交接班记录): amounts are
// numbers shown as 0.00, times dates, order numbers text.
func WriteHandoversXLSX(w io.Writer, hs []platform.Handover, opts Options) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	const sheet = "交接班记录"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	row := make([]any, len(HandoverColumns))
	for c, name := range HandoverColumns {
		row[c] = excelize.Cell{StyleID: st.header, Value: name}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for i, h := range hs {
		for c, v := range handoverCells(h, opts) {
			switch {
			case handoverMoney[c]:
				row[c] = excelize.Cell{StyleID: st.money, Value: fenToFloat(v.(int64))}
			case handoverTime[c]:
				row[c] = excelize.Cell{StyleID: st.time, Value: v}
			default:
				row[c] = excelize.Cell{StyleID: st.text, Value: v}
			}
		}
		if err := sw.SetRow(cellName(1, i+2), row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
