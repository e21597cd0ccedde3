package main

import (
	"context"
	"fmt"
	"net"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
)

// skipTables are the bookkeeping tables of both tools sharing the bench
// databases; neither is part of the compared schema.
var skipTables = []schema.QName{
	{Schema: "public", Name: "migrate_version"},
	{Schema: "public", Name: "migrate_history"},
	{Schema: "public", Name: "alembic_version"},
}

// connect opens one connection whose round trips are counted.
func connect(ctx context.Context, url string, tracer pgx.QueryTracer) (*pgx.Conn, *countingConn, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, nil, fmt.Errorf("BENCH_DATABASE_URL: %w", err)
	}
	var cc *countingConn
	cfg.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		cc = &countingConn{Conn: c}
		return cc, nil
	}
	if tracer != nil {
		cfg.Tracer = tracer
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	return conn, cc, nil
}

func runIntrospect(ctx context.Context, url, recordPath string) error {
	rec := &recorder{}
	conn, cc, err := connect(ctx, url, rec)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	before := cc.count()
	s, err := introspect.Introspect(ctx, conn, introspect.Options{Schemas: []string{"public"}, SkipTables: skipTables})
	if err != nil {
		return err
	}
	trips := cc.count() - before

	var cols, cons, idx int
	for _, t := range s.Tables {
		cols += len(t.Columns)
		cons += len(t.Constraints)
		idx += len(t.Indexes)
	}
	stmts, batches := 0, 0
	for _, g := range rec.groups {
		stmts += len(g.Statements)
		if g.Batch {
			batches++
		}
	}
	fmt.Printf("read: %d tables, %d columns, %d constraints, %d indexes, %d sequences\n", len(s.Tables), cols, cons, idx, len(s.Sequences))
	fmt.Printf("statements sent: %d in %d groups (%d batches); catalog queries are the batch minus its transaction framing\n", stmts, len(rec.groups), batches)
	for i, g := range rec.groups {
		kind := "query"
		if g.Batch {
			kind = "batch"
		}
		fmt.Printf("  group %d: %s of %d statements\n", i+1, kind, len(g.Statements))
	}
	fmt.Printf("round trips after connecting: %d\n", trips)
	if recordPath != "" {
		return writeGroups(recordPath, rec.groups)
	}
	return nil
}
