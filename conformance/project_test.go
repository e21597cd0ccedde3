package conformance_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// caseSchemas are the schemas cases may use; migrate.toml lists them in
// [target] schemas.
var caseSchemas = []string{"public", "app", "audit"}

// project is a migrate project directory whose migrate.toml points at one
// database and declares its target in schema.sql.
type project struct {
	t   *testing.T
	dir string
	url string
}

func newProject(t *testing.T, url string) *project {
	t.Helper()
	p := &project{t: t, dir: t.TempDir(), url: url}
	quoted := make([]string, len(caseSchemas))
	for i, s := range caseSchemas {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	toml := fmt.Sprintf(`[database]
url = %q

[versions]
dirs = ["versions"]

[target]
sql = ["schema.sql"]
schemas = [%s]
`, url, strings.Join(quoted, ", "))
	p.write("migrate.toml", toml)
	if err := os.Mkdir(filepath.Join(p.dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *project) write(name, text string) {
	p.t.Helper()
	if err := os.WriteFile(filepath.Join(p.dir, name), []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// result is one run of the binary.
type result struct {
	args           []string
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("migrate %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(r.args, " "), r.code, r.stdout, r.stderr)
}

// run runs migrate with args in the project directory.
func (p *project) run(args ...string) result {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = p.dir
	for _, kv := range os.Environ() {
		// The project's migrate.toml is the whole configuration.
		if strings.HasPrefix(kv, "DATABASE_URL=") || strings.HasPrefix(kv, "MIGRATE_CONFIG=") {
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{args: args, stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		p.t.Fatalf("migrate %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// must runs migrate and fails the test unless it exits with code.
func (p *project) must(code int, args ...string) result {
	p.t.Helper()
	r := p.run(args...)
	if r.code != code {
		p.t.Fatalf("want exit %d, got %s", code, r)
	}
	return r
}

// revisions lists the files in versions/.
func (p *project) revisions() []string {
	p.t.Helper()
	ents, err := os.ReadDir(filepath.Join(p.dir, "versions"))
	if err != nil {
		p.t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// revisionText is the content of the newest revision file (the one not in
// before).
func (p *project) newRevision(before []string) (string, bool) {
	p.t.Helper()
	seen := map[string]bool{}
	for _, b := range before {
		seen[b] = true
	}
	for _, f := range p.revisions() {
		if !seen[f] {
			b, err := os.ReadFile(filepath.Join(p.dir, "versions", f))
			if err != nil {
				p.t.Fatal(err)
			}
			return string(b), true
		}
	}
	return "", false
}

// inspect is `migrate inspect --json`.
func (p *project) inspect() string {
	p.t.Helper()
	return p.must(0, "inspect", "--json").stdout
}

// applyDirect runs a SQL script on url statement by statement (split by
// pg_query), outside any transaction, as psql would.
func applyDirect(t *testing.T, url, script string) {
	t.Helper()
	stmts, err := sqlparse.Split(script)
	if err != nil {
		t.Fatalf("split: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s.SQL, pgx.QueryExecModeSimpleProtocol); err != nil {
			t.Fatalf("line %d: %v\n%s", s.Line, err, s.SQL)
		}
	}
}

// hasStatements reports whether a script holds any SQL statement.
func hasStatements(t *testing.T, script string) bool {
	t.Helper()
	stmts, err := sqlparse.Split(script)
	if err != nil {
		t.Fatalf("split: %v", err)
	}
	return len(stmts) > 0
}
