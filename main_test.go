package migrate_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/cli"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/revision"
)

// envCLIArgs makes the test binary act as the migrate command: the process
// tests (concurrency, crash) start it several times with JSON-encoded
// arguments instead of building the binary.
const envCLIArgs = "MIGRATE_TEST_CLI_ARGS"

func TestMain(m *testing.M) {
	if raw := os.Getenv(envCLIArgs); raw != "" {
		var args []string
		if err := json.Unmarshal([]byte(raw), &args); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := cli.Main(ctx, args)
		stop()
		os.Exit(code)
	}
	os.Exit(pgtest.Main(m))
}

// file is one revision file's header and sections.
type file struct {
	id, parents, labels, message string
	nonTx                        bool
	up, down                     string
}

func (f file) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- migrate:revision %s\n", f.id)
	if f.parents != "" {
		fmt.Fprintf(&b, "-- migrate:parents %s\n", f.parents)
	}
	if f.labels != "" {
		fmt.Fprintf(&b, "-- migrate:branch-labels %s\n", f.labels)
	}
	msg := f.message
	if msg == "" {
		msg = "create " + f.id
	}
	fmt.Fprintf(&b, "-- migrate:message %s\n", msg)
	b.WriteString("-- migrate:created 2026-01-01T00:00:00Z\n")
	if f.nonTx {
		b.WriteString("-- migrate:transaction false\n")
	}
	fmt.Fprintf(&b, "\n-- migrate:upgrade\n%s\n\n-- migrate:downgrade\n%s\n", f.up, f.down)
	return b.String()
}

// table is a revision creating table t_<id>.
func table(id, parents string) file {
	return file{id: id, parents: parents, up: fmt.Sprintf("CREATE TABLE t_%s (id int);", id), down: fmt.Sprintf("DROP TABLE t_%s;", id)}
}

// writeVersions writes files into a new versions directory and returns the
// project directory holding it.
func writeVersions(t testing.TB, files ...file) string {
	t.Helper()
	dir := t.TempDir()
	vdir := filepath.Join(dir, "versions")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		writeFile(t, filepath.Join(vdir, f.id+".sql"), f.text())
	}
	return dir
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

type events struct{ list []migrate.Event }

func (e *events) Log(ev migrate.Event) { e.list = append(e.list, ev) }

// steps returns "upgrade a1", "downgrade b2"... for the revisions started.
func (e *events) steps() []string {
	var out []string
	for _, ev := range e.list {
		if s, ok := ev.(migrate.RevisionStarted); ok {
			out = append(out, s.Step.Direction.String()+" "+s.Step.Revision.ID)
		}
	}
	e.list = nil
	return out
}

func newMigrator(t testing.TB, url, project string, log migrate.Logger) *migrate.Migrator {
	t.Helper()
	m, err := migrate.New(context.Background(), migrate.Options{
		DatabaseURL: url,
		Versions:    []revision.Source{{Dir: "versions", FS: os.DirFS(filepath.Join(project, "versions"))}},
		Logger:      log,
		ToolVersion: "migrate test",
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func connect(t testing.TB, url string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func strs(t testing.TB, c *pgx.Conn, sql string) []string {
	t.Helper()
	rows, err := c.Query(context.Background(), sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return out
}

// userTables lists the tables the revisions created (t_*), sorted.
func userTables(t testing.TB, c *pgx.Conn) []string {
	return strs(t, c, `SELECT relname::text FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname LIKE 't\_%' ORDER BY 1`)
}

func versionRows(t testing.TB, c *pgx.Conn) []string {
	return strs(t, c, `SELECT version_num FROM migrate_version ORDER BY 1`)
}

func heads(t testing.TB, m *migrate.Migrator) []string {
	t.Helper()
	st, err := m.Current(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range st.Heads {
		out = append(out, h.ID)
	}
	return out
}

func equal(t testing.TB, what string, got, want []string) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}
