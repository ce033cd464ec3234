package screen

import (
	"context"
	"errors"
	"fmt"
	"image"
	"strings"

	"xiaotongfu/backend/devices/ocr"
)

// ErrUnsure means the source shows something, but not an amount that can be trusted; the
// wrapped error says why.
var ErrUnsure = errors.New("screen.unsure")

// AmountSource is where the watcher reads the amount due.
type AmountSource interface {
	// Name identifies the source in events and trade rows: "ocr" or "textbox".
	Name() string
	// Read returns the amount shown, in fen; 0 means no amount is shown (cleared). It returns an
	// error wrapping ErrUnsure when it cannot tell, and other errors when reading failed.
	Read(ctx context.Context) (int64, error)
}

// OCRSource reads the amount by capturing a rectangle of a display and recognising it.
type OCRSource struct {
	Display    int
	Rect       image.Rectangle // relative to the display
	Recognizer *ocr.Recognizer
	// OnRead, if set, receives every recognition, abstentions included (not failed captures):
	// the watcher's health tracker keeps the last ones with their confidence.
	OnRead func(ocr.Result)
}

// Name returns "ocr".
func (s *OCRSource) Name() string { return "ocr" }

// Read captures the rectangle and recognises the amount in it.
func (s *OCRSource) Read(ctx context.Context) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	img, err := Capture(s.Display, s.Rect)
	if err != nil {
		return 0, err
	}
	res := s.Recognizer.Recognize(img)
	if s.OnRead != nil {
		s.OnRead(res)
	}
	switch {
	case errors.Is(res.Err, ocr.ErrEmpty):
		return 0, nil
	case res.Err != nil:
		return 0, fmt.Errorf("%w: %w", ErrUnsure, res.Err)
	}
	return res.Fen, nil
}

// TextReader reads the text of the control at a point of the virtual desktop.
type TextReader interface {
	TextAt(ctx context.Context, pt image.Point) (string, error)
}

// TextBoxSource reads the amount from the text of the control at Point (文本框对接).
type TextBoxSource struct {
	Point  image.Point
	Reader TextReader
}

// Name returns "textbox".
func (s *TextBoxSource) Name() string { return "textbox" }

// Read reads the control's text and parses the amount in it; an empty box counts as cleared.
func (s *TextBoxSource) Read(ctx context.Context) (int64, error) {
	text, err := s.Reader.TextAt(ctx, s.Point)
	if err != nil {
		return 0, err
	}
	if strings.TrimSpace(text) == "" {
		return 0, nil
	}
	fen, err := ocr.ParseAmountText(text)
	if err != nil {
		return 0, fmt.Errorf("%w: %w", ErrUnsure, err)
	}
	return fen, nil
}
