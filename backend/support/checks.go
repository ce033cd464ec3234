package support

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
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

// Result is one self-test's outcome. Detail (the error text, possibly the OS's own words)
// goes into the zip and the log only, never to the screen.
type Result struct {
	Name   CheckName   `json:"name"`
	Status CheckStatus `json:"status"`
	Detail string      `json:"-"`
	Millis int64       `json:"millis"`
}

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
		err = fmt.Errorf("no answer within %s", CheckTimeout)
	}
	r := Result{Name: c.Name, Status: StatusOK, Millis: time.Since(start).Milliseconds()}
	switch {
	case errors.Is(err, ErrNotConfigured):
		r.Status = StatusNotConfigured
	case err != nil:
		r.Status, r.Detail = StatusFailed, err.Error()
	}
	return r
}
