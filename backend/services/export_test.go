package services

import (
	"testing"
	"time"

	"xiaotongfu/backend/events"
)

// DetectAmount runs what the amount watcher does when it reads an amount (tests without a
// screen to read).
func DetectAmount(d *DeviceService, a events.Amount) { d.screen.amountDetected(a.Amount, a.Source) }

// SetExportTimeout bounds exports to d for the rest of the test t.
func SetExportTimeout(t *testing.T, d time.Duration) {
	old := exportTimeout
	exportTimeout = d
	t.Cleanup(func() { exportTimeout = old })
}

// SetExportCap lowers the export cap to n for the rest of the test t.
func SetExportCap(t *testing.T, n int) {
	old := exportCap
	exportCap = n
	t.Cleanup(func() { exportCap = old })
}
