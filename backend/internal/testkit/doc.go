// Package testkit holds helpers that tests in several packages share: a real pty standing in
// for a serial device, and an image shown in a real X window. It is imported by tests only.
package testkit
