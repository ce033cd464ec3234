package services

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"xiaotongfu/backend/domain"
)

// FileFilter is one entry of a save dialog's 保存类型 list, e.g. {"CSV 文件 (*.csv)", "*.csv"}.
type FileFilter struct {
	Name    string
	Pattern string
}

// SaveRequest describes a save dialog.
type SaveRequest struct {
	Title       string
	DefaultName string
	Filters     []FileFilter
}

// SaveDialog asks the cashier where to save a file. It returns "" when they cancelled.
type SaveDialog interface {
	SavePath(ctx context.Context, r SaveRequest) (string, error)
}

// WailsDialog is the native save dialog of the Wails window. ctx must be the Wails runtime
// context the core received in Start.
type WailsDialog struct{}

// errNoWindow is returned when a dialog is asked for before the window exists.
var errNoWindow = domain.Errorf(domain.CodeUnavailable, "窗口尚未就绪，无法打开保存对话框")

// SavePath shows the native save dialog.
func (WailsDialog) SavePath(ctx context.Context, r SaveRequest) (string, error) {
	if ctx.Value("frontend") == nil { // Wails' runtime would end the process without it
		return "", errNoWindow
	}
	opts := runtime.SaveDialogOptions{Title: r.Title, DefaultFilename: r.DefaultName, CanCreateDirectories: true}
	for _, f := range r.Filters {
		opts.Filters = append(opts.Filters, runtime.FileFilter{DisplayName: f.Name, Pattern: f.Pattern})
	}
	return runtime.SaveFileDialog(ctx, opts)
}
