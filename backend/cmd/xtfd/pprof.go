package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime"
	"time"
)

// pprofRates are the sampling rates the -pprof listener turns on: one blocking event per
// microsecond blocked, and one in five mutex contentions.
const (
	blockRate = 1000
	mutexRate = 5
)

// servePprof serves Go's profiles (/debug/pprof/…) on addr, a loopback address only, until
// ctx ends, with block and mutex profiling on. It is for measuring the server under load
// (scripts/bench-xtfd.sh -profile); production leaves -pprof empty.
func servePprof(ctx context.Context, addr string, log *slog.Logger) error {
	if !loopback(addr) {
		return fmt.Errorf("-pprof %s is not a loopback address", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	runtime.SetBlockProfileRate(blockRate)
	runtime.SetMutexProfileFraction(mutexRate)
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	log.Info("xtfd: profiles", "addr", ln.Addr().String())
	go func() { _ = srv.Serve(ln) }()
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	return nil
}
