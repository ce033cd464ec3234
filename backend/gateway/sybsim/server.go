package sybsim

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"time"

	"xiaotongfu/backend/gateway/allinpay"
)

// Server is the simulated SYB platform, an http.Handler. It is safe for concurrent use.
type Server struct {
	cfg      Config
	signer   allinpay.Signer
	verifier allinpay.Verifier
	ledger   *ledger
	routes   map[string]func(map[string]string) reply
	files    files // statement ZIPs handed out, and the test tweak
}

// behaviour is how a pay response travels back (scripted outcomes 93–96).
type behaviour int

const (
	normal  behaviour = iota
	slow              // 93: answer after SlowDelay
	http500           // 94: HTTP 500 instead of the response
	badSign           // 95: a wrong signature
	drop              // 96: close the connection without answering
)

// reply is a handler's answer before the common fields and the signature are added.
type reply struct {
	retcode string // SUCCESS, or why the request was not accepted
	retmsg  string
	fields  map[string]string // business fields (accepted replies)
	how     behaviour
	note    string // for the log line
}

func notAccepted(code, msg string) reply { return reply{retcode: code, retmsg: msg} }

// ServeHTTP serves the five apiweb endpoints, the statement (trxfile/get and its download)
// and the /_sim test endpoints.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	switch {
	case r.URL.Path == "/_sim/trades":
		s.serveTrades(w, r)
		return
	case r.URL.Path == "/_sim/statement-tweak":
		s.serveTweak(w, r)
		return
	case strings.HasPrefix(r.URL.Path, "/_sim/trxfile/"):
		s.serveFile(w, r)
		return
	}
	handle, ok := s.routes[r.URL.Path]
	if r.URL.Path == "/apiweb"+allinpay.PathStatement || r.URL.Path == "/cusapi"+allinpay.PathStatement {
		base := baseURL(r)
		handle, ok = func(req map[string]string) reply { return s.statement(req, base) }, true
	}
	if !ok {
		http.NotFound(w, r)
		s.logf("%s %s -> 404", r.Method, r.URL.Path)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		s.logf("%s %s -> 405", r.Method, r.URL.Path)
		return
	}
	req, rep := s.readRequest(w, r)
	if rep.retcode == "" {
		rep = handle(req)
		s.persist()
	}
	if rep.retcode != "SUCCESS" && (req["version"] == "" || req["version"] == "11") {
		rep.retcode = "FAIL" // version 11 only knows SUCCESS and FAIL
	}
	outcome := s.write(w, r, rep)
	result := strings.Join(strings.Fields(strings.Join([]string{rep.retcode, rep.fields["trxstatus"], rep.retmsg, rep.note, outcome}, " ")), " ")
	s.logf("POST %s %s -> %s (%.1f ms)", r.URL.Path, describe(req), result, float64(time.Since(start).Microseconds())/1000)
}

// readRequest parses and verifies a request; a non-empty retcode in the reply refuses it.
func (s *Server) readRequest(w http.ResponseWriter, r *http.Request) (map[string]string, reply) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return map[string]string{}, notAccepted("PARAMERR", "请求不是表单格式")
	}
	req := make(map[string]string, len(r.PostForm))
	for k, vs := range r.PostForm {
		if len(vs) != 1 {
			return req, notAccepted("PARAMERR", "参数重复: "+k)
		}
		req[k] = vs[0]
	}
	st := req["signtype"]
	if st == "" {
		st = allinpay.SignMD5
	}
	switch {
	case req["appid"] != s.cfg.AppID:
		return req, notAccepted("SIGNAUTHERR", "appid不存在")
	case req["cusid"] != s.cfg.CusID:
		return req, notAccepted("FAIL", "商户号不存在")
	case req["randomstr"] == "":
		return req, notAccepted("PARAMERR", "randomstr不能为空")
	case st != s.cfg.SignType:
		return req, notAccepted("SIGNAUTHERR", "签名类型与商户配置不符")
	}
	if err := s.verifier.Verify(req); err != nil {
		return req, notAccepted("SIGNAUTHERR", "签名验证失败")
	}
	return req, reply{}
}

// write adds the common fields, signs and sends the reply the way rep.how says.
// It returns a note for the log.
func (s *Server) write(w http.ResponseWriter, r *http.Request, rep reply) string {
	out := map[string]string{"retcode": rep.retcode, "retmsg": rep.retmsg}
	if rep.retcode == "SUCCESS" {
		maps.Copy(out, rep.fields)
		out["cusid"], out["appid"], out["randomstr"] = s.cfg.CusID, s.cfg.AppID, randomHex()
		signed := out
		if rep.how == badSign {
			signed = maps.Clone(out)
			signed["trxstatus"] = "3999"
		}
		sig, err := s.signer.Sign(signed)
		if err != nil {
			http.Error(w, "sign failed", http.StatusInternalServerError)
			return " sign error"
		}
		out["sign"] = sig
	}
	switch rep.how {
	case slow:
		if !sleep(r.Context(), s.cfg.SlowDelay) {
			return " client gone before the slow answer"
		}
	case http500:
		http.Error(w, "Internal Server Error", http.StatusInternalServerError)
		return " HTTP 500"
	case drop:
		dropConn(w)
		return " connection dropped"
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(out)
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	_, _ = w.Write(buf.Bytes())
	return ""
}

// serveTrades answers GET /_sim/trades with the ledger as JSON.
func (s *Server) serveTrades(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		http.Error(w, "GET only", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	_ = json.NewEncoder(w).Encode(s.Trades())
}

// dropConn closes the client connection without writing a response.
func dropConn(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// sleep waits d or until ctx ends; it reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// persist saves the ledger to Config.StateFile (when set) after a request was handled and
// before it is answered. A failure is logged: the answer still goes out.
func (s *Server) persist() {
	if s.cfg.StateFile == "" {
		return
	}
	if err := s.ledger.save(s.cfg.StateFile, s.cfg.CusID); err != nil {
		s.logf("state not saved: %v", err)
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Logf != nil {
		s.cfg.Logf(format, args...)
	}
}

func (s *Server) now() time.Time { return s.cfg.Clock().In(cst) }

// describe names a request's trade fields for the log, with the payment code masked.
func describe(req map[string]string) string {
	var b bytes.Buffer
	for _, k := range []string{"reqsn", "trxid", "oldreqsn", "oldtrxid", "trxamt"} {
		if v := req[k]; v != "" {
			fmt.Fprintf(&b, "%s=%.32s ", k, v)
		}
	}
	if c := req["authcode"]; c != "" {
		fmt.Fprintf(&b, "code=%s ", maskCode(c))
	}
	return strings.TrimSpace(b.String())
}

// maskCode keeps the last four digits of a payment code.
func maskCode(code string) string {
	if code == "" {
		return "-"
	}
	if len(code) <= 4 {
		return "****"
	}
	return "****" + code[len(code)-4:]
}

func randomHex() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
