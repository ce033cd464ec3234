package sybsim_test

import (
	"net/http"
	"strings"
	"testing"

	"xiaotongfu/backend/gateway/sybsim"
)

// TestListenServesUntilStopped: Listen answers on the root URL it returns, and stop closes it.
func TestListenServesUntilStopped(t *testing.T) {
	sim, _, err := sybsim.NewPair("MD5")
	if err != nil {
		t.Fatal(err)
	}
	root, stop, err := sim.Listen("127.0.0.1:0", func(err error) { t.Errorf("serve: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(root, "http://127.0.0.1:") {
		t.Fatalf("root %q", root)
	}
	resp, err := http.Get(root + "/_sim/trades")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/_sim/trades status %d", resp.StatusCode)
	}
	stop()
	if resp, err := http.Get(root + "/_sim/trades"); err == nil {
		resp.Body.Close()
		t.Fatal("the simulator still answers after stop")
	}
	if _, _, err := sim.Listen("256.0.0.1:0", func(error) {}); err == nil {
		t.Fatal("Listen on a bad address: no error")
	}
}
