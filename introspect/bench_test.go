package introspect

import (
	"context"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

// BenchmarkIntrospect2000 reads a generated schema of 2,000 tables (each
// with an identity primary key, a foreign key, a unique and a check
// constraint, two indexes and defaults), built once:
//
//	go test -run x -bench Introspect -benchtime 5x ./introspect/
//
// "warm" reuses one connection, as a long-lived caller does; "cold" opens
// a new connection per read (not timed), so pgx prepares every statement
// first: one more round trip.
func BenchmarkIntrospect2000(b *testing.B) {
	url := pgtest.NewDB(b)
	conn := connect(b, url, nil)
	createTables(b, conn, 1, 2000)
	apply(b, conn, "ANALYZE")
	ctx := context.Background()
	read := func(b *testing.B, db Querier) {
		s, err := Introspect(ctx, db, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Tables) != 2000 {
			b.Fatalf("read %d tables, want 2000", len(s.Tables))
		}
	}
	b.Run("warm", func(b *testing.B) {
		read(b, conn)
		for b.Loop() {
			read(b, conn)
		}
	})
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			c := connect(b, url, nil)
			b.StartTimer()
			read(b, c)
			b.StopTimer()
			c.Close(ctx)
			b.StartTimer()
		}
	})
}
