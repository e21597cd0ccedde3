package introspect

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// fixtureOptions read the fixture's schemas minus hidden, without the
// tool's tables.
var fixtureOptions = Options{
	Schemas:        []string{"public", "app", "hidden", "pg_catalog", "information_schema"},
	ExcludeSchemas: []string{"hidden"},
	SkipTables: []schema.QName{
		{Schema: "public", Name: "migrate_version"},
		{Schema: "public", Name: "migrate_history"},
	},
}

// connect opens a connection to url, closed when the test ends; tracer
// may be nil.
func connect(t testing.TB, url string, tracer pgx.QueryTracer) *pgx.Conn {
	t.Helper()
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Tracer = tracer
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// applyFile runs a SQL file in one simple-protocol round trip.
func applyFile(t testing.TB, conn *pgx.Conn, path string) {
	t.Helper()
	sql, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	apply(t, conn, string(sql))
}

func apply(t testing.TB, conn *pgx.Conn, sql string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := conn.PgConn().Exec(ctx, sql).ReadAll(); err != nil {
		t.Fatal(err)
	}
}

func introspect(t testing.TB, db Querier, opts Options) *schema.Schema {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s, err := Introspect(ctx, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func encode(t testing.TB, s *schema.Schema) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFixtureGolden reads a database holding every object kind and
// compares the model with testdata/fixture.golden.json.
func TestFixtureGolden(t *testing.T) {
	t.Parallel()
	conn := connect(t, pgtest.NewDB(t), nil)
	applyFile(t, conn, filepath.Join("testdata", "fixture.sql"))
	got := encode(t, introspect(t, conn, fixtureOptions))

	golden := filepath.Join("testdata", "fixture.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("introspected fixture differs from %s (go test -update rewrites it):\n%s", golden, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(no line differs)"
}
