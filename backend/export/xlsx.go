package export

import (
	"context"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// DefaultSheet names the XLSX sheet when Options.SheetName is empty.
const DefaultSheet = "交易数据"

// numFmtMoney is Excel's built-in "0.00" number format.
const numFmtMoney = 2

// colWidths are the XLSX column widths, in Columns order.
var colWidths = [numColumns]float64{27, 12, 12, 20, 10, 10, 32, 22, 34}

// xlsxStyles are the style IDs of one workbook.
type xlsxStyles struct {
	header, text, money, time, totalLabel, totalMoney, totalText int
}

// WriteXLSX writes trades as an Excel workbook: a header row, one row per trade, then a
// 合计 row; a second sheet (TotalsSheet) sums them in all and per channel. 交易金额 is a number (computed exactly from fen) shown as 0.00, 交易时间 a date
// shown as yyyy-mm-dd hh:mm:ss in shop time; order numbers are text, so no digit is lost.
// The 合计 row sums the trades that moved money (成功, and payments later 已撤销), so
// failed, closed and unresolved trades do not count. Text cells are stored as strings,
// which Excel never evaluates, so they are written as they are. It stops with ctx.Err()
// when ctx is done.
func WriteXLSX(ctx context.Context, w io.Writer, trades []platform.Trade, opts Options) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	sheet := opts.SheetName
	if sheet == "" {
		sheet = DefaultSheet
	}
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
	if err := startSheet(sw, st); err != nil {
		return err
	}
	p := newProgress(opts.Progress, len(trades), time.Now)
	tot := newSheetTotals()
	rec := make([]string, numColumns)
	cells := make([]any, numColumns)
	loc := opts.location()
	err = walk(ctx, trades, p, func(i int) error {
		t := trades[i]
		tot.add(t)
		fillRow(rec, t, loc)
		for c := range cells {
			cells[c] = excelize.Cell{StyleID: st.text, Value: rec[c]}
		}
		cells[colAmount] = excelize.Cell{StyleID: st.money, Value: fenToFloat(SignedAmount(t))}
		cells[colTime] = excelize.Cell{StyleID: st.time, Value: t.CreatedAt.In(loc)}
		return sw.SetRow(cellName(1, i+2), cells)
	})
	if err != nil {
		return err
	}
	if err := sw.SetRow(cellName(1, len(trades)+2), totalsRow(tot.money, st)); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := writeTotalsSheet(f, st, tot, opts.Period); err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return err
	}
	p.finish()
	return nil
}

// fenToFloat is fen as yuan for a numeric cell. For any |fen| < 2^53 the division is
// correctly rounded, so the shortest decimal of the result (what excelize writes) is
// exactly the two-decimal yuan amount: no float error reaches the file.
func fenToFloat(fen int64) float64 {
	return float64(fen) / 100
}

// startSheet sets widths, freezes the header and writes it.
func startSheet(sw *excelize.StreamWriter, st xlsxStyles) error {
	for c, wd := range colWidths {
		if err := sw.SetColWidth(c+1, c+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, numColumns)
	for c, name := range Columns {
		head[c] = excelize.Cell{StyleID: st.header, Value: name}
	}
	return sw.SetRow("A1", head, excelize.RowOpts{Height: 20})
}

// totalsRow is the 合计 row: the net in the amount column, the count and the split by kind.
func totalsRow(t Totals, st xlsxStyles) []any {
	row := make([]any, numColumns)
	for c := range row {
		row[c] = excelize.Cell{StyleID: st.totalText}
	}
	row[colTradeNo] = excelize.Cell{StyleID: st.totalLabel, Value: "合计"}
	row[colAmount] = excelize.Cell{StyleID: st.totalMoney, Value: fenToFloat(t.Net)}
	row[colType] = excelize.Cell{StyleID: st.totalText, Value: "成功 " + itoa(t.Count) + " 笔"}
	row[colRemark] = excelize.Cell{StyleID: st.totalText, Value: "收款 " + domain.FormatFen(t.Pay) +
		"，撤销 " + domain.FormatFen(t.Cancel) + "，退货 " + domain.FormatFen(t.Refund) + "（不含失败及未完成交易）"}
	return row
}

// newStyles registers the workbook's styles.
func newStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	font := &excelize.Font{Family: "微软雅黑", Size: 10}
	bold := &excelize.Font{Family: "微软雅黑", Size: 10, Bold: true}
	top := []excelize.Border{{Type: "top", Color: "404040", Style: 1}}
	timeFmt := "yyyy-mm-dd hh:mm:ss"
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.header, excelize.Style{Font: bold, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}},
			Border:    []excelize.Border{{Type: "bottom", Color: "404040", Style: 1}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.text, excelize.Style{Font: font}},
		{&st.money, excelize.Style{Font: font, NumFmt: numFmtMoney}},
		{&st.time, excelize.Style{Font: font, CustomNumFmt: &timeFmt}},
		{&st.totalLabel, excelize.Style{Font: bold, Border: top}},
		{&st.totalMoney, excelize.Style{Font: bold, Border: top, NumFmt: numFmtMoney}},
		{&st.totalText, excelize.Style{Font: font, Border: top}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return st, err
		}
		*d.id = id
	}
	return st, nil
}

// cellName is the A1-style name of column col (1-based), row row.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
