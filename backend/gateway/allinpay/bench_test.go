package allinpay

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"testing"

	"github.com/emmansun/gmsm/sm2"
)

// benchPair returns a signer and a verifier over one key pair for signType.
func benchPair(b *testing.B, signType string) (Signer, Verifier) {
	b.Helper()
	var priv crypto.Signer
	switch signType {
	case SignRSA:
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			b.Fatal(err)
		}
		priv = k
	case SignSM2:
		k, err := sm2.GenerateKey(rand.Reader)
		if err != nil {
			b.Fatal(err)
		}
		priv = k
	}
	var pub crypto.PublicKey
	if priv != nil {
		pub = priv.Public()
	}
	s, err := NewSigner(signType, priv, "00000051", "allinpay888")
	if err != nil {
		b.Fatal(err)
	}
	v, err := NewVerifier(signType, pub, "00000051", "allinpay888")
	if err != nil {
		b.Fatal(err)
	}
	return s, v
}

// BenchmarkSignVerify signs one pay request and verifies it, per sign type.
func BenchmarkSignVerify(b *testing.B) {
	for _, st := range []string{SignRSA, SignSM2, SignMD5} {
		b.Run(st, func(b *testing.B) {
			s, v := benchPair(b, st)
			fields := crossFields(st)
			b.ReportAllocs()
			for b.Loop() {
				sig, err := s.Sign(fields)
				if err != nil {
					b.Fatal(err)
				}
				fields["sign"] = sig
				if err := v.Verify(fields); err != nil {
					b.Fatal(err)
				}
				delete(fields, "sign")
			}
		})
	}
}
