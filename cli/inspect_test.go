package cli_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/cli"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// inspectUpdate reports -update (registered by whichever test file of this
// binary defines it).
func inspectUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestInspect runs `migrate inspect` on the introspection fixture: the
// human listing is compared with testdata/inspect/fixture.golden, and the
// JSON with the introspect package's own golden file, which was read with
// the same scope (public and app, without the tool's tables).
func TestInspect(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	fixture, err := os.ReadFile(filepath.Join("..", "introspect", "testdata", "fixture.sql"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.PgConn().Exec(ctx, string(fixture)).ReadAll(); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	toml := "[target]\nschemas = [\"public\", \"app\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "migrate.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		app := &cli.App{Stdout: &stdout, Stderr: &stderr, WorkDir: dir,
			Getenv: func(k string) string { return map[string]string{"DATABASE_URL": url}[k] }}
		if code := app.Run(ctx, args); code != 0 {
			t.Fatalf("migrate %v: exit %d: %s", args, code, stderr.String())
		}
		return stdout.String()
	}

	human := run("inspect")
	golden := filepath.Join("testdata", "inspect", "fixture.golden")
	if inspectUpdate() {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(human), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cli -run TestInspect -update)", err)
	}
	if human != string(want) {
		t.Errorf("migrate inspect differs from %s (go test ./cli -run TestInspect -update accepts it):\n%s", golden, human)
	}

	js := run("inspect", "--json")
	wantJSON, err := os.ReadFile(filepath.Join("..", "introspect", "testdata", "fixture.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	if js != string(wantJSON) {
		t.Errorf("migrate inspect --json differs from introspect/testdata/fixture.golden.json:\n%s", js)
	}
}
