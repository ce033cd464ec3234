package testkit

import "time"

// ProcessCPU is not measured on Windows: 0, and benchmarks report wall time only.
func ProcessCPU() time.Duration { return 0 }
