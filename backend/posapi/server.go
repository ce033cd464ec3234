// Package posapi is the local integration API for cashier (POS) software: over HTTP on the
// loopback interface only, with a key, the POS asks for a payment of an amount under its own
// order number, follows its result, and refunds it. Book keeps the order numbers in the
// desktop's SQLite before anything is charged, so a retried request never charges twice; Till is
// the terminal that takes the payment. openapi.yaml describes the wire format.
package posapi

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

// OpenAPI is the API's OpenAPI 3 description (served at GET /v1/openapi.yaml).
//
//go:embed openapi.yaml
var OpenAPI []byte

// DefaultPort is where the API listens unless the shop chose another port.
const DefaultPort = 17788

// ErrNotLoopback refuses an address that is not a loopback IP: the API never listens on a
// network the shop's other machines (or anyone else) can reach.
var ErrNotLoopback = errors.New("posapi: the POS API listens on a loopback address (127.0.0.1) only")

// Server is the running API.
type Server struct {
	book *Book
	key  func() string
	log  *slog.Logger
	ln   net.Listener
	srv  *http.Server
}

// Listen serves book on addr, which must be a loopback IP and port (e.g. "127.0.0.1:17788";
// port 0 picks a free one). key returns the current key; requests without it are refused.
func Listen(addr string, book *Book, key func() string, log *slog.Logger) (*Server, error) {
	if err := CheckLoopback(addr); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("posapi: listen on %s: %w", addr, err)
	}
	s := &Server{book: book, key: key, log: log, ln: ln}
	s.srv = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("posapi: serve", "err", err)
		}
	}()
	log.Info("posapi: listening", "addr", ln.Addr().String())
	return s, nil
}

// CheckLoopback accepts host:port whose host is a loopback IP literal (no names, no
// wildcard such as 0.0.0.0 or "").
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("posapi: address %q: %w", addr, err)
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%w, not %q", ErrNotLoopback, host)
	}
	return nil
}

// Addr is the address the server listens on, e.g. "127.0.0.1:17788".
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Close stops accepting requests and waits briefly for those in progress (a subscription is
// cut); a charge already started goes on in the background and is kept in the book.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		return s.srv.Close()
	}
	return nil
}

// NewHandler is the API's handler without a listener (Listen serves it on loopback).
func NewHandler(book *Book, key func() string, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.Default()
	}
	return (&Server{book: book, key: key, log: log}).Handler()
}

// Handler is the API's endpoints behind the loopback and key checks.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/payments", s.postPayment)
	mux.HandleFunc("GET /v1/payments/{outTradeNo}", s.getPayment)
	mux.HandleFunc("GET /v1/payments/{outTradeNo}/events", s.streamPayment)
	mux.HandleFunc("POST /v1/payments/{outTradeNo}/refunds", s.postRefund)
	mux.HandleFunc("GET /v1/openapi.yaml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/yaml")
		_, _ = w.Write(OpenAPI)
	})
	return s.guard(mux)
}

// guard refuses a peer that is not on this machine (403) and a request without the key (401).
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !loopbackPeer(r.RemoteAddr) {
			s.log.Warn("posapi: refused a peer not on this machine", "peer", r.RemoteAddr)
			writeProblem(w, http.StatusForbidden, codeNotLocal, "只接受本机的请求")
			return
		}
		if !s.keyMatches(r.Header.Get("Authorization")) {
			writeProblem(w, http.StatusUnauthorized, codeBadKey, "缺少或错误的接口密钥（Authorization: Bearer <密钥>）")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		next.ServeHTTP(w, r)
	})
}

// maxBody bounds a request body.
const maxBody = 4 << 10

// keyMatches compares the bearer key in header with the current key in constant time.
func (s *Server) keyMatches(header string) bool {
	want := s.key()
	got, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || want == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(want)) == 1
}

// loopbackPeer reports whether remote (host:port) is a loopback IP.
func loopbackPeer(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
