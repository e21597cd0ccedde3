package pgdial

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// BenchmarkConnect compares a connect + SELECT 1 + close with the default
// sslmode (prefer) against a server without SSL over TCP. Besides ns/op it
// reports the median, which one slow fork does not skew. sslmode=disable
// is there as the floor.
func BenchmarkConnect(b *testing.B) {
	s := plainServer.get(b)
	for _, bc := range []struct {
		name    string
		connect connectFunc
		sslmode string
	}{
		{"pgx.ConnectConfig", pgx.ConnectConfig, ""},
		{"pgdial.Connect", Connect, ""},
		// The floor: one connection, no SSLRequest.
		{"pgx.ConnectConfig/sslmode=disable", pgx.ConnectConfig, "disable"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cfg := parseConfig(b, s.url(bc.sslmode))
			ctx := context.Background()
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				conn, err := bc.connect(ctx, cfg)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := conn.Exec(ctx, "SELECT 1"); err != nil {
					b.Fatal(err)
				}
				conn.Close(ctx)
				times = append(times, time.Since(start))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
		})
	}
}
