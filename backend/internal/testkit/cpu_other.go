//go:build !windows

package testkit

import (
	"syscall"
	"time"
)

// ProcessCPU is the CPU time this process has used (user and system), for benchmarks that
// report it next to the wall time: on a shared machine the wall time also counts waiting.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
