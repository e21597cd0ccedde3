package target

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/schema"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// databaseExists reports whether name exists on the server of url.
func databaseExists(t *testing.T, url, name string) bool {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", name).Scan(&ok); err != nil {
		t.Fatal(err)
	}
	return ok
}

func TestOpenScratch(t *testing.T) {
	ctx := testContext(t)
	admin := pgtest.AdminURL(t)
	target := pgtest.NewDB(t)
	tests := []struct {
		name        string
		databaseURL string
		scratchURL  string
		serverURL   string
		source      string
	}{
		{"scratch url", "", admin, "", ScratchFromConfig},
		{"target server", "", "", target, ScratchOnTarget},
		// database.url = "embedded", resolved by the caller: the server is
		// the project's private cluster, where roles may be created.
		{"embedded target server", config.EmbeddedURL, "", target, ScratchOnEmbedded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := &config.Config{Dir: t.TempDir(), Database: config.Database{URL: tt.databaseURL}, Scratch: config.Scratch{URL: tt.scratchURL}}
			s, err := OpenScratch(ctx, cfg, tt.serverURL)
			if err != nil {
				t.Fatal(err)
			}
			if s.Source != tt.source || !strings.HasPrefix(s.Name, ScratchPrefix) || s.ServerVersion < 130000 {
				t.Errorf("scratch = %+v", s)
			}
			conn, err := pgx.Connect(ctx, s.URL)
			if err != nil {
				t.Fatal(err)
			}
			var db string
			if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil {
				t.Fatal(err)
			}
			if db != s.Name {
				t.Errorf("connected to %s, want %s", db, s.Name)
			}
			// An open session must not keep the database from being dropped.
			if err := s.Close(ctx); err != nil {
				t.Fatal(err)
			}
			conn.Close(ctx)
			if databaseExists(t, admin, s.Name) {
				t.Errorf("scratch database %s still exists after Close", s.Name)
			}
			if err := s.Close(ctx); err != nil {
				t.Errorf("second Close: %v", err)
			}
		})
	}
}

// A role that may not create databases gets the embedded cluster instead;
// the target database is never used.
func TestOpenScratchFallsBackToEmbedded(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an embedded cluster")
	}
	ctx := testContext(t)
	target := pgtest.NewDB(t)
	conn, err := pgx.Connect(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	role := "scratch_nocreate"
	if _, err := conn.Exec(ctx, `DO $$ BEGIN CREATE ROLE scratch_nocreate LOGIN NOCREATEDB; EXCEPTION WHEN duplicate_object THEN NULL; END $$`); err != nil {
		t.Fatal(err)
	}
	limited := strings.Replace(target, "postgres@", role+"@", 1)
	if limited == target {
		t.Skip("cannot derive a URL for another role from " + config.Redact(target))
	}
	cfg := &config.Config{Dir: t.TempDir()}
	s, err := OpenScratch(ctx, cfg, limited)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	if s.Source != ScratchOnEmbedded {
		t.Errorf("source = %s, want %s", s.Source, ScratchOnEmbedded)
	}
	if _, err := os.Stat(cfg.Dir + "/.migrate"); err != nil {
		t.Errorf("embedded cluster state: %v", err)
	}
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}

	// A SQL target granting to a role the embedded cluster lacks: the
	// role is created there (the cluster is private to the project).
	writeFiles(t, cfg.Dir, map[string]string{"schema.sql": "CREATE TABLE t (id int);\nGRANT SELECT ON t TO embedded_reader;\n"})
	cfg.Target.SQL = []string{"schema.sql"}
	var log []string
	got, err := Load(ctx, cfg, Options{ServerURL: limited, NoCache: true, Logf: func(f string, a ...any) { log = append(log, fmt.Sprintf(f, a...)) }})
	if err != nil {
		t.Fatal(err)
	}
	if tb := got.Table(schema.QName{Schema: "public", Name: "t"}); tb == nil || len(tb.Grants) != 1 || tb.Grants[0].Grantee != "embedded_reader" {
		t.Errorf("table t: %+v", tb)
	}
	if !strings.Contains(strings.Join(log, "\n"), ScratchOnEmbedded) {
		t.Errorf("not materialized on the embedded cluster: %q", log)
	}
}

// On a shared server migrate never creates roles: it says which are
// missing.
func TestMissingRoles(t *testing.T) {
	ctx := testContext(t)
	declared := func() (*schema.Schema, error) {
		return decl.Build(decl.Table("t", decl.Column("id", decl.Integer), decl.Grant("no_such_role_xyz", "SELECT")))
	}
	cfg := &config.Config{Dir: t.TempDir(), Scratch: config.Scratch{URL: pgtest.AdminURL(t)}}
	_, err := Load(ctx, cfg, Options{Declared: declared, NoCache: true})
	if err == nil || !strings.Contains(err.Error(), "roles no_such_role_xyz do not exist on the scratch server (scratch.url)") {
		t.Errorf("Load: %v", err)
	}
}

func TestWithDatabase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://u:p@h:5432/app?sslmode=disable", "postgres://u:p@h:5432/s1?sslmode=disable"},
		{"postgresql://u@/app?host=/tmp/sock&port=5433", "postgresql://u@/s1?host=/tmp/sock&port=5433"},
		{"postgres://h/app?dbname=app", "postgres://h/s1?dbname=s1"},
		{"host=h user=u dbname=app", "host=h user=u dbname=app dbname='s1'"},
	}
	for _, tt := range tests {
		got, err := withDatabase(tt.in, "s1")
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("withDatabase(%q) = %q, want %q", tt.in, got, tt.want)
		}
		cfg, err := pgx.ParseConfig(got)
		if err != nil {
			t.Fatalf("%s: %v", got, err)
		}
		if cfg.Database != "s1" {
			t.Errorf("%s: database %q", got, cfg.Database)
		}
	}
}

func TestBatchSize(t *testing.T) {
	tests := []struct{ locks, conns, prepared, want int }{
		{64, 100, 0, 100},   // PostgreSQL defaults
		{64, 20, 0, 20},     // a small server
		{1024, 100, 0, 500}, // capped
		{10, 1, 0, 1},       // never zero
	}
	for _, tt := range tests {
		if got := batchSizeFor(tt.locks, tt.conns, tt.prepared); got != tt.want {
			t.Errorf("batchSizeFor(%d, %d, %d) = %d, want %d", tt.locks, tt.conns, tt.prepared, got, tt.want)
		}
		// Each batch of DDL stays within a quarter of the lock table.
		if n := batchSizeFor(tt.locks, tt.conns, tt.prepared); n > 1 && n*locksPerStatement > tt.locks*(tt.conns+tt.prepared)/4 {
			t.Errorf("batch of %d may take %d locks of %d", n, n*locksPerStatement, tt.locks*(tt.conns+tt.prepared))
		}
	}
}
