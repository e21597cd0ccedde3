package introspect

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/schema"
)

// names lists every object of s as "kind schema.name" (sub-objects under
// their relation), for scope assertions.
func names(s *schema.Schema) []string {
	var out []string
	add := func(kind string, parts ...string) { out = append(out, kind+" "+strings.Join(parts, ".")) }
	for _, n := range s.Namespaces {
		add("schema", n.Name)
	}
	for _, x := range s.Extensions {
		add("extension", x.Schema, x.Name)
	}
	for _, e := range s.Enums {
		add("type", e.Schema, e.Name)
	}
	for _, d := range s.Domains {
		add("type", d.Schema, d.Name)
	}
	for _, c := range s.Composites {
		add("type", c.Schema, c.Name)
	}
	for _, q := range s.Sequences {
		add("sequence", q.Schema, q.Name)
	}
	for _, t := range s.Tables {
		add("table", t.Schema, t.Name)
		for _, ix := range t.Indexes {
			add("index", t.Schema, ix.Name)
		}
		for _, k := range t.Constraints {
			add("constraint", t.Schema, t.Name, k.Name)
		}
		for _, tg := range t.Triggers {
			add("trigger", t.Schema, t.Name, tg.Name)
		}
	}
	for _, v := range s.Views {
		add("view", v.Schema, v.Name)
	}
	for _, f := range s.Functions {
		add("function", f.Schema, f.Name)
	}
	return out
}

// TestLeftOut checks that excluded schemas, extension members, the tool's
// tables and objects a partition inherits never appear.
func TestLeftOut(t *testing.T) {
	t.Parallel()
	conn := connect(t, pgtest.NewDB(t), nil)
	applyFile(t, conn, filepath.Join("testdata", "fixture.sql"))
	// hstore's members land in app, next to user objects.
	apply(t, conn, `CREATE EXTENSION hstore WITH SCHEMA app`)
	s := introspect(t, conn, fixtureOptions)
	all := names(s)

	forbidden := []string{
		"hidden",                           // excluded schema
		"pg_catalog", "information_schema", // system schemas, even when listed
		"migrate_version", "migrate_history", // the tool's tables and their sequences
		"citext", "gbt_", "hstore", "akeys", // extension members (types, functions)
		"function app.total", // aggregates
	}
	for _, name := range all {
		for _, bad := range forbidden {
			if strings.Contains(name, bad) && !strings.HasPrefix(name, "extension ") {
				t.Errorf("%s appears (matches %q)", name, bad)
			}
		}
	}
	var exts []string
	for _, x := range s.Extensions {
		exts = append(exts, x.Name)
	}
	if got := strings.Join(exts, ","); got != "btree_gist,citext,hstore" {
		t.Errorf("extensions = %s, want btree_gist,citext,hstore", got)
	}
	for _, tname := range []string{"events_2024", "events_2025", "events_default"} {
		tb := s.Table(schema.QName{Schema: "app", Name: tname})
		if tb == nil {
			t.Fatalf("partition app.%s missing", tname)
		}
		// The copy of the parent's key is listed, naming the parent's
		// index its own is attached to; other copies are not.
		if len(tb.Constraints) != 1 || tb.Constraints[0].Name != tname+"_pkey" || tb.Constraints[0].IndexParent != "events_pkey" || len(tb.Triggers) != 0 {
			t.Errorf("partition app.%s: want only its copy of events_pkey attached to it, got %+v %+v", tname, tb.Constraints, tb.Triggers)
		}
		for _, ix := range tb.Indexes {
			want := "events_kind_idx"
			if strings.HasSuffix(ix.Name, "_local_idx") {
				want = "" // the partition's own
			}
			if ix.Parent != want {
				t.Errorf("partition index app.%s: parent %q, want %q", ix.Name, ix.Parent, want)
			}
		}
		for _, c := range tb.Columns {
			if !c.Inherited {
				t.Errorf("partition column app.%s.%s not marked inherited", tname, c.Name)
			}
		}
	}
	if dog := s.Table(schema.QName{Schema: "app", Name: "dog"}); dog == nil || len(dog.Constraints) != 0 {
		t.Errorf("app.dog should exist without the check it inherits from app.animal: %+v", dog)
	}
}

// TestDefaultSchema reads only public when no schema is listed.
func TestDefaultSchema(t *testing.T) {
	t.Parallel()
	conn := connect(t, pgtest.NewDB(t), nil)
	applyFile(t, conn, filepath.Join("testdata", "fixture.sql"))
	s := introspect(t, conn, Options{})
	for _, name := range names(s) {
		if !strings.Contains(name, " public.") && name != "schema public" {
			t.Errorf("%s appears outside public", name)
		}
	}
	if s.Table(schema.QName{Schema: "public", Name: "migrate_version"}) == nil {
		t.Errorf("public.migrate_version missing though not skipped")
	}
}

