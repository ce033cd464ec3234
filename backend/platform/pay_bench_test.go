package platform

import (
	"slices"
	"testing"
	"time"

	"xiaotongfu/backend/domain"
)

// BenchmarkPaySuccess measures a successful payment end to end: session check, trade written
// to SQLite (WAL), request signed and posted over loopback HTTP to the in-process simulator
// (no scripted delay), response verified, trade settled, DTO read back. It reports the p50
// and p99 latency of one Pay.
func BenchmarkPaySuccess(b *testing.B) {
	for _, signType := range []string{"RSA", "SM2", "MD5"} {
		b.Run(signType, func(b *testing.B) {
			e := newPayEnv(b, signType, testPoll)
			creds := e.login(e.store, domain.RoleCashier, "cashier123")
			codes := make([]string, b.N)
			for i := range codes {
				codes[i] = e.code(i % 90)
			}
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				tr, err := e.svc.Pay(b.Context(), creds, PayInput{Amount: 100, AuthCode: codes[i]})
				lat = append(lat, time.Since(start))
				if err != nil || tr.Status != string(domain.StatusSuccess) {
					b.Fatalf("pay: %+v, %v", tr, err)
				}
			}
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[(len(lat)*99)/100].Microseconds())/1000, "p99-ms")
		})
	}
}
