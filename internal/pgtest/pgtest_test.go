package pgtest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

func scalar(t *testing.T, url, sql string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var s string
	if err := conn.QueryRow(ctx, sql).Scan(&s); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return s
}

func TestNewDBIsFreshAndDropped(t *testing.T) {
	var name string
	t.Run("inner", func(t *testing.T) {
		url := NewDB(t)
		name = scalar(t, url, "SELECT current_database()")
		if n := scalar(t, url, "SELECT count(*)::text FROM pg_class WHERE relnamespace = 'public'::regnamespace"); n != "0" {
			t.Errorf("new database has %s relations in public", n)
		}
		// An open connection must not block the drop at cleanup.
		conn, err := pgx.Connect(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		_ = conn
	})
	if got := scalar(t, AdminURL(t), "SELECT count(*)::text FROM pg_database WHERE datname = '"+name+"'"); got != "0" {
		t.Fatalf("database %s still exists after its test", name)
	}
}

func TestParallel(t *testing.T) {
	for i := 0; i < 6; i++ {
		t.Run("db", func(t *testing.T) {
			t.Parallel()
			url := NewDB(t)
			conn, err := pgx.Connect(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(context.Background())
			if _, err := conn.Exec(context.Background(), "CREATE TABLE t (id int PRIMARY KEY)"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestManyTablesInOneTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	url := NewDB(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `BEGIN; DO $$ BEGIN FOR i IN 1..2000 LOOP
		EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, v text)', i); END LOOP; END $$; COMMIT`)
	if err != nil {
		t.Fatalf("2,000 tables in one transaction: %v", err)
	}
}

func TestPsqlWithURL(t *testing.T) {
	url := NewDB(t)
	out, err := exec.Command(filepath.Join(BinDir(t), "psql"), "-XAtc", "SELECT current_database()", url).CombinedOutput()
	if err != nil {
		t.Fatalf("psql: %v %s", err, out)
	}
	if !strings.HasPrefix(strings.TrimSpace(string(out)), "mt_") {
		t.Fatalf("psql connected to %q", out)
	}
}

func TestDBNameLimits(t *testing.T) {
	s := &server{}
	name := s.dbName("TestX/" + strings.Repeat("Very Long Name-", 10))
	if len(name) > 63 || strings.ContainsAny(name, " /-") || name != strings.ToLower(name) {
		t.Fatalf("bad database name %q", name)
	}
}

func TestEnvURLDatabaseSwap(t *testing.T) {
	for _, tc := range []struct{ admin, want string }{
		{"postgres://u:pw@h:5/postgres?sslmode=disable", "postgres://u:pw@h:5/x1?sslmode=disable"},
		{"host=h user=u dbname=postgres", "host=h user=u dbname=postgres dbname=x1"},
	} {
		s := &server{admin: tc.admin}
		if got := s.dbURL("x1"); got != tc.want {
			t.Errorf("dbURL(%q) = %q, want %q", tc.admin, got, tc.want)
		}
	}
}
