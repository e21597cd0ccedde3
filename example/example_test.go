package example_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/cli"
	"github.com/migrate-tool/migrate/example"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func TestSchemaBuilds(t *testing.T) {
	s, err := example.Schema()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"users", "posts"} {
		found := false
		for _, tb := range s.Tables {
			found = found || tb.Name == name
		}
		if !found {
			t.Errorf("table %s is not declared", name)
		}
	}
	if len(s.Enums) == 0 || len(s.Views) == 0 {
		t.Errorf("the example declares %d enums and %d views, want at least one of each", len(s.Enums), len(s.Views))
	}
	// The declarations are package variables: building twice must give
	// the same schema (the CLI may load it more than once).
	again, err := example.Schema()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(s)
	b, _ := json.Marshal(again)
	if !bytes.Equal(a, b) {
		t.Errorf("a second Schema() differs from the first:\n%s\n%s", a, b)
	}
}

// TestRootProjectCheck is `migrate check` for the example project at the
// repository root, with ../migrate.toml as it is, on a throwaway database
// instead of the embedded one: -x env=prod selects the overlay that reads
// $DATABASE_URL, which the test points at a fresh database. Upgrading to
// head and checking must find no drift (example/ and versions/ agree); the
// whole history must also go down to base and back up.
func TestRootProjectCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the Go toolchain and a database")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	url := pgtest.NewDB(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	run := func(want int, args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		app := &cli.App{Stdout: &stdout, Stderr: &stderr, WorkDir: root, Getenv: func(k string) string {
			switch k {
			case "DATABASE_URL":
				return url
			case "MIGRATE_CONFIG":
				return ""
			}
			return os.Getenv(k)
		}}
		args = append([]string{"-x", "env=prod"}, args...)
		code := app.Run(ctx, args)
		if code != want {
			t.Fatalf("migrate %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	// The history is written the way lint asks (env=prod sets lock_timeout).
	if out := run(0, "lint"); !strings.HasPrefix(out, "No findings") {
		t.Errorf("migrate lint on versions/:\n%s", out)
	}
	heads := run(0, "heads")
	if n := strings.Count(strings.TrimSpace(heads), "\n") + 1; n != 1 {
		t.Fatalf("versions/ has %d heads, want 1 (merge them):\n%s", n, heads)
	}
	run(0, "upgrade", "head")
	run(0, "check")
	run(0, "downgrade", "base")
	run(1, "check")
	run(0, "upgrade", "head")
	run(0, "check")
	if branches := run(0, "branches"); strings.TrimSpace(branches) == "" {
		t.Errorf("the example history has no branch point; it is meant to show a branch and its merge")
	}
}
