package allinpay

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xiaotongfu/backend/gateway"
)

// ErrStatement reports a statement file that cannot be read in full: not a ZIP, no CSV
// inside, no header, or a line that is not a trade. Nothing of such a file is used, so no
// trade is silently lost.
var ErrStatement = errors.New("allinpay: statement file")

// statementErr wraps ErrStatement with a reason.
func statementErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrStatement, fmt.Sprintf(format, args...))
}

// Column names the parser recognises in the header line (docs/reconciliation.md). The first
// of each list is what the simulator writes.
var (
	colReqSN   = []string{"订单号", "商户订单号", "业务流水号", "reqsn"}
	colTrxID   = []string{"交易流水号", "收银宝流水号", "平台流水号", "trxid"}
	colYuan    = []string{"交易金额", "交易金额(元)", "交易金额（元）", "金额"}
	colFen     = []string{"交易金额(分)", "交易金额（分）", "trxamt"}
	colFeeYuan = []string{"手续费", "手续费(元)", "手续费（元）"}
	colStatus  = []string{"交易状态", "trxstatus"}
	colType    = []string{"交易类型", "trxcode"}
	colTime    = []string{"交易时间", "fintime"}
	colDate    = []string{"交易日期"}
)

// ParseStatement reads a statement ZIP: every file in it is a CSV, GBK (GB18030) encoded
// unless it starts with a UTF-8 byte-order mark. Title lines before the header, blank lines
// and summary lines (合计, 总计, 汇总, #…) are skipped; any other line must be a trade, or
// the whole file is refused with an error naming the line.
func ParseStatement(zipped []byte) ([]gateway.StatementRow, error) {
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		return nil, statementErr("not a ZIP archive: %v", err)
	}
	var rows []gateway.StatementRow
	files := 0
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		files++
		text, err := readEntry(f)
		if err != nil {
			return nil, err
		}
		got, err := parseCSV(text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		rows = append(rows, got...)
	}
	if files == 0 {
		return nil, statementErr("the ZIP holds no file")
	}
	return rows, nil
}

// readEntry decompresses one file (at most maxStatement bytes) and decodes it to UTF-8.
func readEntry(f *zip.File) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", statementErr("%s: %v", f.Name, err)
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, maxStatement+1))
	if err != nil {
		return "", statementErr("%s: %v", f.Name, err)
	}
	if len(raw) > maxStatement {
		return "", statementErr("%s: larger than %d bytes", f.Name, maxStatement)
	}
	if b, ok := bytes.CutPrefix(raw, []byte("\xef\xbb\xbf")); ok {
		if !utf8.Valid(b) {
			return "", statementErr("%s: UTF-8 mark but not UTF-8", f.Name)
		}
		return string(b), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil {
		return "", statementErr("%s: not GBK text: %v", f.Name, err)
	}
	return string(out), nil
}

// parseCSV finds the header line and parses every trade line after it.
func parseCSV(text string) ([]gateway.StatementRow, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord, r.LazyQuotes, r.TrimLeadingSpace = -1, true, true
	var cols *columns
	var rows []gateway.StatementRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return nil, statementErr("line %d: %v", line, err)
		}
		for i := range rec {
			rec[i] = cell(rec[i])
		}
		if cols == nil {
			cols = findColumns(rec)
			continue
		}
		if skipLine(rec) {
			continue
		}
		row, err := cols.row(rec)
		if err != nil {
			return nil, statementErr("line %d: %v", line, err)
		}
		row.Line = line
		rows = append(rows, row)
	}
	if cols == nil {
		return nil, statementErr("no header line with 订单号 and 交易金额")
	}
	return rows, nil
}

// cell trims a value and the marks spreadsheets need to keep digits as text (`, ="…", tab).
func cell(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		s = s[2 : len(s)-1]
	}
	return strings.TrimSpace(strings.TrimPrefix(s, "`"))
}

// skipLine reports a blank or summary line.
func skipLine(rec []string) bool {
	if strings.Join(rec, "") == "" {
		return true
	}
	first := rec[0]
	for _, p := range []string{"合计", "总计", "汇总", "#"} {
		if strings.HasPrefix(first, p) {
			return true
		}
	}
	return false
}
