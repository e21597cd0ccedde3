package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/cli"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// runProject is a project directory with a migrate.toml reading the
// database from $DATABASE_URL, and its environment.
type runProject struct {
	t   *testing.T
	dir string
	env map[string]string
	log bytes.Buffer // the transcript compared with the golden file
}

func newRunProject(t *testing.T, url string) *runProject {
	t.Helper()
	dir := t.TempDir()
	p := &runProject{t: t, dir: dir, env: map[string]string{"DATABASE_URL": url}}
	// Without database.url, $DATABASE_URL is used when set.
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n")
	if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *runProject) write(name, text string) {
	p.t.Helper()
	if err := os.MkdirAll(filepath.Dir(filepath.Join(p.dir, name)), 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(p.dir, name), []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// revision writes versions/<id>.sql.
func (p *runProject) revision(id, parents, message, up, down string) {
	p.t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "-- migrate:revision %s\n", id)
	if parents != "" {
		fmt.Fprintf(&b, "-- migrate:parents %s\n", parents)
	}
	fmt.Fprintf(&b, "-- migrate:message %s\n-- migrate:created 2026-01-02T03:04:05Z\n\n", message)
	fmt.Fprintf(&b, "-- migrate:upgrade\n%s\n\n-- migrate:downgrade\n%s\n", up, down)
	p.write(filepath.Join("versions", id+".sql"), b.String())
}

// run runs migrate args in-process, records the transcript and returns the
// exit code and combined output.
func (p *runProject) run(args ...string) (int, string) {
	p.t.Helper()
	var stdout, stderr bytes.Buffer
	app := &cli.App{Stdout: &stdout, Stderr: &stderr, WorkDir: p.dir, Getenv: func(k string) string { return p.env[k] }}
	code := app.Run(context.Background(), args)
	fmt.Fprintf(&p.log, "$ migrate %s\n%s", strings.Join(args, " "), stdout.String())
	for _, line := range strings.SplitAfter(scrubEnv(stderr.String(), p.env), "\n") {
		if line != "" {
			fmt.Fprintf(&p.log, "stderr: %s", line)
		}
	}
	fmt.Fprintf(&p.log, "[exit %d]\n\n", code)
	return code, stdout.String() + stderr.String()
}

// mustRun runs migrate args and fails the test unless it exits with want.
func (p *runProject) mustRun(want int, args ...string) string {
	p.t.Helper()
	code, out := p.run(args...)
	if code != want {
		p.t.Fatalf("migrate %s: exit %d, want %d\n%s", strings.Join(args, " "), code, want, out)
	}
	return out
}

// scrubEnv replaces the connection strings in env (the throwaway databases' URLs) with
// $NAME, so that transcripts do not depend on the server the test got.
func scrubEnv(s string, env map[string]string) string {
	for k, v := range env {
		if strings.Contains(v, "://") || strings.Contains(v, "host=") {
			s = strings.ReplaceAll(s, v, "$"+k)
			// The database line shows it without its password.
			s = strings.ReplaceAll(s, config.RedactURL(v), "$"+k+" (password hidden)")
		}
	}
	return s
}

var timestamps = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)`)

// golden compares the transcript with testdata/run/<name>.txt.
func (p *runProject) golden(name string) {
	p.t.Helper()
	p.goldenAt("run", name)
}

// goldenAt compares the transcript with testdata/<dir>/<name>.txt
// (rewritten with -update), the project directory shown as $DIR and times
// as <time>.
func (p *runProject) goldenAt(dir, name string) {
	p.t.Helper()
	got := strings.ReplaceAll(p.log.String(), p.dir, "$DIR")
	got = timestamps.ReplaceAllString(got, "<time>")
	path := filepath.Join("testdata", dir, name+".txt")
	if cfgUpdate() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			p.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			p.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		p.t.Fatalf("%v (run go test ./cli -run %s -update)", err, p.t.Name())
	}
	if string(want) != got {
		p.t.Errorf("%s differs from the output (run go test ./cli -run %s -update to accept):\n--- want\n%s\n--- got\n%s", path, p.t.Name(), want, got)
	}
}

// linear writes n revisions 0000000000a1... each creating table t<i>.
func (p *runProject) linear(n int) []string {
	var ids []string
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("%010dc%d", 0, i)
		parent := ""
		if i > 1 {
			parent = ids[i-2]
		}
		p.revision(id, parent, fmt.Sprintf("create t%d", i), fmt.Sprintf("CREATE TABLE t%d (id int);", i), fmt.Sprintf("DROP TABLE t%d;", i))
		ids = append(ids, id)
	}
	return ids
}

func TestRunUpgradeDowngradeStamp(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, pgtest.NewDB(t))
	p.linear(3)
	p.mustRun(0, "current")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "current")
	p.mustRun(0, "current", "--json")
	p.mustRun(0, "downgrade", "-1")
	p.mustRun(0, "-v", "current")
	p.mustRun(0, "history", "--indicate-current")
	p.mustRun(0, "downgrade", "--transaction", "all", "-2")
	p.mustRun(0, "upgrade", "+1", "--transaction=all")
	p.mustRun(0, "stamp", "head")
	p.mustRun(0, "current")
	p.mustRun(0, "stamp", "--purge", "0000000000c1")
	p.mustRun(0, "downgrade", "base")
	p.mustRun(2, "downgrade", "+1")
	p.mustRun(2, "upgrade")
	p.mustRun(2, "upgrade", "head", "--transaction=some")
	p.golden("upgrade_downgrade_stamp")
}

// A failing statement in the third of five revisions: the error names the
// file, line and column, and the database stays at the second.
func TestRunFailingRevision(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, pgtest.NewDB(t))
	ids := p.linear(5)
	p.revision(ids[2], ids[1], "create t3", "CREATE TABLE t3 (id int);\nINSERT INTO t3\n  SELECT no_such_column FROM t1;", "DROP TABLE t3;")
	p.mustRun(2, "upgrade", "head")
	p.mustRun(0, "current")
	p.golden("failing_revision")
}

// Offline scripts from FROM:TO need no database: DATABASE_URL is unset.
func TestRunOffline(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, "")
	p.env = map[string]string{}
	p.linear(2)
	p.mustRun(0, "upgrade", "--sql", "base:head")
	p.mustRun(0, "downgrade", "--sql", "head:base")
	p.mustRun(0, "stamp", "--sql", "base:head")
	p.mustRun(2, "upgrade", "base:head")
	p.mustRun(2, "upgrade", "head")
	p.golden("offline")
}

func TestRunEditedRevision(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, pgtest.NewDB(t))
	ids := p.linear(2)
	p.mustRun(0, "upgrade", ids[0])
	p.revision(ids[0], "", "create t1", "CREATE TABLE t1 (id bigint);", "DROP TABLE t1;")
	p.mustRun(0, "current")
	p.mustRun(2, "upgrade", "head")
	p.mustRun(0, "upgrade", "head", "--allow-edited")
	p.golden("edited_revision")
}

// No password appears in any output, connection errors included.
func TestRunNoPasswordInOutput(t *testing.T) {
	t.Parallel()
	const secret = "Sup3rSecretPw"
	for _, url := range []string{
		"postgres://postgres:" + secret + "@127.0.0.1:1/app?connect_timeout=5",
		"host=127.0.0.1 port=1 user=postgres password=" + secret + " dbname=app connect_timeout=5",
		"postgres://postgres:" + secret + "@[::1/app",
		"postgres://postgres:" + secret + "@127.0.0.1:1/app?sslmode=bogus",
	} {
		p := newRunProject(t, url)
		p.linear(1)
		for _, args := range [][]string{
			{"upgrade", "head"}, {"downgrade", "-1"}, {"current"}, {"current", "--json"},
			{"stamp", "head"}, {"upgrade", "--sql", "head"}, {"-v", "upgrade", "head"},
		} {
			code, out := p.run(args...)
			if code != 2 {
				t.Errorf("%s: exit %d, want 2", args, code)
			}
			if strings.Contains(out, secret) {
				t.Errorf("migrate %s with %s printed the password:\n%s", strings.Join(args, " "), strings.ReplaceAll(url, secret, "xxxxx"), out)
			}
		}
	}
}

func TestDowngradeArguments(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, "")
	p.env = map[string]string{}
	p.linear(3)
	for _, tc := range []struct {
		args []string
		want string // in the output
		code int
	}{
		{[]string{"downgrade", "--sql", "0000000000c3:-1"}, "Running downgrade 0000000000c3 -> 0000000000c2", 0},
		{[]string{"downgrade", "-1", "--sql"}, "no database configured", 2},
		{[]string{"-x", "foo=bar", "downgrade", "--transaction", "all", "-1"}, "no database", 2},
		{[]string{"downgrade", "--transaction=all", "--sql", "head:-2"}, "Running downgrade 0000000000c2 -> 0000000000c1", 0},
		{[]string{"downgrade", "-1", "-2"}, "accepts 1 arg", 2},
		{[]string{"downgrade"}, "accepts 1 arg", 2},
		{[]string{"downgrade", "--nope", "-1"}, "unknown flag: --nope", 2},
		{[]string{"downgrade", "--help"}, "Revert applied revisions down to TARGET", 0},
		{[]string{"downgrade", "-h"}, "Usage:", 0},
	} {
		code, out := p.run(tc.args...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("migrate %s: exit %d, output:\n%s\nwant exit %d and %q", strings.Join(tc.args, " "), code, out, tc.code, tc.want)
		}
	}
}

// The embedded database: upgrade and current start the project's private
// cluster, and the offline script needs none.
func TestRunEmbedded(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	t.Parallel()
	p := newRunProject(t, "")
	p.env = map[string]string{}
	p.write("migrate.toml", "[database]\nurl = \"embedded\"\n\n[versions]\ndirs = [\"versions\"]\n")
	p.linear(2)
	p.mustRun(0, "upgrade", "--sql", "base:head")
	if _, err := os.Stat(filepath.Join(p.dir, ".migrate")); err == nil {
		t.Error("an offline script started the embedded cluster")
	}
	p.mustRun(0, "upgrade", "head")
	// stdout, then the line naming the database on stderr.
	if out := p.mustRun(0, "current"); out != "0000000000c2 (head)\nDatabase: embedded, the private cluster in .migrate/ (database.url from migrate.toml:2)\n" {
		t.Errorf("current = %q", out)
	}
	// psql reaches the embedded cluster too.
	if out := p.mustRun(0, "psql", "--", "-X", "-At", "-c", "SELECT count(*) FROM t2"); !strings.HasPrefix(out, "0\n") {
		t.Errorf("psql on the embedded database = %q", out)
	}
	p.mustRun(0, "downgrade", "base")
}
