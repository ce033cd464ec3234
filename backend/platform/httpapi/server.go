package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"reflect"
	"strings"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// Limits on what a request may carry.
const (
	MaxBodyBytes   = 64 << 10 // a request body; the largest legitimate one is a notice-free form
	maxTokenLength = 256
	apiPrefix      = "/api/v1/"
)

// server runs the routes against one platform.API.
type server struct {
	api platform.API
	log *slog.Logger
}

// NewServer returns the HTTP handler for api: POST /api/v1/<call> for every call of
// platform.API, GET /openapi.json and GET /healthz. log may be nil (slog.Default). The log
// gets one line per request with method, path, status, error code and duration; never
// headers, bodies or tokens.
func NewServer(api platform.API, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.Default()
	}
	s := &server{api: api, log: log}
	mux := http.NewServeMux()
	for _, r := range routes {
		mux.Handle("POST "+apiPrefix+r.Name, s.handle(r))
	}
	spec, err := json.MarshalIndent(OpenAPI(), "", "  ")
	if err != nil {
		panic(err) // the spec is built from static types; failing here is a programming error
	}
	mux.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(spec)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	known := map[string]bool{}
	for _, r := range routes {
		known[apiPrefix+r.Name] = true
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if known[r.URL.Path] {
			w.Header().Set("Allow", http.MethodPost)
			w.Header().Set("X-Error-Code", string(domain.CodeInvalidInput))
			writeJSON(w, http.StatusMethodNotAllowed, domain.Errorf(domain.CodeInvalidInput, "接口 %s 只接受 POST", r.URL.Path))
			return
		}
		writeError(w, domain.Errorf(domain.CodeNotFound, "没有这个接口：%s %s", r.Method, r.URL.Path))
	})
	return s.logged(mux)
}

// statusWriter remembers the status and error code for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// logged writes the access log and turns a panic into a 500 with the generic message.
func (s *server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("httpapi: panic", "path", r.URL.Path, "panic", fmt.Sprint(p))
				writeError(sw, domain.AsError(errors.New("panic")))
			}
			s.log.Info("http", "client", clientAddr(r), "method", r.Method, "path", r.URL.Path, "status", sw.status,
				"code", sw.Header().Get("X-Error-Code"), "ms", time.Since(start).Milliseconds())
		}()
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(sw, r)
	})
}

// handle decodes the body, checks the credentials the route needs and runs it.
func (s *server) handle(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		creds, err := credsOf(r, rt.Auth)
		if err != nil {
			writeError(w, err)
			return
		}
		req := reflect.New(rt.Req).Interface()
		if err := decodeBody(w, r, req); err != nil {
			writeError(w, err)
			return
		}
		resp, err := rt.run(platform.WithClient(r.Context(), clientAddr(r)), s.api, creds, req)
		if err != nil {
			writeErrorResult(w, err, resp)
			return
		}
		writeJSON(w, http.StatusOK, resp)
	})
}

// clientAddr is the address of the connection's far end (no port); forwarded headers are
// not trusted, since xtfd serves clients directly.
func clientAddr(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

var errNoTerminal = domain.Errorf(domain.CodeUnauthenticated, "终端未初始化或已失效，请重新初始化")
var errNoSession = domain.Errorf(domain.CodeUnauthenticated, "登录已失效，请重新登录")

// credsOf reads the tokens from the headers; a route that needs one and lacks it fails here.
func credsOf(r *http.Request, a auth) (platform.Creds, error) {
	var c platform.Creds
	c.TerminalToken = r.Header.Get(HeaderTerminal)
	if h := r.Header.Get(HeaderAuth); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return c, domain.Errorf(domain.CodeUnauthenticated, "Authorization 头格式应为 Bearer <令牌>")
		}
		c.SessionToken = tok
	}
	if len(c.TerminalToken) > maxTokenLength || len(c.SessionToken) > maxTokenLength {
		return c, errNoSession
	}
	if a >= authTerminal && c.TerminalToken == "" {
		return c, errNoTerminal
	}
	if a == authSession && c.SessionToken == "" {
		return c, errNoSession
	}
	return c, nil
}

// decodeBody reads one JSON object into v: application/json, at most MaxBodyBytes, no unknown
// fields, nothing after it. An empty body is an empty object.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return domain.Errorf(domain.CodeInvalidInput, "请求内容过大（上限 %d KB）", MaxBodyBytes>>10).With("maxBytes", MaxBodyBytes)
	}
	if err != nil {
		return domain.Errorf(domain.CodeInvalidInput, "读取请求失败")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		return domain.Errorf(domain.CodeInvalidInput, "请求须为 application/json")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return domain.Errorf(domain.CodeInvalidInput, "请求格式错误：%s", jsonProblem(err))
	}
	if dec.More() {
		return domain.Errorf(domain.CodeInvalidInput, "请求格式错误：JSON 对象之后还有多余内容")
	}
	return nil
}

// jsonProblem describes a decoding error without echoing the request back.
func jsonProblem(err error) string {
	var typ *json.UnmarshalTypeError
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &typ):
		return fmt.Sprintf("字段 %s 的类型应为 %s", typ.Field, typ.Type)
	case errors.As(err, &syn):
		return fmt.Sprintf("第 %d 字节处不是合法的 JSON", syn.Offset)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "未知字段 " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	}
	return "不是合法的 JSON 对象"
}

// StatusOf maps an error code to an HTTP status. The code in the body is what counts.
func StatusOf(code domain.Code) int {
	switch code {
	case domain.CodeUnauthenticated, domain.CodeLoginFailed:
		return http.StatusUnauthorized
	case domain.CodeForbidden, domain.CodeAdminPassword, domain.CodeMustChangePassword:
		return http.StatusForbidden
	case domain.CodeNotFound, domain.CodeMerchantUnknown:
		return http.StatusNotFound
	case domain.CodeConflict, domain.CodeBoundElsewhere, domain.CodePayInFlight, domain.CodePayCodeUsed:
		return http.StatusConflict
	case domain.CodeAccountLocked, domain.CodeSMSTooMany, domain.CodeSMSTooSoon:
		return http.StatusTooManyRequests
	case domain.CodePayFailed, domain.CodePayRejected, domain.CodeReverseNotAllowed:
		return http.StatusUnprocessableEntity
	case domain.CodeUnavailable:
		return http.StatusServiceUnavailable
	case domain.CodeInternal:
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

func writeError(w http.ResponseWriter, err error) { writeErrorResult(w, err, nil) }

// errorBody is an error on the wire. Result carries what the call returned alongside the
// error, e.g. the failed trade of a declined payment.
type errorBody struct {
	*domain.Error
	Result any `json:"result,omitempty"`
}

// writeErrorResult writes err, with result when it is a non-nil pointer.
func writeErrorResult(w http.ResponseWriter, err error, result any) {
	e := domain.AsError(err)
	w.Header().Set("X-Error-Code", string(e.Code))
	body := errorBody{Error: e}
	if v := reflect.ValueOf(result); v.Kind() == reflect.Pointer && !v.IsNil() {
		body.Result = result
	}
	writeJSON(w, StatusOf(e.Code), body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(domain.AsError(err))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}
