package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

// TestAutogenerateMissingCastHazardOnStderr: a type change PostgreSQL has
// no cast for is written as a drop and add of the column, and the
// data-loss hazard naming the column and the missing cast is printed when
// the revision is written, not only inside the file. The rows of the
// other columns survive the upgrade.
func TestAutogenerateMissingCastHazardOnStderr(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, pgtest.NewDB(t))
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n[target]\nsql = [\"schema/*.sql\"]\n")
	if err := os.MkdirAll(filepath.Join(p.dir, "schema"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.write("schema/01.sql", "CREATE TABLE accounts (id int PRIMARY KEY, ext bigint, name text);\n")
	p.mustRun(0, "revision", "--autogenerate", "-m", "accounts", "--rev-id", "aaaaaaaaaaaa")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "revision", "-m", "rows", "--rev-id", "bbbbbbbbbbbb")
	rows := filepath.Join(p.dir, "versions", "bbbbbbbbbbbb_rows.sql")
	b, err := os.ReadFile(rows)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "-- migrate:upgrade\n", "-- migrate:upgrade\nINSERT INTO accounts VALUES (1, 42, 'ada');\n", 1)
	text = strings.Replace(text, "-- migrate:downgrade\n", "-- migrate:downgrade\nDELETE FROM accounts;\n", 1)
	if err := os.WriteFile(rows, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	p.mustRun(0, "upgrade", "head")

	p.write("schema/01.sql", "CREATE TABLE accounts (id int PRIMARY KEY, ext uuid, name text);\n")
	out := p.mustRun(0, "revision", "--autogenerate", "-m", "ext is a uuid", "--rev-id", "cccccccccccc")
	for _, want := range []string{
		"hazard data-loss: column public.accounts.ext is dropped and added again",
		"PostgreSQL has no cast from bigint to uuid",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not mention %q:\n%s", want, out)
		}
	}
	if file := p.read(filepath.Join("versions", "cccccccccccc_ext_is_a_uuid.sql")); strings.Contains(file, "USING ext") {
		t.Errorf("the revision converts with USING, which cannot run:\n%s", file)
	}
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "check")
}
