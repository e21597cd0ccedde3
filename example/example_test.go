package example_test

import (
	"bytes"
	"context"
	"fmt"
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
}

// TestRootProjectCheck is `migrate check` for the example project at the
// repository root, on a throwaway database instead of the embedded one:
// the same versions/ and Go target, through a config that differs from
// ../migrate.toml only in database.url. Upgrading to head and checking must
// find no drift; the whole history must also go down to base and back up.
func TestRootProjectCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the Go toolchain and a database")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "migrate.toml")
	text := fmt.Sprintf("[database]\nurl = %q\n\n[versions]\ndirs = [%q]\n\n[target]\ngo = %q\nschemas = [\"public\"]\n",
		pgtest.NewDB(t), filepath.Join(root, "versions"), filepath.Join(root, "example"))
	if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	run := func(want int, args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		app := &cli.App{Stdout: &stdout, Stderr: &stderr, WorkDir: root, Getenv: func(k string) string {
			if k == "MIGRATE_CONFIG" || k == "DATABASE_URL" {
				return ""
			}
			return os.Getenv(k)
		}}
		args = append([]string{"-c", cfg}, args...)
		code := app.Run(ctx, args)
		if code != want {
			t.Fatalf("migrate %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, stdout.String(), stderr.String())
		}
		return stdout.String()
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
