//go:build !windows

package screen

import (
	"context"
	"errors"
	"image"
	"testing"
)

func TestTextBoxOnlyOnWindows(t *testing.T) {
	src := &TextBoxSource{Point: image.Pt(10, 10), Reader: NewTextReader()}
	if _, err := src.Read(context.Background()); !errors.Is(err, ErrOnlyWindows) {
		t.Errorf("Read: %v, want ErrOnlyWindows", err)
	}
	if _, err := CursorPos(); !errors.Is(err, ErrOnlyWindows) {
		t.Errorf("CursorPos: %v, want ErrOnlyWindows", err)
	}
}
