package main

import (
	"fmt"
	"maps"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"xiaotongfu/backend/gateway/allinpay"
	"xiaotongfu/backend/gateway/sybsim"
)

// payFields is a pay request as xtfd sends it, for timing its signature.
var payFields = map[string]string{
	"cusid": "990440148166000", "appid": "00000051", "version": "11", "trxamt": "1",
	"reqsn": "20261203120000000000000001", "randomstr": "8f3c2a1b9d7e6f50", "body": "小通付收款",
	"authcode": "134567890123456700", "terminfo": `{"termno":"00000001","devicetype":"10"}`,
	"signtype": allinpay.SignRSA,
}

// cryptoBound measures what the cryptography of one payment costs: xtfd signs the request
// and verifies the answer, the simulator verifies the request and signs the answer (two RSA
// signatures and two verifications), on every CPU for d. It returns payments per second that
// the CPUs could do if they did nothing else.
func cryptoBound(d time.Duration) (float64, error) {
	key, err := sybsim.GenerateKey(allinpay.SignRSA)
	if err != nil {
		return 0, err
	}
	signer, err := allinpay.NewSigner(allinpay.SignRSA, key, "", "")
	if err != nil {
		return 0, err
	}
	verifier, err := allinpay.NewVerifier(allinpay.SignRSA, key.Public(), "", "")
	if err != nil {
		return 0, err
	}
	onePay := func() error {
		for range 2 {
			f := maps.Clone(payFields)
			sig, err := signer.Sign(f)
			if err != nil {
				return err
			}
			f["sign"] = sig
			if err := verifier.Verify(f); err != nil {
				return err
			}
		}
		return nil
	}
	var pays atomic.Int64
	var firstErr atomic.Value
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				if err := onePay(); err != nil {
					firstErr.CompareAndSwap(nil, err)
					return
				}
				pays.Add(1)
			}
		})
	}
	wg.Wait()
	if e, ok := firstErr.Load().(error); ok {
		return 0, fmt.Errorf("crypto: %w", e)
	}
	return float64(pays.Load()) / time.Since(start).Seconds(), nil
}
