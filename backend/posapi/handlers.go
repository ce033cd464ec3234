package posapi

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform/httpapi"
)

// Codes of the API's own refusals (the others are the platform's domain codes).
const (
	codeNotLocal   domain.Code = "not_local"       // the peer is not on this machine
	codeBadKey     domain.Code = "bad_key"         // missing or wrong key
	codeBadRequest domain.Code = "invalid_request" // not a JSON object of the documented fields
)

// maxWait bounds ?wait= (seconds) on a request that waits for the outcome.
const maxWait = 60

// payRequest is POST /v1/payments.
type payRequest struct {
	OutTradeNo string          `json:"outTradeNo"`
	Amount     json.RawMessage `json:"amount"`
	AuthCode   string          `json:"authCode"`
}

// refundRequest is POST /v1/payments/{outTradeNo}/refunds.
type refundRequest struct {
	RefundNo      string          `json:"refundNo"`
	Amount        json.RawMessage `json:"amount"`
	AdminPassword string          `json:"adminPassword"`
}

// postPayment asks for a payment: 201 for a new order number, 200 for a repeat, which
// charges nothing again; with ?wait=N it answers once the outcome is known or N seconds passed.
func (s *Server) postPayment(w http.ResponseWriter, r *http.Request) {
	var req payRequest
	if !decode(w, r, &req) {
		return
	}
	no, err := checkNo("outTradeNo", req.OutTradeNo)
	if err == nil {
		var limit int64
		if limit, err = s.book.till.PayLimit(); err == nil {
			var fen int64
			if fen, err = parseFen(req.Amount, limit); err == nil {
				s.answerPay(w, r, no, fen, strings.TrimSpace(req.AuthCode))
				return
			}
		}
	}
	writeError(w, err)
}

// answerPay hands the request to the book and answers the order, after the wait if asked.
func (s *Server) answerPay(w http.ResponseWriter, r *http.Request, no string, fen int64, code string) {
	if code != "" {
		if _, err := domain.ChannelOfCode(code); err != nil {
			writeError(w, err)
			return
		}
	}
	p, created, err := s.book.Pay(no, fen, code)
	if err == nil {
		p, err = s.wait(r, p)
	}
	if err != nil {
		writeError(w, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, p)
}

// getPayment answers an order; with ?wait=N it long-polls until the outcome is known.
func (s *Server) getPayment(w http.ResponseWriter, r *http.Request) {
	p, err := s.book.Get(r.PathValue("outTradeNo"))
	if err == nil {
		p, err = s.wait(r, p)
	}
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// wait follows p until it is final, ?wait= seconds passed, or the client went away.
func (s *Server) wait(r *http.Request, p Payment) (Payment, error) {
	secs, _ := strconv.Atoi(r.URL.Query().Get("wait"))
	deadline := time.Now().Add(time.Duration(min(max(secs, 0), maxWait)) * time.Second)
	var err error
	for !p.Final() && time.Now().Before(deadline) {
		select {
		case <-r.Context().Done():
			return p, nil
		case <-s.book.Changed():
		case <-time.After(pollEvery):
		}
		if p, err = s.book.Get(p.OutTradeNo); err != nil {
			return p, err
		}
	}
	return p, nil
}

// pollEvery is how often a waiting request looks at an unresolved trade again.
const pollEvery = 300 * time.Millisecond

// streamFor bounds one subscription.
const streamFor = 5 * time.Minute

// streamPayment is a server-sent-events subscription: an event "payment" with the order each
// time it changes, ending after the final one.
func (s *Server) streamPayment(w http.ResponseWriter, r *http.Request) {
	p, err := s.book.Get(r.PathValue("outTradeNo"))
	if err != nil {
		writeError(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	flush := http.NewResponseController(w)
	var last []byte
	for end := time.Now().Add(streamFor); time.Now().Before(end); {
		if b, _ := json.Marshal(p); !bytes.Equal(b, last) {
			_, _ = w.Write([]byte("event: payment\ndata: " + string(b) + "\n\n"))
			_ = flush.Flush()
			last = b
		}
		if p.Final() {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-s.book.Changed():
		case <-time.After(pollEvery):
		}
		if p, err = s.book.Get(p.OutTradeNo); err != nil {
			return
		}
	}
}

// postRefund refunds part or all of an order's payment. It needs the terminal admin's
// password, as on the refund screen: the POS cannot refund more than the shop's admin could.
func (s *Server) postRefund(w http.ResponseWriter, r *http.Request) {
	var req refundRequest
	if !decode(w, r, &req) {
		return
	}
	refundNo, err := checkNo("refundNo", req.RefundNo)
	if err == nil {
		var fen int64
		if fen, err = parseFen(req.Amount, math.MaxInt64); err == nil {
			t, rerr := s.book.Refund(r.PathValue("outTradeNo"), refundNo, fen, req.AdminPassword)
			if rerr == nil {
				writeJSON(w, http.StatusOK, summary(t))
				return
			}
			err = rerr
		}
	}
	writeError(w, err)
}

// decode reads a JSON object of known fields into v, answering 400 when it is not one.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		writeProblem(w, http.StatusBadRequest, codeBadRequest, "请求须为 JSON 对象，且只含文档中的字段")
		return false
	}
	return true
}

// checkNo validates an order or refund number: 1–32 of A–Z a–z 0–9 - _.
func checkNo(field, no string) (string, error) {
	if no == "" || len(no) > 32 || strings.IndexFunc(no, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	}) >= 0 {
		return "", domain.FieldError(field, "%s 须为 1–32 个字母、数字、- 或 _", field)
	}
	return no, nil
}

// parseFen reads amount, a JSON integer of fen, and checks it with the money parser's rules
// (more than zero, at most limit). A decimal, a string or a negative number is refused: the
// POS sends fen, never yuan.
func parseFen(raw json.RawMessage, limit int64) (int64, error) {
	s := string(bytes.TrimSpace(raw))
	switch {
	case s == "" || s == "null":
		return 0, amountError(domain.CodeAmountEmpty, "缺少金额 amount（整数，单位分）")
	case strings.HasPrefix(s, "-"):
		return 0, amountError(domain.CodeAmountNegative, "金额不能为负")
	case strings.Trim(s, "0123456789") != "":
		return 0, amountError(domain.CodeAmountInvalid, "金额 amount 须为整数，单位分（如 1234 表示 12.34 元）")
	}
	s = strings.Repeat("0", max(3-len(s), 0)) + s
	return domain.ParseAmount(s[:len(s)-2]+"."+s[len(s)-2:], limit)
}

// amountError is a refusal of the amount field.
func amountError(code domain.Code, msg string) *domain.Error {
	return &domain.Error{Code: code, Field: "amount", Message: msg}
}

// errorEnvelope is an error on the wire.
type errorEnvelope struct {
	Error *domain.Error `json:"error"`
}

// writeError answers err with the HTTP status of its code.
func writeError(w http.ResponseWriter, err error) {
	e := domain.AsError(err)
	writeJSON(w, httpapi.StatusOf(e.Code), errorEnvelope{Error: e})
}

// writeProblem answers one of the API's own refusals.
func writeProblem(w http.ResponseWriter, status int, code domain.Code, msg string) {
	writeJSON(w, status, errorEnvelope{Error: &domain.Error{Code: code, Message: msg}})
}

// writeJSON answers v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
