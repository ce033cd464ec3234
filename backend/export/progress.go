package export

import "time"

// progressEvery is the shortest gap between two progress reports (ten a second at most).
const progressEvery = 100 * time.Millisecond

// progress throttles a progress callback.
type progress struct {
	fn    func(done, total int)
	total int
	now   func() time.Time
	last  time.Time
	any   bool
}

func newProgress(fn func(done, total int), total int, now func() time.Time) *progress {
	return &progress{fn: fn, total: total, now: now}
}

// report tells fn about done rows unless it was told less than progressEvery ago.
func (p *progress) report(done int) {
	if p.fn == nil {
		return
	}
	t := p.now()
	if p.any && t.Sub(p.last) < progressEvery {
		return
	}
	p.any, p.last = true, t
	p.fn(done, p.total)
}

// finish always tells fn that every row is written.
func (p *progress) finish() {
	if p.fn != nil {
		p.fn(p.total, p.total)
	}
}
