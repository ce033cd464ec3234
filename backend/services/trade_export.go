package services

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/events"
	"xiaotongfu/backend/export"
	"xiaotongfu/backend/platform"
)

// ExportResult is where an export or picture was saved and how many trades it holds. Path
// is "" when the cashier cancelled the save dialog.
type ExportResult struct {
	Path  string `json:"path"`
	Count int    `json:"count"`
}

// MaxExportRows bounds one export; a larger selection must be narrowed first.
const MaxExportRows = 50_000

// CodeExportTooLarge is the error code of an export over MaxExportRows.
const CodeExportTooLarge domain.Code = "export_too_large"

// exportPage is how many trades one ListTrades call fetches (the platform's maximum).
const exportPage = 200

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
// §5.2). It emits export:progress {done, total} at most ten times a second, where done
// counts half a trade when fetched and half when written.
func (s *TradeService) Export(f platform.TradeFilter, format string) (ExportResult, error) {
	kind, ok := exportFormats[format]
	if !ok {
		return ExportResult{}, domain.FieldError("format", "导出格式只能是 csv 或 xlsx")
	}
	total, err := s.count(f)
	if err != nil {
		return ExportResult{}, err
	}
	if total > MaxExportRows {
		return ExportResult{}, tooMany(total)
	}
	day := cmpDay(f.Day)
	path, err := s.c.dialog.SavePath(s.c.context(), SaveRequest{Title: "导出交易数据",
		DefaultName: "交易数据-" + day + "." + format, Filters: []FileFilter{kind.filter}})
	if err != nil || path == "" {
		return ExportResult{}, err
	}
	path = withExt(path, format)
	p := newExportProgress(s.c.emit, total)
	trades, err := s.fetchAll(f, p)
	if err != nil {
		return ExportResult{}, err
	}
	p.setTotal(len(trades))
	opts := export.Options{Progress: func(done, _ int) { p.written(done) }}
	err = writeFileAtomic(path, func(w io.Writer) error { return kind.write(s.c.context(), w, trades, opts) })
	if err != nil {
		s.c.log.Error("export failed", "format", format, "err", err)
		return ExportResult{}, domain.Errorf(domain.CodeInternal, "导出失败：%s", err.Error())
	}
	p.finish()
	s.c.log.Info("exported trades", "format", format, "count", len(trades))
	return ExportResult{Path: path, Count: len(trades)}, nil
}

func tooMany(n int) error {
	return domain.Errorf(CodeExportTooLarge, "要导出的交易有 %d 笔，超过单次上限 %d 笔，请缩小查询条件后再导出", n, MaxExportRows).
		With("count", n).With("limit", MaxExportRows)
}

// count asks how many trades match f.
func (s *TradeService) count(f platform.TradeFilter) (int, error) {
	f.Offset, f.Limit = 0, 1
	page, err := s.List(f)
	if err != nil {
		return 0, err
	}
	return int(page.Total), nil
}

// fetchAll reads every page of f, newest first. A trade made meanwhile shifts the pages by
// one, so a trade seen twice is kept once.
func (s *TradeService) fetchAll(f platform.TradeFilter, p *exportProgress) ([]platform.Trade, error) {
	var out []platform.Trade
	seen := map[uint]bool{}
	for f.Offset, f.Limit = 0, exportPage; ; f.Offset += exportPage {
		page, err := s.List(f)
		if err != nil {
			return nil, err
		}
		for _, t := range page.Trades {
			if !seen[t.ID] {
				seen[t.ID] = true
				out = append(out, t)
			}
		}
		if len(out) > MaxExportRows {
			return nil, tooMany(len(out))
		}
		p.fetched(len(out))
		if len(page.Trades) < exportPage {
			return out, nil
		}
	}
}

// SaveStatsPNG draws the day's statistics (yyyy-MM-dd; today when empty) as a PNG and saves
// it where the cashier picks (交易统计-<day>.png, manual §5.3). Count is the day's payments.
func (s *TradeService) SaveStatsPNG(day string) (ExportResult, error) {
	st, err := s.Stats(day)
	if err != nil {
		return ExportResult{}, err
	}
	img, err := export.StatsPNG(*st, export.PNGOptions{GeneratedAt: time.Now()})
	if err != nil {
		return ExportResult{}, err
	}
	path, err := s.c.dialog.SavePath(s.c.context(), SaveRequest{Title: "保存统计图片",
		DefaultName: "交易统计-" + cmpDay(st.Day) + ".png", Filters: []FileFilter{{"PNG 图片 (*.png)", "*.png"}}})
	if err != nil || path == "" {
		return ExportResult{}, err
	}
	path = withExt(path, "png")
	if err := writeFileAtomic(path, func(w io.Writer) error { _, err := w.Write(img); return err }); err != nil {
		return ExportResult{}, domain.Errorf(domain.CodeInternal, "保存图片失败：%s", err.Error())
	}
	return ExportResult{Path: path, Count: int(st.PayCount)}, nil
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

// writeFileAtomic writes through a temporary file next to path and renames it into place,
// so a failed export never leaves half a file under the chosen name.
func writeFileAtomic(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".xtf-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
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
