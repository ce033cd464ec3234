package services

import (
	"bytes"
	"cmp"
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/export"
	"xiaotongfu/backend/internal/atomicfile"
	"xiaotongfu/backend/platform"
)

// ExportResult is where an export or picture was saved and how many trades it holds. Path
// is "" when the cashier cancelled the save dialog.
type ExportResult struct {
	Path  string `json:"path"`
	Count int    `json:"count"`
}

// MaxExportRows bounds one export; a larger selection must be narrowed first.
const MaxExportRows = 100_000

// exportCap is MaxExportRows (lowered by tests).
var exportCap = MaxExportRows

// CodeExportTooLarge is the error code of an export over MaxExportRows.
const CodeExportTooLarge domain.Code = "export_too_large"

// exportPage is how many trades one ListTrades call fetches (the platform's maximum).
const exportPage = 1000

// exportFormats are the formats Export writes.
var exportFormats = map[string]struct {
	filter FileFilter
	write  func(ctx context.Context, w io.Writer, trades []platform.Trade, o export.Options) error
}{
	"csv":  {FileFilter{"CSV 文件 (*.csv)", "*.csv"}, export.WriteCSV},
	"xlsx": {FileFilter{"Excel 工作簿 (*.xlsx)", "*.xlsx"}, export.WriteXLSX},
}

// Export writes every trade matching f (all pages; Offset and Limit are ignored) as "csv"
// or "xlsx" to a file the cashier picks in the save dialog (交易数据-<day>.<ext>, manual
// §5.2; title and file types in Chinese). It emits export:progress {done, total} at most ten
// times a second, where done counts half a trade when fetched and half when written.
// CancelExport stops it (export_cancelled, nothing written); after the dialog it has
// exportTimeout to finish (export_timeout).
func (s *TradeService) Export(f platform.TradeFilter, format string) (ExportResult, error) {
	kind, ok := exportFormats[format]
	if !ok {
		return ExportResult{}, domain.FieldError("format", "导出格式只能是 csv 或 xlsx")
	}
	job, end := s.c.jobs.start(s.c.context())
	defer end()
	total, err := s.count(job, f)
	if err != nil {
		return ExportResult{}, jobErr(job, err)
	}
	name := "交易数据-" + filterPeriod(f) + "." + format
	path, err := s.c.dialog.SavePath(s.c.context(), SaveRequest{Title: "导出交易数据", DefaultName: name,
		Filters: []FileFilter{kind.filter}})
	if err != nil || path == "" || job.Err() != nil {
		return ExportResult{}, jobErr(job, err)
	}
	ctx, cancel := context.WithTimeout(job, exportTimeout)
	defer cancel()
	data, n, err := s.render(ctx, f, format, total)
	if err != nil {
		return ExportResult{}, jobErr(ctx, err)
	}
	path = withExt(path, format)
	if err := atomicfile.Write(path, data, nil); err != nil {
		return ExportResult{}, s.c.saveFailed("export", err)
	}
	s.c.log.Info("exported trades", "format", format, "count", n)
	return ExportResult{Path: path, Count: n}, nil
}

// ExportDownload is Export for the browser (the README's browser mode, where a native dialog
// would open on a screen nobody sees): the file comes back to be offered as a download.
func (s *TradeService) ExportDownload(f platform.TradeFilter, format string) (FileData, error) {
	if _, ok := exportFormats[format]; !ok {
		return FileData{}, domain.FieldError("format", "导出格式只能是 csv 或 xlsx")
	}
	job, end := s.c.jobs.start(s.c.context())
	defer end()
	ctx, cancel := context.WithTimeout(job, exportTimeout)
	defer cancel()
	total, err := s.count(ctx, f)
	if err != nil {
		return FileData{}, jobErr(ctx, err)
	}
	data, n, err := s.render(ctx, f, format, total)
	if err != nil {
		return FileData{}, jobErr(ctx, err)
	}
	s.c.log.Info("exported trades for download", "format", format, "count", n)
	return newFileData("交易数据-"+filterPeriod(f)+"."+format, data, n), nil
}

