package sqlparse

import (
	"fmt"
	"strings"
	"testing"
)

// manyInserts is a section of n INSERT statements, one per line, with a
// comment every hundred lines: what a data-loading revision looks like.
func manyInserts(n int) string {
	var b strings.Builder
	for i := range n {
		if i%100 == 0 {
			fmt.Fprintf(&b, "-- batch %d\n", i/100)
		}
		fmt.Fprintf(&b, "INSERT INTO t (id, name) VALUES (%d, 'row %d');\n", i, i)
	}
	return b.String()
}

// BenchmarkSplit splits one section of 10k, 100k and 1M statements. Its
// time per statement must stay flat as the section grows (linear
// splitting); run it with
//
//	go test -run '^$' -bench Split -benchtime 1x ./internal/sqlparse/
func BenchmarkSplit(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		sql := manyInserts(n)
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(sql)))
			for range b.N {
				stmts, err := Split(sql)
				if err != nil {
					b.Fatal(err)
				}
				if len(stmts) != n {
					b.Fatalf("%d statements, want %d", len(stmts), n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/stmt")
		})
	}
}
