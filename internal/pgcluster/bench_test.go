package pgcluster

import (
	"context"
	"os"
	"testing"
	"time"
)

// BenchmarkThrowawayCluster measures what a test binary pays for its
// cluster: initdb, start-up, and a restart of an initialized directory.
//
//	go test ./internal/pgcluster -run '^$' -bench Throwaway -benchtime 5x
func BenchmarkThrowawayCluster(b *testing.B) {
	var initStart, restart time.Duration
	for i := 0; i < b.N; i++ {
		dir, err := TempDir("pgcluster-bench-")
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		c, err := Start(context.Background(), Options{Dir: dir, Throwaway: true})
		if err != nil {
			b.Fatal(err)
		}
		initStart += time.Since(t0)
		if err := c.Stop(); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		c, err = Start(context.Background(), Options{Dir: dir, Throwaway: true})
		if err != nil {
			b.Fatal(err)
		}
		restart += time.Since(t1)
		if err := c.Stop(); err != nil {
			b.Fatal(err)
		}
		os.RemoveAll(dir)
	}
	b.ReportMetric(float64(initStart.Milliseconds())/float64(b.N), "ms/initdb+start")
	b.ReportMetric(float64(restart.Milliseconds())/float64(b.N), "ms/start")
}
