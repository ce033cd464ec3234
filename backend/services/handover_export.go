package services

import (
	"bytes"
	"context"
	"io"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/export"
	"xiaotongfu/backend/internal/atomicfile"
	"xiaotongfu/backend/platform"
)

// handoverFormats are the formats Export writes a 交接班记录 in.
var handoverFormats = map[string]struct {
	filter FileFilter
	write  func(w io.Writer, hs []platform.Handover, o export.Options) error
}{
	"csv":  {exportFormats["csv"].filter, export.WriteHandoversCSV},
	"xlsx": {exportFormats["xlsx"].filter, export.WriteHandoversXLSX},
}

// Export writes every handover matching f (all pages) as "csv" or "xlsx" to a file the
// cashier picks in the save dialog (交接班记录-<day>.<ext>), with export:progress like the
// trade export; CancelExport stops it (export_cancelled).
func (s *HandoverService) Export(f platform.HandoverFilter, format string) (ExportResult, error) {
	kind, ok := handoverFormats[format]
	if !ok {
		return ExportResult{}, domain.FieldError("format", "导出格式只能是 csv 或 xlsx")
	}
	job, end := s.jobs.start(s.c.context())
	defer end()
	path, err := s.c.dialog.SavePath(s.c.context(), SaveRequest{Title: "导出交接班记录",
		DefaultName: handoverFileName(f, format), Filters: []FileFilter{kind.filter}})
	if err != nil || path == "" || job.Err() != nil {
		return ExportResult{}, jobErr(job, err)
	}
	ctx, cancel := context.WithTimeout(job, exportTimeout)
	defer cancel()
	data, n, err := s.render(ctx, f, format)
	if err != nil {
		return ExportResult{}, jobErr(ctx, err)
	}
	path = withExt(path, format)
	if err := atomicfile.Write(path, data, nil); err != nil {
		return ExportResult{}, s.c.saveFailed("handover export", err)
	}
	s.c.log.Info("exported handovers", "format", format, "count", n)
	return ExportResult{Path: path, Count: n}, nil
}

// ExportDownload is Export for the browser: the file comes back to be offered as a download.
func (s *HandoverService) ExportDownload(f platform.HandoverFilter, format string) (FileData, error) {
	if _, ok := handoverFormats[format]; !ok {
		return FileData{}, domain.FieldError("format", "导出格式只能是 csv 或 xlsx")
	}
	job, end := s.jobs.start(s.c.context())
	defer end()
	ctx, cancel := context.WithTimeout(job, exportTimeout)
	defer cancel()
	data, n, err := s.render(ctx, f, format)
	if err != nil {
		return FileData{}, jobErr(ctx, err)
	}
	return newFileData(handoverFileName(f, format), data, n), nil
}

// CancelExport stops the running handover export (it ends with export_cancelled).
func (s *HandoverService) CancelExport() { s.jobs.stop() }

// handoverFileName is 交接班记录-<day>.<ext>, or 交接班记录-全部.<ext> for every day.
func handoverFileName(f platform.HandoverFilter, format string) string {
	day := f.Day
	if day == "" {
		day = "全部"
	}
	return "交接班记录-" + day + "." + format
}

// render fetches every handover of f and writes them as format, with export:progress.
func (s *HandoverService) render(ctx context.Context, f platform.HandoverFilter, format string) ([]byte, int, error) {
	p := newExportProgress(s.c.emit, 0)
	hs, err := s.fetchAll(ctx, f, p)
	if err != nil {
		return nil, 0, err
	}
	p.setTotal(len(hs))
	var buf bytes.Buffer
	if err := handoverFormats[format].write(&buf, hs, export.Options{}); err != nil {
		s.c.log.Error("handover export failed", "format", format, "err", err)
		return nil, 0, err
	}
	p.finish()
	return buf.Bytes(), len(hs), nil
}

// fetchAll reads every page of f, newest first, a handover seen twice kept once; p (when
// set) hears how many were fetched.
func (s *HandoverService) fetchAll(ctx context.Context, f platform.HandoverFilter, p *exportProgress) ([]platform.Handover, error) {
	var out []platform.Handover
	seen := map[string]bool{}
	for f.Offset, f.Limit = 0, exportPage; ; f.Offset += exportPage {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, err := s.list(ctx, f)
		if err != nil {
			return nil, err
		}
		if p != nil {
			p.setTotal(int(page.Total))
		}
		for _, h := range page.Handovers {
			if !seen[h.No] {
				seen[h.No] = true
				out = append(out, h)
			}
		}
		if len(out) > MaxExportRows {
			return nil, tooMany(len(out))
		}
		if p != nil {
			p.fetched(len(out))
		}
		if len(page.Handovers) < exportPage {
			return out, nil
		}
	}
}
