//go:build !windows

package services

import (
	"context"
	"image"
	"time"

	"xiaotongfu/backend/devices/screen"
)

// waitClick is the text-box 对接's wait for the cashier's click: outside Windows another
// program's text box cannot be read, so it fails at once with screen.ErrOnlyWindows.
func waitClick(context.Context, time.Duration) (image.Point, error) {
	return image.Point{}, screen.ErrOnlyWindows
}
