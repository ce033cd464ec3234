// Command xtfchaos is the chaos harness of the money path (`make chaos`, scripts/chaos.sh).
// `xtfchaos run` starts one SYB simulator, two xtfd servers on one PostgreSQL database (the
// second with a skewed clock) and several desktop processes, injects faults for a while —
// dropped and delayed requests and answers on both hops, requests that land after the poll
// window, SIGKILL of desktops and of an xtfd, a PostgreSQL restart, stalled writes — then
// heals everything, waits for every trade to settle and reconciles the platform's ledger with
// the simulator's both ways. It prints
//
//	N trades, 0 lost, 0 doubled, 0 amount mismatches
//
// (and every discrepancy when a count is not 0) and exits 1 on any discrepancy.
//
// `xtfchaos desktop` is one desktop process: a few terminals, each driving the desktop's own
// services (PayService, TradeService) over the real HTTP client, like a cashier who scans
// random codes of every simulator outcome, voids, refunds and re-checks.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

// dispatch runs a subcommand and returns the exit code: 0 ok, 1 failure or discrepancy, 2 usage.
func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "run":
		return runCmd(args[1:], stdout, stderr)
	case "desktop":
		return desktopCmd(args[1:], stderr)
	}
	fmt.Fprint(stderr, usage)
	return 2
}

const usage = `usage:
  xtfchaos run -dsn postgres://… -bin DIR [-duration 5m] [flags]   the whole chaos run (see -h)
  xtfchaos desktop -url URL -tokens T1,T2 [flags]                   one desktop process (started by run)
`
