package main

import (
	"fmt"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// child is a process the harness started and may kill and start again. Its output goes to
// logPath (appended across restarts).
type child struct {
	name    string
	path    string
	args    []string
	logPath string

	mu     sync.Mutex
	cmd    *exec.Cmd
	exited chan struct{} // closed when the current process has been waited for
	starts int
}

// start runs the process; it is an error to start one that is running.
func (c *child) start() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cmd != nil {
		return fmt.Errorf("%s is already running", c.name)
	}
	logf, err := os.OpenFile(c.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	fmt.Fprintf(logf, "==== xtfchaos: start %s (%s)\n", c.name, time.Now().Format(time.RFC3339Nano))
	cmd := exec.Command(c.path, c.args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = childAttr()
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("start %s: %w", c.name, err)
	}
	c.cmd, c.exited = cmd, make(chan struct{})
	c.starts++
	exited := c.exited
	go func() {
		_ = cmd.Wait()
		logf.Close()
		c.mu.Lock()
		if c.cmd == cmd {
			c.cmd = nil
		}
		c.mu.Unlock()
		close(exited)
	}()
	return nil
}

// running reports whether the process is alive (as far as the harness has waited).
func (c *child) running() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cmd != nil
}

// signal sends sig and waits up to grace for the exit, then kills. A stopped child is a no-op.
func (c *child) signal(sig syscall.Signal, grace time.Duration) {
	c.mu.Lock()
	cmd, exited := c.cmd, c.exited
	c.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(sig)
	select {
	case <-exited:
		return
	case <-time.After(grace):
	}
	_ = cmd.Process.Kill()
	<-exited
}

// kill is SIGKILL: no shutdown, whatever was in flight stays in flight.
func (c *child) kill() { c.signal(syscall.SIGKILL, 10*time.Second) }

// stop is SIGTERM with ten seconds to shut down cleanly.
func (c *child) stop() { c.signal(syscall.SIGTERM, 10*time.Second) }

// children is every process of a run, stopped together at the end.
type children []*child

// stopAll stops them, last started first.
func (cs children) stopAll() {
	for i := len(cs) - 1; i >= 0; i-- {
		cs[i].stop()
	}
}
