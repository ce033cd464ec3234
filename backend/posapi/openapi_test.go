package posapi

import (
	"strings"
	"testing"
)

// TestOpenAPIDescribesEveryRoute: each route the server has is in openapi.yaml.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	doc := string(OpenAPI)
	for _, path := range []string{"/v1/payments:", "/v1/payments/{outTradeNo}:", "/v1/payments/{outTradeNo}/events:",
		"/v1/payments/{outTradeNo}/refunds:", "/v1/openapi.yaml:"} {
		if !strings.Contains(doc, "\n  "+path+"\n") {
			t.Errorf("openapi.yaml has no path %s", path)
		}
	}
	for _, state := range []string{StateAwaitingCode, StateProcessing, StatePaid, StateFailed, StateClosed, StateCancelled, StateUnknown} {
		if !strings.Contains(doc, state) {
			t.Errorf("openapi.yaml does not name state %s", state)
		}
	}
}
