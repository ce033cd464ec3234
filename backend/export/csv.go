package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"xiaotongfu/backend/platform"
)

// Encoding is the text encoding of a CSV file.
type Encoding int

// Encodings. UTF8BOM opens correctly in Excel on Chinese Windows (the BOM tells it the file
// is UTF-8); GB18030 suits older tools that expect the Windows code page 936 family.
const (
	UTF8BOM Encoding = iota
	GB18030
)

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

// formulaStarts are the first characters that make Excel or WPS read a cell as a formula
// (or a command, for tab and carriage return), in ASCII and full width.
const formulaStarts = "=+-@\t\r＝＋－＠"

// EscapeCell neutralises a text cell for spreadsheets: a cell starting with = + - @, tab or
// carriage return (or a full-width = + - @) gets a leading apostrophe, so Excel shows it
// as text instead of running it as a formula. Amounts are never passed through it: they are
// numbers made from fen by this package, and a negative amount stays a plain "-0.01".
func EscapeCell(s string) string {
	if s == "" {
		return s
	}
	for _, r := range formulaStarts {
		if strings.HasPrefix(s, string(r)) {
			return "'" + s
		}
	}
	return s
}

// longDigits is the length from which Excel shows a number in scientific notation.
const longDigits = 12

// excelText keeps a long number (a 24-digit 交易单号, an 18-digit 通联单号) whole when Excel
// opens the CSV: Excel would show 2.01812E+23 and drop digits past the 15th, so such a cell
// gets a trailing tab, which makes Excel read it as text (the usual trick for 身份证号).
func excelText(s string) string {
	if len(s) < longDigits {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return s
		}
	}
	return s + "\t"
}

// WriteCSV writes trades as a CSV file (manual §5.2): a header row with Columns, then one
// row per trade in the given order, CRLF line ends. Text cells are escaped with EscapeCell;
// all-digit cells of 12 or more digits get a trailing tab (see Options.PlainIDs); the amount
// column is yuan with two decimals, negative for voids and refunds. It stops
// with ctx.Err() when ctx is done.
func WriteCSV(ctx context.Context, w io.Writer, trades []platform.Trade, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var out io.Writer = bw
	var enc *transform.Writer
	switch opts.Encoding {
	case UTF8BOM:
		if _, err := bw.WriteString(bom); err != nil {
			return err
		}
	case GB18030:
		enc = transform.NewWriter(bw, simplifiedchinese.GB18030.NewEncoder())
		out = enc
	default:
		return fmt.Errorf("export: unknown CSV encoding %d", opts.Encoding)
	}
	cw := csv.NewWriter(out)
	cw.UseCRLF = true
	if err := cw.Write(Columns); err != nil {
		return err
	}
	p := newProgress(opts.Progress, len(trades), time.Now)
	loc := opts.location()
	rec := make([]string, numColumns)
	err := walk(ctx, trades, p, func(i int) error {
		fillRow(rec, trades[i], loc)
		for c := range rec {
			if c == colAmount {
				continue
			}
			rec[c] = EscapeCell(rec[c])
			if !opts.PlainIDs {
				rec[c] = excelText(rec[c])
			}
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if enc != nil {
		if err := enc.Close(); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	p.finish()
	return nil
}
