package services

import (
	"context"

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
// The desktop passes the native dialog (wailsrt.SaveDialog).
type SaveDialog interface {
	SavePath(ctx context.Context, r SaveRequest) (string, error)
}

// ErrNoWindow is returned when a dialog is asked for before the window exists.
var ErrNoWindow = domain.Errorf(domain.CodeUnavailable, "窗口尚未就绪，无法打开保存对话框")

// noDialog is the SaveDialog of services built without one: there is no window to ask in.
type noDialog struct{}

// SavePath returns ErrNoWindow.
func (noDialog) SavePath(context.Context, SaveRequest) (string, error) { return "", ErrNoWindow }
