//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChildKillAndRestart(t *testing.T) {
	c := &child{name: "sleeper", path: "/bin/sleep", args: []string{"600"}, logPath: filepath.Join(t.TempDir(), "sleeper.log")}
	if err := c.start(); err != nil {
		t.Fatal(err)
	}
	if err := c.start(); err == nil {
		t.Fatal("a second start of a running child succeeded")
	}
	c.kill()
	if c.running() {
		t.Fatal("running after kill")
	}
	if err := c.start(); err != nil {
		t.Fatal(err)
	}
	c.stop()
	if c.running() || c.starts != 2 {
		t.Fatalf("running %v, starts %d", c.running(), c.starts)
	}
	log, err := os.ReadFile(c.logPath)
	if err != nil || strings.Count(string(log), "==== xtfchaos: start sleeper") != 2 {
		t.Fatalf("log %q, %v", log, err)
	}
}
