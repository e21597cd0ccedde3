package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

// TestAutogenerateExtensionUpdate: an extension updated to a version the
// server has no update scripts back from gets a revision whose downgrade is
// marked irreversible with the reason (said on stderr too); --verify proves
// the upgrade only, and downgrade refuses with the reason.
func TestAutogenerateExtensionUpdate(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, pgtest.NewDB(t))
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n[target]\nsql = [\"schema/*.sql\"]\n")
	if err := os.MkdirAll(filepath.Join(p.dir, "schema"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.write("schema/01.sql", "CREATE EXTENSION hstore VERSION '1.7';\nCREATE TABLE settings (id int PRIMARY KEY, attrs hstore);\n")
	p.mustRun(0, "revision", "--autogenerate", "-m", "settings", "--rev-id", "aaaaaaaaaaaa")
	p.mustRun(0, "upgrade", "head")
	p.write("schema/01.sql", "CREATE EXTENSION hstore VERSION '1.8';\nCREATE TABLE settings (id int PRIMARY KEY, attrs hstore);\n")
	p.mustRun(0, "revision", "--autogenerate", "--verify", "-m", "hstore 1.8", "--rev-id", "bbbbbbbbbbbb")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "check")
	p.mustRun(2, "downgrade", "-1")
	autogenGolden(p, "extension_update")

	rev := p.read(filepath.Join("versions", "bbbbbbbbbbbb_hstore_1_8.sql"))
	if !strings.Contains(rev, "-- migrate:irreversible extension hstore has no update path from version 1.8 to 1.7") {
		t.Errorf("downgrade not marked irreversible:\n%s", rev)
	}
}
