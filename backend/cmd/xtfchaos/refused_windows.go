package main

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// refused tells whether err is a refused connection (the server is down). Windows reports
// WSAECONNREFUSED, which syscall.ECONNREFUSED does not match there.
func refused(err error) bool {
	return errors.Is(err, windows.WSAECONNREFUSED) || errors.Is(err, syscall.ECONNREFUSED)
}
