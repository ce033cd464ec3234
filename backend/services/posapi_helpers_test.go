package services_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"xiaotongfu/backend/services"
)

// posHarness is a terminal with the admin logged in and the POS API listening on a free
// loopback port, as the cashier software would reach it.
type posHarness struct {
	*harness
	pos  *services.PosService
	base string // http://127.0.0.1:port
	key  string
}

// newPosHarness initialises the terminal, logs the admin in and enables the API.
func newPosHarness(t *testing.T) *posHarness {
	t.Helper()
	h := newHarness(t)
	h.loginAdmin()
	pos := services.NewPosService(h.core, h.pay, h.trades, services.PosOptions{Dir: h.dir, Addr: "127.0.0.1:0"})
	t.Cleanup(h.core.Stop)
	st, err := pos.SavePos(true, 0)
	if err != nil || st.State != services.PosListening || len(st.Key) < 32 {
		t.Fatalf("SavePos: %+v, %v", st, err)
	}
	return &posHarness{harness: h, pos: pos, base: "http://" + st.Addr, key: st.Key}
}

// posReply is one answer of the API: status, the decoded body and, for errors, its code.
type posReply struct {
	status int
	body   map[string]any
	code   string
}

// do sends method path with body (JSON-encoded unless it is a string) and the given key.
func (p *posHarness) do(method, path string, body any, key string) posReply {
	p.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewBufferString(b)
	default:
		raw, _ := json.Marshal(b)
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, p.base+path, rd)
	if err != nil {
		p.t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		p.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	out := posReply{status: resp.StatusCode, body: map[string]any{}}
	_ = json.NewDecoder(resp.Body).Decode(&out.body)
	if e, ok := out.body["error"].(map[string]any); ok {
		out.code, _ = e["code"].(string)
	}
	return out
}

// call is do with the right key.
func (p *posHarness) call(method, path string, body any) posReply {
	p.t.Helper()
	return p.do(method, path, body, p.key)
}

// reqsn is the order number of the platform trade in a payment answer ("" when none).
func (r posReply) reqsn() string {
	tr, _ := r.body["trade"].(map[string]any)
	s, _ := tr["reqsn"].(string)
	return s
}

// simPays counts the simulator's pays of amount fen.
func (p *posHarness) simPays(amount int64) int {
	n := 0
	for _, st := range p.simTrades() {
		if st["kind"] == "pay" && int64(st["amount"].(float64)) == amount {
			n++
		}
	}
	return n
}
