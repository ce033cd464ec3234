package services

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"image/png"
	"sync"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/export"
	"xiaotongfu/backend/internal/atomicfile"
	"xiaotongfu/backend/platform"
)

// Error codes of exports and pictures.
const (
	CodeExportCancelled domain.Code = "export_cancelled" // the cashier pressed 取消
	CodeExportTimeout   domain.Code = "export_timeout"   // the job ran longer than exportTimeout
	CodeExportFailed    domain.Code = "export_failed"    // the chosen file could not be written
)

// exportTimeout bounds one export once its file is chosen (a person at the dialog is not timed).
var exportTimeout = 2 * time.Minute

// FileData is a finished file for the browser to offer as a download: its name, its bytes
// (base64) and how many trades it holds.
type FileData struct {
	Name  string `json:"name"`
	Data  string `json:"data"`
	Count int    `json:"count"`
}

func newFileData(name string, data []byte, count int) FileData {
	return FileData{Name: name, Data: base64.StdEncoding.EncodeToString(data), Count: count}
}

// jobs holds the cancel function of the running file job (an export, a picture, the
// diagnostics); a new job cancels the one before it.
type jobs struct {
	mu     sync.Mutex
	seq    int
	cancel context.CancelFunc
}

// start begins a job under parent and returns its context and the function that ends it.
func (j *jobs) start(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.cancel != nil {
		j.cancel()
	}
	j.seq++
	mine := j.seq
	j.cancel = cancel
	return ctx, func() {
		cancel()
		j.mu.Lock()
		defer j.mu.Unlock()
		if j.seq == mine {
			j.cancel = nil
		}
	}
}

// stop cancels the running job, if any.
func (j *jobs) stop() {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.cancel != nil {
		j.cancel()
	}
}

// CancelExport stops the running file job (取消): an export, a picture save or 导出诊断信息
// (SystemService) ends with export_cancelled and writes nothing. Nothing running: no effect.
func (s *TradeService) CancelExport() { s.c.jobs.stop() }

// jobErr names why a job ended early: cancelled or out of time when ctx says so, else err.
func jobErr(ctx context.Context, err error) error {
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		return domain.Errorf(CodeExportCancelled, "已取消")
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return domain.Errorf(CodeExportTimeout, "导出超时，请缩小查询条件后重试")
	}
	return err
}

// saveFailed logs why a chosen file could not be written and says so without the OS text.
func (c *Core) saveFailed(what string, err error) error {
	c.log.Error("save file failed", "what", what, "err", err)
	return domain.Errorf(CodeExportFailed, "文件保存失败，请换一个位置或文件名重试")
}

// StatsImage is the day's statistics picture: what 统计 shows and 保存图片 saves, byte for byte.
type StatsImage struct {
	Day      string `json:"day"`
	Name     string `json:"name"` // 交易统计-<day>.png
	PNG      string `json:"png"`  // base64
	PayCount int64  `json:"payCount"`
}

// StatsPicture draws the statistics of f's period (today when it names none) of this store
// as a PNG in lang ("zh-CN" or "en"), for the 统计 dialog to show (manual §5.3): by hour for
// one day, by day for longer.
func (s *TradeService) StatsPicture(f platform.TradeFilter, lang string) (StatsImage, error) {
	st, err := s.PeriodStats(f)
	if err != nil {
		return StatsImage{}, err
	}
	img, err := export.StatsPNG(*st, export.PNGOptions{GeneratedAt: time.Now(), Lang: lang})
	if err != nil {
		s.c.log.Error("draw statistics", "err", err)
		return StatsImage{}, domain.Errorf(domain.CodeInternal, "生成统计图片失败")
	}
	return StatsImage{Day: periodName(st.From, st.To), Name: "交易统计-" + periodName(st.From, st.To) + ".png",
		PNG: base64.StdEncoding.EncodeToString(img), PayCount: st.PayCount}, nil
}

// periodName names a period in file names: the day, or first_last.
func periodName(from, to string) string {
	if from == to {
		return from
	}
	return from + "_" + to
}

// SaveStatsPNG saves the picture StatsPicture gave (pic.PNG, unchanged) where the cashier
// picks in the save dialog (title and file type in Chinese). Path is "" when they cancelled.
func (s *TradeService) SaveStatsPNG(pic StatsImage) (ExportResult, error) {
	data, err := base64.StdEncoding.DecodeString(pic.PNG)
	if err == nil {
		_, err = png.DecodeConfig(bytes.NewReader(data))
	}
	if err != nil {
		return ExportResult{}, domain.FieldError("png", "统计图片无效，请重新打开统计")
	}
	job, end := s.c.jobs.start(s.c.context())
	defer end()
	path, err := s.c.dialog.SavePath(s.c.context(), SaveRequest{Title: "保存统计图片",
		DefaultName: "交易统计-" + cmpDay(pic.Day) + ".png", Filters: []FileFilter{{"PNG 图片 (*.png)", "*.png"}}})
	if err != nil || path == "" || job.Err() != nil {
		return ExportResult{}, jobErr(job, err)
	}
	path = withExt(path, "png")
	if err := atomicfile.Write(path, data, nil); err != nil {
		return ExportResult{}, s.c.saveFailed("statistics picture", err)
	}
	return ExportResult{Path: path, Count: int(pic.PayCount)}, nil
}
