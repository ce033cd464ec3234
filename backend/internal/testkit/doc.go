// Package testkit holds helpers that tests in several packages share: a real pty standing in
// for a serial device, a line of text drawn into a PNG, such an image shown in a real X
// window, and the process's CPU time for benchmarks. It is imported by tests only.
package testkit
