package wailsrt

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"xiaotongfu/backend/services"
)

// SaveDialog is the native save dialog of the Wails window (services.SaveDialog). The
// context it is asked with must be the Wails runtime context the services received in Start.
type SaveDialog struct{}

var _ services.SaveDialog = SaveDialog{}

// SavePath shows the native save dialog; it returns services.ErrNoWindow before the window
// exists (Wails' runtime would end the process without its context).
func (SaveDialog) SavePath(ctx context.Context, r services.SaveRequest) (string, error) {
	if ctx.Value("frontend") == nil {
		return "", services.ErrNoWindow
	}
	opts := runtime.SaveDialogOptions{Title: r.Title, DefaultFilename: r.DefaultName, CanCreateDirectories: true}
	for _, f := range r.Filters {
		opts.Filters = append(opts.Filters, runtime.FileFilter{DisplayName: f.Name, Pattern: f.Pattern})
	}
	return runtime.SaveFileDialog(ctx, opts)
}
