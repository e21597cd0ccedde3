package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/cli"
	"github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/schema"
)

// autogenGolden compares p's transcript with testdata/autogen/<name>.txt.
func autogenGolden(p *runProject, name string) {
	p.t.Helper()
	p.goldenAt("autogen", name)
}

func (p *runProject) read(name string) string {
	p.t.Helper()
	b, err := os.ReadFile(filepath.Join(p.dir, name))
	if err != nil {
		p.t.Fatal(err)
	}
	return string(b)
}

// TestAutogenerateSQLTarget runs the whole loop with a SQL target:
// autogenerate the first revision, upgrade, check clean, change the
// declaration, see check fail and plan show it, autogenerate (verified)
// again, upgrade, check clean, downgrade to base.
func TestAutogenerateSQLTarget(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, pgtest.NewDB(t))
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n[target]\nsql = [\"schema/*.sql\"]\n")
	if err := os.MkdirAll(filepath.Join(p.dir, "schema"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.write("schema/01_users.sql", `
CREATE TYPE status AS ENUM ('active', 'banned');
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    status status NOT NULL DEFAULT 'active'
);
`)
	// An empty graph is at its (empty) head: the whole declaration is drift.
	p.mustRun(1, "check")
	p.mustRun(0, "revision", "--autogenerate", "-m", "create users", "--rev-id", "aaaaaaaaaaaa")
	p.mustRun(2, "revision", "--autogenerate", "-m", "again", "--rev-id", "bbbbbbbbbbbb")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "check")
	p.mustRun(0, "revision", "--autogenerate", "-m", "nothing")
	p.mustRun(0, "revision", "--autogenerate", "--allow-empty", "-m", "empty on purpose", "--rev-id", "dddddddddddd")
	p.mustRun(0, "upgrade", "head")

	p.write("schema/01_users.sql", `
CREATE TYPE status AS ENUM ('active', 'suspended', 'banned');
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    display_name varchar(100),
    status status NOT NULL DEFAULT 'active'
);
CREATE INDEX users_display_name_idx ON users (display_name);
CREATE VIEW active_users AS SELECT id, email FROM users WHERE status = 'active';
`)
	p.mustRun(1, "check")
	p.mustRun(1, "check", "--json")
	p.mustRun(0, "plan")
	p.mustRun(0, "revision", "--autogenerate", "--verify", "-m", "display names", "--rev-id", "cccccccccccc")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "check")
	p.mustRun(0, "inspect", "--sql")
	p.mustRun(0, "downgrade", "base")
	p.mustRun(1, "check")
	autogenGolden(p, "sql_target")

	for _, f := range []string{"aaaaaaaaaaaa_create_users.sql", "cccccccccccc_display_names.sql"} {
		if !strings.Contains(p.read(filepath.Join("versions", f)), "-- migrate:upgrade") {
			t.Errorf("%s: not a revision file", f)
		}
	}
}

// TestAutogenerateGoTarget runs the loop with a Go declaration linked in
// (cli.MainWithTarget's route): autogenerate, upgrade, check clean, change
// the declaration, autogenerate again, upgrade, check, downgrade to base.
func TestAutogenerateGoTarget(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, pgtest.NewDB(t))
	version := 1
	declared := func() (*schema.Schema, error) {
		users := decl.Table("users",
			decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
			decl.Column("email", decl.Varchar(255)).NotNull().Unique(),
		)
		if version > 1 {
			users.Add(decl.Column("created_at", decl.TimestampTZ).NotNull().Default("now()"))
		}
		return decl.Build(users)
	}
	run := func(want int, args ...string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		app := &cli.App{Stdout: &stdout, Stderr: &stderr, WorkDir: p.dir, Declared: declared,
			Getenv: func(k string) string { return p.env[k] }}
		code := app.Run(context.Background(), args)
		fmt.Fprintf(&p.log, "$ migrate %s\n%s", strings.Join(args, " "), stdout.String())
		for _, line := range strings.SplitAfter(scrubEnv(stderr.String(), p.env), "\n") {
			if line != "" {
				fmt.Fprintf(&p.log, "stderr: %s", line)
			}
		}
		fmt.Fprintf(&p.log, "[exit %d]\n\n", code)
		if code != want {
			t.Fatalf("migrate %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, stdout.String(), stderr.String())
		}
	}
	run(0, "revision", "--autogenerate", "-m", "users", "--rev-id", "aaaaaaaaaaaa")
	run(0, "upgrade", "head")
	run(0, "check")
	version = 2
	run(1, "check")
	run(0, "revision", "--autogenerate", "--verify", "-m", "created at", "--rev-id", "bbbbbbbbbbbb")
	run(0, "upgrade", "head")
	run(0, "check")
	run(0, "downgrade", "base")
	autogenGolden(p, "go_target")
}
