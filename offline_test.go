package migrate_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// offlineFiles exercise what a script must carry faithfully: a branch and a
// merge, dollar quoting, a comment ending a statement, a non-transactional
// revision, quotes in a message.
func offlineFiles() []file {
	files := branched()
	files = append(files,
		file{id: "g7", parents: "f6", message: "add user's function", up: `CREATE FUNCTION t_f6_count() RETURNS bigint
LANGUAGE sql AS $$
  SELECT count(*) FROM t_f6; -- a semicolon inside the body
$$;
CREATE VIEW v AS SELECT 1 AS one -- trailing comment
;`, down: "DROP VIEW v;\nDROP FUNCTION t_f6_count();"},
		file{id: "h8", parents: "g7", nonTx: true, up: "CREATE INDEX CONCURRENTLY t_f6_id ON t_f6 (id);", down: "DROP INDEX CONCURRENTLY t_f6_id;"},
	)
	return files
}

// The --sql base:head script applied with psql gives the same catalog (and
// version table) as an online upgrade.
func TestOfflineScriptMatchesOnline(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	project := writeVersions(t, offlineFiles()...)
	online, offline := pgtest.NewDB(t), pgtest.NewDB(t)

	m := newMigrator(t, online, project, nil)
	if _, err := m.Upgrade(ctx, "head", migrate.RunOptions{}); err != nil {
		t.Fatal(err)
	}

	// No database is needed for FROM:TO.
	var script bytes.Buffer
	mo := newMigrator(t, "", project, nil)
	if _, err := mo.Upgrade(ctx, "head", migrate.RunOptions{SQL: &script, From: "base"}); err != nil {
		t.Fatal(err)
	}
	psql(t, offline, script.String())

	a, b := catalogDump(t, online), catalogDump(t, offline)
	for _, want := range []string{"CREATE TABLE public.t_f6", "CREATE INDEX t_f6_id", "CREATE VIEW public.v", "CREATE TABLE public.migrate_history"} {
		if !strings.Contains(a, want) {
			t.Errorf("online catalog lacks %q:\n%s", want, a)
		}
	}
	if a != b {
		t.Errorf("catalogs differ:\n--- online\n%s\n--- offline\n%s", a, b)
	}
	const rows = `SELECT version_num || ' ' || direction || ' ' || checksum || ' ' || coalesce(message, '') FROM migrate_history ORDER BY id`
	equal(t, "audit", strs(t, connect(t, offline), rows), strs(t, connect(t, online), rows))
	equal(t, "version table", versionRows(t, connect(t, offline)), []string{"h8"})

	// The downgrade script from the database's heads takes it back to base.
	mo = newMigrator(t, offline, project, nil)
	script.Reset()
	if _, err := mo.Downgrade(ctx, "base", migrate.RunOptions{SQL: &script}); err != nil {
		t.Fatal(err)
	}
	equal(t, "version table before the downgrade script", versionRows(t, connect(t, offline)), []string{"h8"})
	psql(t, offline, script.String())
	equal(t, "version table after the downgrade script", versionRows(t, connect(t, offline)), nil)
	equal(t, "tables after the downgrade script", userTables(t, connect(t, offline)), nil)

	// --transaction=all refuses a transaction false revision, and works
	// without one.
	if _, err := mo.Upgrade(ctx, "head", migrate.RunOptions{SQL: &script, From: "base", Transaction: migrate.AllInOne}); err == nil {
		t.Error("--transaction=all accepted a transaction false revision")
	}
	script.Reset()
	if _, err := mo.Upgrade(ctx, "g7", migrate.RunOptions{SQL: &script, From: "base", Transaction: migrate.AllInOne}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(script.String(), "BEGIN;"); n != 1 {
		t.Errorf("--transaction=all script has %d BEGIN", n)
	}
	psql(t, offline, script.String())
	equal(t, "version table after the all-in-one script", versionRows(t, connect(t, offline)), []string{"g7"})
}

// psql runs script on url the way the docs say to.
func psql(t testing.TB, url, script string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "script.sql")
	writeFile(t, path, script)
	out, err := exec.Command(filepath.Join(pgtest.BinDir(t), "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", path).CombinedOutput()
	if err != nil {
		t.Fatalf("psql: %v\n%s\nscript:\n%s", err, out, script)
	}
}

var dumpNoise = regexp.MustCompile(`(?m)^(--.*|\\(un)?restrict .*|SET .*|SELECT pg_catalog\.set_config.*)\n`)

// catalogDump is pg_dump --schema-only without comments, settings and the
// per-dump restrict keys, so two databases with the same catalog compare
// equal.
func catalogDump(t testing.TB, url string) string {
	t.Helper()
	cmd := exec.Command(filepath.Join(pgtest.BinDir(t), "pg_dump"), "--schema-only", "--no-owner", "-d", url)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pg_dump: %v", err)
	}
	s := dumpNoise.ReplaceAllString(string(out), "")
	return strings.TrimSpace(regexp.MustCompile(`\n{2,}`).ReplaceAllString(s, "\n"))
}
