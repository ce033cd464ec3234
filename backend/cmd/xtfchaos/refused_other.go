//go:build !windows

package main

import (
	"errors"
	"syscall"
)

// refused tells whether err is a refused connection (the server is down).
func refused(err error) bool { return errors.Is(err, syscall.ECONNREFUSED) }
