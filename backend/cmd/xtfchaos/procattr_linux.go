package main

import "syscall"

// childAttr makes a child die with the harness even when the harness itself is SIGKILLed.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
