package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

// lintProject writes three revisions: a base creating users (the index is
// on a new table, but a column is timestamp), one with errors (a NOT NULL
// column without a default, an index built without CONCURRENTLY), and one
// whose risky statements carry a nolint line and an autogenerate-style
// hazard comment.
func lintProject(t *testing.T, url string) *runProject {
	p := newRunProject(t, url)
	p.revision("aaaa00000001", "", "create users",
		"CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text, created timestamp);\n\nCREATE INDEX users_email_idx ON users (email);",
		"DROP TABLE users;")
	p.revision("aaaa00000002", "aaaa00000001", "add tenant",
		"ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;\n\nCREATE INDEX users_tenant_idx ON users (tenant_id);",
		"DROP INDEX users_tenant_idx;\n\nALTER TABLE users DROP COLUMN tenant_id;")
	p.revision("aaaa00000003", "aaaa00000002", "drop email",
		"SET lock_timeout = '2s';\n\n-- migrate:nolint drop-column email moved to the accounts service in release 7\nALTER TABLE users DROP COLUMN email;\n\n-- hazard data-loss (drop-column): dropping column users.created deletes its data\nALTER TABLE users DROP COLUMN created;",
		"ALTER TABLE users ADD COLUMN created timestamptz;\n\nALTER TABLE users ADD COLUMN email text;")
	return p
}

// TestLintCommand runs migrate lint without a database: every revision,
// a file, a revision id, JSON, [lint] settings and bad input.
func TestLintCommand(t *testing.T) {
	t.Parallel()
	p := lintProject(t, "")
	p.mustRun(1, "lint")
	out := p.mustRun(1, "lint", "--json")
	var doc struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Findings) == 0 {
		t.Fatalf("lint --json: %v\n%s", err, out)
	}
	for _, k := range []string{"file", "line", "column", "rule", "severity", "message", "statement"} {
		if _, ok := doc.Findings[0][k]; !ok {
			t.Errorf("lint --json finding has no %q: %v", k, doc.Findings[0])
		}
	}
	p.mustRun(0, "lint", "aaaa00000003")
	p.mustRun(0, "lint", filepath.Join("versions", "aaaa00000001.sql"))
	p.mustRun(2, "lint", "nosuch")
	p.mustRun(2, "lint", "--pending", "aaaa00000001")

	// [lint] turns the errors into warnings; lock_timeout satisfies
	// missing-lock-timeout.
	p.write("migrate.toml", "lock_timeout = \"3s\"\n[versions]\ndirs = [\"versions\"]\n[lint]\nwarning = [\"add-not-null-column\", \"require-concurrent-index\"]\ndisable = [\"prefer-timestamptz\"]\n")
	p.mustRun(0, "lint")
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n\n[lint]\ndisable = [\"drop-colum\"]\n")
	p.mustRun(2, "lint")

	// CONCURRENTLY in a transactional revision is a finding (upgrade
	// refuses to load such a file); a section that does not parse is bad
	// input, located in the file.
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n")
	p.revision("aaaa00000004", "aaaa00000003", "concurrently", "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);", "DROP INDEX CONCURRENTLY users_id_idx;")
	p.mustRun(1, "lint", "aaaa00000004")
	p.revision("aaaa00000005", "aaaa00000004", "broken", "ALTER TABLE users ADD COLUMN;", "")
	p.mustRun(2, "lint", "aaaa00000005")
	p.golden("lint")
}

// TestLintPendingAndCheck lints what the database has not applied, with
// lint --pending and with check under [lint] in_check = true.
func TestLintPendingAndCheck(t *testing.T) {
	t.Parallel()
	p := lintProject(t, pgtest.NewDB(t))
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n[target]\nsql = [\"schema.sql\"]\n[lint]\nin_check = true\n")
	p.write("schema.sql", "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n")
	p.mustRun(0, "upgrade", "aaaa00000001")
	out := p.mustRun(1, "lint", "--pending")
	if strings.Contains(out, "aaaa00000001.sql") || !strings.Contains(out, "aaaa00000002.sql") {
		t.Errorf("lint --pending should lint aaaa00000002 and aaaa00000003 only:\n%s", out)
	}
	p.mustRun(1, "check")
	out = p.mustRun(1, "check", "--json")
	var doc struct {
		Lint []map[string]any `json:"lint"`
	}
	// out is stdout (the JSON document) followed by stderr (the database line).
	if err := json.NewDecoder(strings.NewReader(out)).Decode(&doc); err != nil || len(doc.Lint) == 0 {
		t.Errorf("check --json has no lint findings: %v\n%s", err, out)
	}
	p.golden("lint_pending")
}
