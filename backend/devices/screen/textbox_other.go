//go:build !windows

package screen

import (
	"context"
	"image"
)

// NewTextReader returns the platform's reader of other programs' controls. Outside Windows it
// returns a reader that always fails with ErrOnlyWindows.
func NewTextReader() TextReader { return unsupported{} }

type unsupported struct{}

func (unsupported) TextAt(context.Context, image.Point) (string, error) { return "", ErrOnlyWindows }

// CursorPos returns the mouse position; outside Windows it fails with ErrOnlyWindows.
func CursorPos() (image.Point, error) { return image.Point{}, ErrOnlyWindows }
