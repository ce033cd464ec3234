// Package simtest starts a sybsim simulator on loopback for tests in other packages and
// returns a real allinpay client pointed at it.
package simtest

import (
	"net/http/httptest"
	"testing"

	"xiaotongfu/backend/gateway"
	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
)

// Start runs a simulator for signType (RSA, SM2 or MD5) with fresh keys on an httptest
// server, and returns a client for it, the simulator (for Trades) and the server's root URL
// (the API is under baseURL+"/apiweb", the ledger at baseURL+"/_sim/trades").
// Everything is shut down when the test ends.
func Start(t testing.TB, signType string) (gateway.Provider, *sybsim.Server, string) {
	return StartWith(t, signType, nil)
}

// StartWith is Start with a hook that may change either configuration before use, e.g.
// sim.SlowDelay, sim.Clock or client.Timeout. The client's BaseURL is set after the hook.
func StartWith(t testing.TB, signType string, tune func(sim *sybsim.Config, client *allinpay.Config)) (gateway.Provider, *sybsim.Server, string) {
	t.Helper()
	sc, cc, err := sybsim.PairConfig(signType)
	if err != nil {
		t.Fatalf("simtest: %v", err)
	}
	if tune != nil {
		tune(&sc, &cc)
	}
	sim, err := sybsim.New(sc)
	if err != nil {
		t.Fatalf("simtest: %v", err)
	}
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	cc.BaseURL = srv.URL + "/apiweb"
	client, err := allinpay.New(cc)
	if err != nil {
		t.Fatalf("simtest: %v", err)
	}
	return client, sim, srv.URL
}
