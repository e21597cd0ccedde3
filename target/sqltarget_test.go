package target

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgcluster"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
)

// writeFiles creates files (relative path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// applyDirect runs sql on a fresh database and introspects it: what the
// SQL target must come back as.
func applyDirect(t *testing.T, sql string, schemas ...string) *schema.Schema {
	t.Helper()
	ctx := testContext(t)
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	stmts, err := sqlparse.Split(sql)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stmts {
		// One statement per implicit transaction, as psql runs a file.
		if _, err := conn.Exec(ctx, st.SQL, pgx.QueryExecModeSimpleProtocol); err != nil {
			t.Fatalf("%s: %v", st.SQL, err)
		}
	}
	s, err := introspect.Introspect(ctx, conn, introspect.Options{Schemas: schemas})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func scratchLeftovers(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.AdminURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, _ := conn.Query(ctx, "SELECT datname FROM pg_database WHERE datname LIKE 'migrate\\_scratch\\_%'")
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return names
}

var sqlTarget = map[string]string{
	"schema/01_types.sql": `-- types first
CREATE TYPE status AS ENUM ('draft', 'published');
ALTER TYPE status ADD VALUE 'archived';
CREATE TABLE uses_new_value (s status DEFAULT 'archived');
`,
	"schema/02_tables.sql": `BEGIN;
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    status status NOT NULL DEFAULT 'draft'
);
CREATE TABLE posts (id serial PRIMARY KEY, author_id bigint REFERENCES users, title text CHECK (title <> ''));
COMMIT;
CREATE INDEX CONCURRENTLY posts_author_idx ON posts (author_id);
CREATE VIEW published AS SELECT id, email FROM users WHERE status = 'published';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch();
`,
	"schema/README.txt": "not SQL, not matched",
}

func TestLoadSQLTarget(t *testing.T) {
	ctx := testContext(t)
	dir := t.TempDir()
	writeFiles(t, dir, sqlTarget)
	server := pgtest.NewDB(t)
	cfg := &config.Config{Dir: dir, Target: config.Target{SQL: []string{"schema/*.sql"}}}
	before := scratchLeftovers(t)

	got, err := Load(ctx, cfg, Options{ServerURL: server})
	if err != nil {
		t.Fatal(err)
	}
	want := applyDirect(t, sqlTarget["schema/01_types.sql"]+sqlTarget["schema/02_tables.sql"])
	if plan, err := autogen.Diff(got, want, autogen.Options{}); err != nil || !plan.Empty() {
		t.Errorf("SQL target differs from the same SQL applied directly: %v %v", err, plan.Summary())
	}
	if got.Table(schema.QName{Schema: "public", Name: "users"}) == nil || len(got.Views) != 1 || len(got.Functions) != 1 {
		t.Errorf("materialized target lacks objects: %d tables, %d views, %d functions", len(got.Tables), len(got.Views), len(got.Functions))
	}
	if after := scratchLeftovers(t); len(after) != len(before) {
		t.Errorf("scratch databases left behind: %v", after)
	}

	// The second load comes from the cache: the scratch server is not
	// touched (it is now unreachable).
	cfg.Scratch.URL = "postgres://nobody@127.0.0.1:1/none?connect_timeout=1"
	cached, err := Load(ctx, cfg, Options{ServerURL: server})
	if err != nil {
		t.Fatalf("cached load: %v", err)
	}
	if plan, _ := autogen.Diff(cached, got, autogen.Options{}); !plan.Empty() {
		t.Errorf("cached schema differs: %v", plan.Summary())
	}
	// A changed file is a new key.
	writeFiles(t, dir, map[string]string{"schema/03_more.sql": "CREATE TABLE more (x int);"})
	if _, err := Load(ctx, cfg, Options{ServerURL: server}); err == nil || !strings.Contains(err.Error(), "scratch") {
		t.Errorf("load after a change used the cache or failed oddly: %v", err)
	}
}

func TestSQLTargetErrors(t *testing.T) {
	ctx := testContext(t)
	server := pgtest.NewDB(t)
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"failing statement", map[string]string{
			"a.sql": "CREATE TABLE a (id int);\n",
			"b.sql": "CREATE TABLE b (id int);\n\n-- refers to a missing table\nCREATE VIEW v AS\n  SELECT id FROM missing;\n",
		}, []string{"b.sql:5:18: ERROR: relation \"missing\" does not exist (SQLSTATE 42P01)"}},
		{"error without position", map[string]string{
			"a.sql": "CREATE TABLE a (id int);\nCREATE TABLE a (id int);\n",
		}, []string{"a.sql:2:1: ERROR: relation \"a\" already exists (SQLSTATE 42P07)"}},
		{"syntax error", map[string]string{
			"a.sql": "CREATE TABLE a (id int);\nCREATE TABEL b (id int);\n",
		}, []string{"a.sql:2:8: syntax error"}},
		{"non-transactional statement", map[string]string{
			"a.sql": "CREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY ON a (nope);\n",
		}, []string{"a.sql:2:", "column \"nope\" does not exist (SQLSTATE 42703)"}},
		{"no match", map[string]string{"x.txt": ""}, []string{`pattern "*.sql" matches no file`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			cfg := &config.Config{Dir: dir, Target: config.Target{SQL: []string{"*.sql"}}}
			_, err := Load(ctx, cfg, Options{ServerURL: server, NoCache: true})
			if err == nil {
				t.Fatal("Load succeeded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

// generatedTables is a schema script of n tables, each holding what a real
// table does: a serial key, a unique text column (TOAST table and index),
// a foreign key and an index.
func generatedTables(n int) string {
	var b strings.Builder
	for i := range n {
		ref := ""
		if i > 0 {
			ref = fmt.Sprintf(" REFERENCES t%04d", i-1)
		}
		fmt.Fprintf(&b, "CREATE TABLE t%04d (id serial PRIMARY KEY, name text UNIQUE, parent int%s);\n", i, ref)
		fmt.Fprintf(&b, "CREATE INDEX ON t%04d (parent);\n", i)
	}
	return b.String()
}

// TestSQLTarget2000Tables loads 2,000 tables on a server with PostgreSQL's
// default max_locks_per_transaction (64), where creating them in one
// transaction fails: the batches commit before the lock table fills.
func TestSQLTarget2000Tables(t *testing.T) {
	if testing.Short() {
		t.Skip("starts its own cluster and creates 2,000 tables")
	}
	ctx := testContext(t)
	// Not t.TempDir: the server runs as an unprivileged user when the
	// tests run as root, and must be able to enter the directory.
	dir, err := os.MkdirTemp("", "migrate-target-locks-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := pgcluster.Start(ctx, pgcluster.Options{Dir: filepath.Join(dir, "pg"), Throwaway: true})
	if err != nil {
		t.Fatal(err)
	}
	setDefaultLocks(t, c)
	c, err = pgcluster.Start(ctx, pgcluster.Options{Dir: filepath.Join(dir, "pg"), Throwaway: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	admin := c.URL("postgres")

	script := generatedTables(2000)
	// The premise: in one transaction this exhausts the lock table.
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	var locks string
	if err := conn.QueryRow(ctx, "SHOW max_locks_per_transaction").Scan(&locks); err != nil || locks != "64" {
		t.Fatalf("max_locks_per_transaction = %s (%v), want the default 64", locks, err)
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE one_tx"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	one, err := withDatabase(admin, "one_tx")
	if err != nil {
		t.Fatal(err)
	}
	oneConn, err := pgx.Connect(ctx, one)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = oneConn.Exec(ctx, "BEGIN;\n"+script+"COMMIT;", pgx.QueryExecModeSimpleProtocol)
	t.Logf("one transaction: %v", time.Since(start))
	oneConn.Close(ctx)
	var pg *pgconn.PgError
	if !errors.As(err, &pg) || pg.Code != "53200" {
		t.Fatalf("2,000 tables in one transaction: %v, want out of shared memory (53200)", err)
	}

	writeFiles(t, dir, map[string]string{"schema/tables.sql": script})
	cfg := &config.Config{Dir: dir, Target: config.Target{SQL: []string{"schema/*.sql"}}, Scratch: config.Scratch{URL: admin}}
	start = time.Now()
	got, err := Load(ctx, cfg, Options{NoCache: true, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("batched load: %v", time.Since(start))
	if len(got.Tables) != 2000 || len(got.Sequences) != 2000 {
		t.Errorf("loaded %d tables and %d sequences, want 2000 each", len(got.Tables), len(got.Sequences))
	}
}

// setDefaultLocks sets max_locks_per_transaction back to PostgreSQL's
// default (the test clusters raise it) and stops the server so the next
// start picks it up.
func setDefaultLocks(t *testing.T, c *pgcluster.Cluster) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, "ALTER SYSTEM SET max_locks_per_transaction = 64")
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
}
