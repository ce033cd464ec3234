package main

import (
	"io"
	"testing"

	"xiaotongfu/backend/platform"
)

// TestReconcileHourFlag: the default hour, -1 for never, and out-of-range hours refused.
func TestReconcileHourFlag(t *testing.T) {
	f, err := parseServe(nil, io.Discard)
	if err != nil || f.reconcileHour != platform.DefaultReconcileHour {
		t.Fatalf("default: %+v %v", f, err)
	}
	if f, err = parseServe([]string{"-reconcile-hour", "-1"}, io.Discard); err != nil || f.reconcileHour != -1 {
		t.Fatalf("never: %+v %v", f, err)
	}
	for _, bad := range []string{"24", "-2"} {
		if _, err := parseServe([]string{"-reconcile-hour", bad}, io.Discard); err == nil {
			t.Fatalf("-reconcile-hour %s accepted", bad)
		}
	}
}