// TestInCallerTransaction reads through a pgx.Tx: the result is the same,
// and the caller's transaction and search_path are as they were.
func TestInCallerTransaction(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	conn := connect(t, pgtest.NewDB(t), nil)
	applyFile(t, conn, filepath.Join("testdata", "fixture.sql"))
	want, _ := json.Marshal(introspect(t, conn, fixtureOptions))
	if st := conn.PgConn().TxStatus(); st != 'I' {
		t.Fatalf("connection left in transaction status %c", st)
	}

	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET LOCAL search_path = app, public"); err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(introspect(t, tx, fixtureOptions))
	if string(got) != string(want) {
		t.Errorf("introspection inside a transaction differs from outside")
	}
	var path string
	if err := tx.QueryRow(ctx, "SHOW search_path").Scan(&path); err != nil {
		t.Fatal(err)
	}
	if path != "app, public" {
		t.Errorf("search_path inside the caller's transaction = %q, want it restored", path)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestIndexElements(t *testing.T) {
	tests := []struct {
		def, method   string
		keys, include []string
		err           bool
	}{
		{
			def:    "CREATE INDEX i ON public.t USING btree (a)",
			method: "btree", keys: []string{"a"},
		},
		{
			def:     `CREATE UNIQUE INDEX i ON public.t USING btree (a DESC, lower(b) COLLATE "C" text_pattern_ops NULLS FIRST, ((a + 1))) INCLUDE (c, "we,ird") NULLS NOT DISTINCT WHERE (a > 0)`,
			method:  "btree",
			keys:    []string{"a DESC", `lower(b) COLLATE "C" text_pattern_ops NULLS FIRST`, "((a + 1))"},
			include: []string{"c", `"we,ird"`},
		},
		{
			def:    `CREATE INDEX "i(" ON public."t USING gist (" USING gist (r public.range_ops, (COALESCE(x, ')'','::text)))`,
			method: "gist", keys: []string{"r public.range_ops", `(COALESCE(x, ')'','::text))`},
		},
		{def: "CREATE INDEX i ON public.t USING hash (x)", method: "btree", err: true},
		{def: "CREATE INDEX i ON public.t USING btree (lower(x)", method: "btree", err: true},
	}
	for _, tt := range tests {
		keys, include, err := indexElements(tt.def, tt.method)
		if (err != nil) != tt.err {
			t.Errorf("indexElements(%q) error = %v, want error %v", tt.def, err, tt.err)
			continue
		}
		if strings.Join(keys, "|") != strings.Join(tt.keys, "|") || strings.Join(include, "|") != strings.Join(tt.include, "|") {
			t.Errorf("indexElements(%q) = %q, %q; want %q, %q", tt.def, keys, include, tt.keys, tt.include)
		}
	}
}

// TestOlderServerQueries runs the query text written for PostgreSQL 13 and
// 14 (which have no indnullsnotdistinct) on the installed server: it must
// read the fixture the same, except for the one thing it cannot see.
func TestOlderServerQueries(t *testing.T) {
	t.Parallel()
	conn := connect(t, pgtest.NewDB(t), nil)
	applyFile(t, conn, filepath.Join("testdata", "fixture.sql"))
	want := introspect(t, conn, fixtureOptions)
	for i := range want.Tables {
		for j := range want.Tables[i].Indexes {
			want.Tables[i].Indexes[j].NullsNotDistinct = false
		}
	}
	got, err := read(context.Background(), conn, fixtureOptions, 130000)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := encode(t, got), encode(t, want); string(g) != string(w) {
		t.Errorf("PostgreSQL 13 queries read the fixture differently:\n%s", lineDiff(string(w), string(g)))
	}
	for _, r := range readers(140000) {
		if strings.Contains(r.sql, "indnullsnotdistinct") {
			t.Errorf("%s query for PostgreSQL 14 uses indnullsnotdistinct", r.kind)
		}
	}
}

// TestFailureLeavesConnectionUsable makes a catalog query fail (statement
// timeout) and checks that the error names the object kind and carries the
// server's error, and that the connection is out of the failed transaction
// with its settings as they were.
func TestFailureLeavesConnectionUsable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	conn := connect(t, pgtest.NewDB(t), nil)
	applyFile(t, conn, filepath.Join("testdata", "fixture.sql"))
	apply(t, conn, "SET statement_timeout = 1; SET search_path = app")
	_, err := Introspect(ctx, conn, fixtureOptions)
	if err == nil {
		t.Skip("every catalog query finished within 1ms")
	}
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "57014" || !strings.HasPrefix(err.Error(), "introspect: ") {
		t.Fatalf("error = %v, want an introspect error wrapping a statement timeout", err)
	}
	if st := conn.PgConn().TxStatus(); st != 'I' {
		t.Errorf("connection left in transaction status %c", st)
	}
	apply(t, conn, "SET statement_timeout = 0")
	var path string
	if err := conn.QueryRow(ctx, "SHOW search_path").Scan(&path); err != nil {
		t.Fatal(err)
	}
	if path != "app" {
		t.Errorf("search_path = %q after the failure, want app", path)
	}
}

var (
	_ Querier = (*pgx.Conn)(nil)
	_ Querier = pgx.Tx(nil)
)

// TestQueryExecModes reads the fixture through every pgx query execution
// mode (simple protocol included, as behind PgBouncer) with the same
// result.
func TestQueryExecModes(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	conn := connect(t, url, nil)
	applyFile(t, conn, filepath.Join("testdata", "fixture.sql"))
	want := encode(t, introspect(t, conn, fixtureOptions))
	for _, mode := range []pgx.QueryExecMode{
		pgx.QueryExecModeCacheDescribe, pgx.QueryExecModeDescribeExec,
		pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol,
	} {
		cfg, err := pgx.ParseConfig(url)
		if err != nil {
			t.Fatal(err)
		}
		cfg.DefaultQueryExecMode = mode
		c, err := pgx.ConnectConfig(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		got := encode(t, introspect(t, c, fixtureOptions))
		c.Close(context.Background())
		if string(got) != string(want) {
			t.Errorf("mode %v reads differently:\n%s", mode, lineDiff(string(want), string(got)))
		}
	}
}
