//go:build !linux

package main

import "syscall"

// childAttr has nothing to add off Linux: children are stopped by the harness's cleanup.
func childAttr() *syscall.SysProcAttr { return nil }
