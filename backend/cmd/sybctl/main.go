// Command sybctl is an operator CLI over the allinpay client, for a technician checking a
// merchant's keys against the simulator or Allinpay's sandbox:
//
//	sybctl [flags] pay|query|cancel|refund|close key=value…
//	sybctl [flags] verify < callback-body
//
// It prints the verified response as JSON. Exit status: 0 success or processing; 1 not
// accepted, failed or not found; 2 the response signature does not verify or the response is
// malformed (also for verify); 3 no usable answer (network error, timeout, HTTP error,
// SYSTEMERR): query before doing anything else; 4 bad command line or configuration.
package main

import (
	"errors"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK        = 0
	exitFailed    = 1
	exitBadAnswer = 2
	exitUnknown   = 3
	exitUsage     = 4
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError is a bad command line or configuration.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, rest, err := parseFlags(args, stdout)
	if err != nil {
		if errors.Is(err, errHelp) {
			return exitOK
		}
		return fail(stderr, exitUsage, err)
	}
	if len(rest) == 0 {
		return fail(stderr, exitUsage, usageError{"missing action: pay, query, cancel, refund, close or verify (see -h)"})
	}
	if rest[0] == "verify" {
		if len(rest) > 1 {
			return fail(stderr, exitUsage, usageError{"verify takes no arguments; the callback body comes on stdin"})
		}
		return verify(opts, stdin, stdout, stderr)
	}
	return call(opts, rest[0], rest[1:], stdout, stderr)
}
