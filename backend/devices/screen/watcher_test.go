package screen

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

// scripted is an AmountSource that replays a fixed list of reads, to test the watcher's rules.
type scripted struct {
	reads []int64 // -1 = unsure, -2 = failure
	i     int
}

func (s *scripted) Name() string { return "ocr" }

func (s *scripted) Read(context.Context) (int64, error) {
	v := s.reads[s.i]
	s.i++
	switch v {
	case -1:
		return 0, fmt.Errorf("%w: test", ErrUnsure)
	case -2:
		return 0, errors.New("capture failed")
	}
	return v, nil
}

func TestWatcherRules(t *testing.T) {
	cases := []struct {
		name  string
		reads []int64
		want  []int64
	}{
		{"needs two identical reads", []int64{100}, nil},
		{"fires on the second", []int64{100, 100}, []int64{100}},
		{"not again for the same amount", []int64{100, 100, 100, 100}, []int64{100}},
		{"a flicker does not confirm", []int64{100, 200, 100, 200}, nil},
		{"new amount fires", []int64{100, 100, 250, 250}, []int64{100, 250}},
		{"unsure breaks the pair", []int64{100, -1, 100}, nil},
		{"unsure does not re-arm", []int64{100, 100, -1, 100, 100}, []int64{100}},
		{"failure does not re-arm", []int64{100, 100, -2, 100, 100}, []int64{100}},
		{"clear re-arms the same amount", []int64{100, 100, 0, 100, 100}, []int64{100, 100}},
		{"back to a previous amount fires", []int64{100, 100, 300, 300, 100, 100}, []int64{100, 300, 100}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []int64
			var errs int
			w := &Watcher{
				Source:   &scripted{reads: c.reads},
				OnAmount: func(fen int64, src string) { got = append(got, fen); checkSource(t, src) },
				OnError:  func(error) { errs++ },
			}
			for range c.reads {
				w.Poll(context.Background())
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("fired %v, want %v", got, c.want)
			}
			if wantErrs := count(c.reads, -2); errs != wantErrs {
				t.Errorf("OnError called %d times, want %d (unsure reads are not errors)", errs, wantErrs)
			}
		})
	}
}

func checkSource(t *testing.T, src string) {
	if src != "ocr" {
		t.Errorf("source %q, want ocr", src)
	}
}

func count(v []int64, x int64) int {
	n := 0
	for _, e := range v {
		if e == x {
			n++
		}
	}
	return n
}
