package testkit

import (
	"testing"
	"time"
)

// ReportCPU reports the CPU time per op spent since start (a ProcessCPU reading) as
// cpu-ms/op, when it is measured.
func ReportCPU(b *testing.B, start time.Duration) {
	if cpu := ProcessCPU() - start; cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}
