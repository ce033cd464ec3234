package sybsim

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Listen serves s over HTTP on addr (host:port; port 0 picks a free one) and returns its root
// URL, "http://host:port" (the SYB API is under /apiweb), and a stop function that shuts the
// server down, waiting up to 2 s for requests in progress. A serve error other than that stop
// goes to logErr.
func (s *Server) Listen(addr string, logErr func(error)) (root string, stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logErr(err)
		}
	}()
	stop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if srv.Shutdown(ctx) != nil {
			_ = srv.Close()
		}
	}
	return "http://" + ln.Addr().String(), stop, nil
}
