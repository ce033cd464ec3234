package support

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"xiaotongfu/backend/domain"
)

// CheckName names one device self-test; the UI translates it (settings.about.check.<name>).
type CheckName string

// The device self-tests of 导出诊断信息.
const (
	CheckPrinter CheckName = "printer" // the receipt printer is reachable
	CheckBox     CheckName = "box"     // the box's serial port opens
	CheckHotkeys CheckName = "hotkeys" // every configured hotkey is registered
	CheckScreen  CheckName = "screen"  // the screen-capture area can be read
)

// CheckStatus is a self-test's outcome.
type CheckStatus string

// Self-test outcomes.
const (
	StatusOK            CheckStatus = "ok"
	StatusFailed        CheckStatus = "failed"
	StatusNotConfigured CheckStatus = "not_configured" // the device is not set up in 设置
)

// ErrNotConfigured is what a check returns when its device is not set up; it is reported as
// StatusNotConfigured, not as a failure.
var ErrNotConfigured = errors.New("not configured")

// CheckTimeout bounds each check: a printer that does not answer must not hang the export.
const CheckTimeout = 5 * time.Second

// Check is one self-test. Run returns nil when the device works.
type Check struct {
	Name CheckName
	Run  func(ctx context.Context) error
}

// Codes of a self-test that failed without a code of its own; the UI translates every code
// of a Result as errors.<code> with its Params.
const (
	CodeCheckTimeout domain.Code = "selftest_timeout" // no answer within CheckTimeout
	CodeCheckFailed  domain.Code = "selftest_failed"  // failed for a reason only the zip names
)

// Result is one self-test's outcome. Code (with Params) says why it failed, or what is worth
// knowing about a working device (the box's port already held by 小通付); the UI shows its
// text. Detail (the error text, possibly the OS's own words) goes into the zip and the log
// only, never to the screen.
type Result struct {
	Name   CheckName      `json:"name"`
	Status CheckStatus    `json:"status"`
	Code   domain.Code    `json:"code,omitempty"`
	Params map[string]any `json:"params,omitempty"`
	Detail string         `json:"-"`
	Millis int64          `json:"millis"`
}

// passed is what Passed returns: a working device with something to say about it.
type passed struct{ note *domain.Error }

func (p passed) Error() string { return "ok: " + p.note.Error() }

// Passed is what a check returns when the device works and note says how (e.g. the port is
// open already, read by 小通付 itself): the result is StatusOK with note's code and params.
func Passed(note *domain.Error) error { return passed{note} }

// RunChecks runs every check at once, each bounded by CheckTimeout, and returns the results
// in the order given. A check that panics or overruns is a failure, not a crash or a hang.
func RunChecks(ctx context.Context, checks []Check) []Result {
	out := make([]Result, len(checks))
	var wg sync.WaitGroup
	for i, c := range checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = runOne(ctx, c)
		}()
	}
	wg.Wait()
	return out
}

// runOne runs c with its timeout and turns what it returned into a Result.
func runOne(ctx context.Context, c Check) Result {
	ctx, cancel := context.WithTimeout(ctx, CheckTimeout)
	defer cancel()
	start := time.Now()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("panic: %v", p)
			}
		}()
		done <- c.Run(ctx)
	}()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		err = domain.Errorf(CodeCheckTimeout, "no answer within %s", CheckTimeout)
	}
	r := Result{Name: c.Name, Status: StatusOK, Millis: time.Since(start).Milliseconds()}
	var ok passed
	switch {
	case err == nil:
	case errors.As(err, &ok):
		r.Code, r.Params = ok.note.Code, ok.note.Params
	case errors.Is(err, ErrNotConfigured):
		r.Status = StatusNotConfigured
	default:
		r.Status, r.Detail = StatusFailed, err.Error()
		r.Code, r.Params = codeOf(err)
	}
	return r
}

// codeOf is the code and params a failed check carries, CodeCheckFailed when it has none.
func codeOf(err error) (domain.Code, map[string]any) {
	var e *domain.Error
	if errors.As(err, &e) && e.Code != "" && e.Code != domain.CodeInternal {
		return e.Code, e.Params
	}
	return CodeCheckFailed, nil
}
