package introspect

import (
	"context"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// queryCounter counts the statements a connection sends, alone or in a
// batch, and the round trips that carry them (queries and batches).
type queryCounter struct {
	mu      sync.Mutex
	queries int
	sends   int
}

func (c *queryCounter) add(queries, sends int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queries += queries
	c.sends += sends
}

func (c *queryCounter) reset() (queries, sends int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	queries, sends = c.queries, c.sends
	c.queries, c.sends = 0, 0
	return queries, sends
}

func (c *queryCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.add(1, 1)
	return ctx
}

func (c *queryCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (c *queryCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	c.add(0, 1)
	return ctx
}

func (c *queryCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {
	c.add(1, 0)
}

func (c *queryCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// TestQueryCountConstant proves that reading 1,000 tables costs the same
// statements and round trips as reading 10.
func TestQueryCountConstant(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 1,000 tables")
	}
	t.Parallel()
	counter := &queryCounter{}
	conn := connect(t, pgtest.NewDB(t), counter)

	createTables(t, conn, 1, 10)
	counter.reset()
	small := introspect(t, conn, Options{})
	q10, s10 := counter.reset()

	createTables(t, conn, 11, 1000)
	counter.reset()
	large := introspect(t, conn, Options{})
	q1000, s1000 := counter.reset()

	if len(small.Tables) != 10 || len(large.Tables) != 1000 {
		t.Fatalf("read %d and %d tables, want 10 and 1000", len(small.Tables), len(large.Tables))
	}
	if q10 != q1000 || s10 != s1000 {
		t.Errorf("10 tables: %d statements in %d sends; 1,000 tables: %d statements in %d sends; want equal",
			q10, s10, q1000, s1000)
	}
	// One batch: framing plus one query per kind (the server version
	// comes with the connection).
	if want := len(openTransaction(false)) + len(readers(150000)) + len(closeTransaction(false)); q10 != want || s10 != 1 {
		t.Errorf("10 tables: %d statements in %d sends, want %d in 1", q10, s10, want)
	}
	t.Logf("%d statements in %d sends for 10 and for 1,000 tables", q1000, s1000)
}