// render fetches every trade of f and writes them as format, with export:progress.
func (s *TradeService) render(ctx context.Context, f platform.TradeFilter, format string, total int) ([]byte, int, error) {
	if total > exportCap {
		return nil, 0, tooMany(total)
	}
	p := newExportProgress(s.c.emit, total)
	trades, err := s.fetchAll(ctx, f, p)
	if err != nil {
		return nil, 0, err
	}
	p.setTotal(len(trades))
	var buf bytes.Buffer
	opts := export.Options{Progress: func(done, _ int) { p.written(done) }, Period: filterPeriod(f)}
	if err := exportFormats[format].write(ctx, &buf, trades, opts); err != nil {
		if ctx.Err() == nil {
			s.c.log.Error("export failed", "format", format, "err", err)
		}
		return nil, 0, err
	}
	p.finish()
	return buf.Bytes(), len(trades), nil
}

func tooMany(n int) error {
	return domain.Errorf(CodeExportTooLarge, "要导出的交易有 %d 笔，超过单次上限 %d 笔，请缩小查询条件后再导出", n, exportCap).
		With("count", n).With("limit", exportCap)
}

// count asks how many trades match f.
func (s *TradeService) count(ctx context.Context, f platform.TradeFilter) (int, error) {
	f.Offset, f.Limit = 0, 1
	page, err := s.list(ctx, f)
	if err != nil {
		return 0, err
	}
	return int(page.Total), nil
}

// fetchAll reads every page of f, newest first, each after the last trade of the one before
// (keyset pages: a trade made meanwhile neither shifts nor repeats a row).
func (s *TradeService) fetchAll(ctx context.Context, f platform.TradeFilter, p *exportProgress) ([]platform.Trade, error) {
	var out []platform.Trade
	for f.Offset, f.Limit, f.BeforeID = 0, exportPage, 0; ; {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, err := s.list(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Trades...)
		if len(out) > exportCap {
			return nil, tooMany(len(out))
		}
		p.fetched(len(out))
		if len(page.Trades) < exportPage {
			return out, nil
		}
		f.BeforeID = page.Trades[len(page.Trades)-1].ID
	}
}

// filterPeriod names f's period in file names: its day (today when empty) or first_last.
func filterPeriod(f platform.TradeFilter) string {
	if f.From == "" && f.To == "" {
		return cmpDay(f.Day)
	}
	from, to := cmp.Or(f.From, f.To), cmp.Or(f.To, f.From)
	return periodName(from, to)
}

// cmpDay is day, or today in China time when empty.
func cmpDay(day string) string {
	if day != "" {
		return day
	}
	return time.Now().In(platform.ChinaTime).Format("2006-01-02")
}

// withExt adds .ext when the chosen name has no such extension (some dialogs leave it off).
func withExt(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), "."+ext) {
		return path
	}
	return path + "." + ext
}

// exportProgressEvery is the shortest gap between two export:progress events.
const exportProgressEvery = 100 * time.Millisecond

// exportProgress sends export:progress for both halves of an export, throttled.
type exportProgress struct {
	emit  events.Emitter
	mu    sync.Mutex
	total int
	got   int // trades fetched
	last  time.Time
}

func newExportProgress(emit events.Emitter, total int) *exportProgress {
	return &exportProgress{emit: emit, total: total}
}

func (p *exportProgress) fetched(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.got = n
	p.send(n/2, false)
}

func (p *exportProgress) setTotal(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = n
}

func (p *exportProgress) written(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.send((p.got+n)/2, false)
}

func (p *exportProgress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.send(p.total, true)
}

// send emits unless one was sent less than exportProgressEvery ago (always when final).
func (p *exportProgress) send(done int, final bool) {
	now := time.Now()
	if !final && !p.last.IsZero() && now.Sub(p.last) < exportProgressEvery {
		return
	}
	p.last = now
	p.emit.Emit(events.ExportProgress, events.Count{Done: min(done, p.total), Total: p.total})
}
