package migrate_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5"
	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/revision"
	"github.com/migrate-tool/migrate/schema"
)

// queryCounter is a pgx tracer counting the queries a connection sends,
// batched ones included.
type queryCounter struct{ n atomic.Int64 }

func (c *queryCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.n.Add(1)
	return ctx
}
func (c *queryCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}
func (c *queryCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return ctx
}
func (c *queryCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {
	c.n.Add(1)
}
func (c *queryCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// TestCheckConstantQueries: a no-op check reads the live catalog with the
// same number of queries for 10 tables as for 500.
func TestCheckConstantQueries(t *testing.T) {
	t.Parallel()
	counts := map[int]int64{}
	for _, n := range []int{10, 500} {
		url := pgtest.NewDB(t)
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "CREATE TABLE t%d (id bigint PRIMARY KEY, name text NOT NULL DEFAULT '', at timestamptz, CHECK (name <> 'x'));\n", i)
			fmt.Fprintf(&b, "CREATE INDEX t%d_at_idx ON t%d (at);\n", i, i)
		}
		if _, err := conn.Exec(ctx, b.String()); err != nil {
			t.Fatal(err)
		}
		live, err := introspect.Introspect(ctx, conn, introspect.Options{})
		conn.Close(ctx)
		if err != nil {
			t.Fatal(err)
		}
		m, err := migrate.New(ctx, migrate.Options{
			DatabaseURL: url,
			Versions:    []revision.Source{{Dir: "versions", FS: fstest.MapFS{}}},
		})
		if err != nil {
			t.Fatal(err)
		}
		qc := &queryCounter{}
		res, err := m.Check(ctx, migrate.CompareOptions{Target: live, Tracer: qc})
		m.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !res.Clean() {
			t.Fatalf("%d tables: check not clean: %v", n, res.Plan.Summary())
		}
		counts[n] = qc.n.Load()
	}
	if counts[10] != counts[500] || counts[10] == 0 {
		t.Errorf("catalog queries: %d for 10 tables, %d for 500", counts[10], counts[500])
	}
	t.Logf("catalog queries of a no-op check: %d (10 tables), %d (500 tables)", counts[10], counts[500])
}

// TestVerify: a plan that reaches its target passes; one whose result is
// not the target is refused with the stage that went wrong.
func TestVerify(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	read := func(sql string) *schema.Schema {
		t.Helper()
		if _, err := conn.Exec(ctx, "DROP SCHEMA public CASCADE; CREATE SCHEMA public; "+sql); err != nil {
			t.Fatal(err)
		}
		s, err := introspect.Introspect(ctx, conn, introspect.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	target := read("CREATE TABLE t (id int PRIMARY KEY, a text DEFAULT 'x'); CREATE INDEX t_a_idx ON t (a);")
	other := read("CREATE TABLE t (id int PRIMARY KEY, b int);")
	live := read("CREATE TABLE t (id int PRIMARY KEY);")

	m, err := migrate.New(ctx, migrate.Options{DatabaseURL: url,
		Versions: []revision.Source{{Dir: "versions", FS: fstest.MapFS{}}}})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	o := migrate.CompareOptions{Config: &config.Config{Target: config.Target{Schemas: []string{"public"}}}, Target: target}
	cmp, err := m.Autogenerate(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Plan.Empty() {
		t.Fatal("no changes")
	}
	if err := m.Verify(ctx, cmp, o); err != nil {
		t.Fatalf("verify: %v", err)
	}
	if !reflect.DeepEqual(cmp.Live.Tables, live.Tables) {
		t.Error("Autogenerate's live schema is not the database's")
	}

	bad := *cmp
	bad.Target = other // the plan does not lead there
	err = m.Verify(ctx, &bad, o)
	var ve *migrate.VerifyError
	if !errors.As(err, &ve) || ve.Stage != "upgrade" || len(ve.Remaining) == 0 {
		t.Fatalf("want a VerifyError at the upgrade stage, got %v", err)
	}
	t.Logf("refused: %v", err)
}
