package screen

import (
	"context"
	"errors"
	"image"
	"testing"
)

// fakeText is a TextReader that returns fixed text and records the point it was asked for.
type fakeText struct {
	text string
	err  error
	at   image.Point
}

func (f *fakeText) TextAt(_ context.Context, pt image.Point) (string, error) {
	f.at = pt
	return f.text, f.err
}

// TestTextBoxSourceRead: the control's text is parsed to fen, an empty box is cleared (0, no
// error), text that is not an amount abstains with ErrUnsure, and a reader failure is passed on.
func TestTextBoxSourceRead(t *testing.T) {
	broken := errors.New("control went away")
	cases := []struct {
		text    string
		err     error
		want    int64
		wantErr error
	}{
		{text: "¥1,234.56", want: 123456},
		{text: "  88.00 ", want: 8800},
		{text: "", want: 0},
		{text: " \t", want: 0},
		{text: "abc", wantErr: ErrUnsure},
		{text: "12.3.4", wantErr: ErrUnsure},
		{err: broken, wantErr: broken},
	}
	for _, c := range cases {
		r := &fakeText{text: c.text, err: c.err}
		src := &TextBoxSource{Point: image.Pt(120, 45), Reader: r}
		fen, err := src.Read(context.Background())
		if r.at != src.Point {
			t.Errorf("%q: read at %v, want %v", c.text, r.at, src.Point)
		}
		if c.wantErr != nil {
			if !errors.Is(err, c.wantErr) || fen != 0 {
				t.Errorf("%q: %d, %v; want error %v", c.text, fen, err, c.wantErr)
			}
			if errors.Is(c.wantErr, broken) && errors.Is(err, ErrUnsure) {
				t.Errorf("reader failure reported as unsure: %v", err)
			}
			continue
		}
		if err != nil || fen != c.want {
			t.Errorf("%q: %d, %v; want %d", c.text, fen, err, c.want)
		}
	}
	if src := (&TextBoxSource{}); src.Name() != "textbox" {
		t.Errorf("Name %q", src.Name())
	}
}
