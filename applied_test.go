package migrate_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// TestInsertedHistory: a revision inserted between two applied ones (the
// child re-parented onto it) never ran. current, check and upgrade report
// it by name; upgrade refuses until told to apply it, then applies it
// exactly once; a downgrade that would revert it refuses.
func TestInsertedHistory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.NewDB(t)
	project := writeVersions(t, table("a1", ""), table("b2", "a1"))
	writeFile(t, filepath.Join(project, "migrate.toml"), projectConfig)
	if _, err := newMigrator(t, url, project, nil).Upgrade(ctx, "head", migrate.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	// Someone inserts x9 between a1 and b2 and re-parents b2.
	vdir := filepath.Join(project, "versions")
	writeFile(t, filepath.Join(vdir, "x9.sql"), table("x9", "a1").text())
	writeFile(t, filepath.Join(vdir, "b2.sql"), table("b2", "x9").text())

	m := newMigrator(t, url, project, nil)
	st, err := m.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Missing) != 1 || st.Missing[0].ID != "x9" || st.Missing[0].Path != "versions/x9.sql" || st.Missing[0].Reason() != "never ran" {
		t.Fatalf("current: missing %+v", st.Missing)
	}
	res, err := m.Check(ctx, migrate.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Clean() || len(res.Missing) != 1 {
		t.Errorf("check: clean %v, missing %+v", res.Clean(), res.Missing)
	}
	_, err = m.Upgrade(ctx, "head", migrate.RunOptions{})
	var me *migrate.MissingError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), "revision x9 (versions/x9.sql, never ran) is below the applied heads") ||
		!strings.Contains(err.Error(), "--apply-missing") {
		t.Fatalf("upgrade head = %v, want a MissingError naming x9", err)
	}
	// The command line says the same.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"current"}, "warning: x9 (versions/x9.sql) is below the applied heads but never ran"},
		{[]string{"current", "--json"}, `"missing": [` + "\n" + `    {` + "\n" + `      "revision": "x9"`},
		{[]string{"upgrade", "head"}, "migrate: revision x9 (versions/x9.sql, never ran) is below the applied heads"},
	} {
		cmd := migrateProcess(t, project, url, tc.args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		cmd.Run()
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("migrate %s: %s\nwant %q", strings.Join(tc.args, " "), out.String(), tc.want)
		}
	}
	c := connect(t, url)
	equal(t, "tables before --apply-missing", userTables(t, c), []string{"t_a1", "t_b2"})

	// A downgrade through x9 would run the downgrade of what never ran.
	if _, err := m.Downgrade(ctx, "base", migrate.RunOptions{}); !errors.As(err, &me) || !strings.Contains(err.Error(), "x9") {
		t.Errorf("downgrade base = %v, want a MissingError", err)
	}

	ev := &events{}
	m = newMigrator(t, url, project, ev)
	if _, err := m.Upgrade(ctx, "head", migrate.RunOptions{ApplyMissing: true}); err != nil {
		t.Fatal(err)
	}
	equal(t, "steps", ev.steps(), []string{"upgrade x9"})
	equal(t, "tables", userTables(t, c), []string{"t_a1", "t_b2", "t_x9"})
	equal(t, "version table", versionRows(t, c), []string{"b2"})
	if st, err := m.Current(ctx); err != nil || len(st.Missing)+len(st.Edited) != 0 {
		t.Errorf("current after --apply-missing: %+v %v", st, err)
	}
	if _, err := m.Upgrade(ctx, "head", migrate.RunOptions{ApplyMissing: true}); err != nil {
		t.Fatal(err)
	}
	equal(t, "steps of a second run", ev.steps(), nil)
	equal(t, "audit", strs(t, c, "SELECT direction || ' ' || version_num FROM migrate_history ORDER BY id"),
		[]string{"upgrade a1", "upgrade b2", "upgrade x9"})

	// And the whole history goes down again.
	if _, err := m.Downgrade(ctx, "base", migrate.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	equal(t, "tables after downgrade", userTables(t, c), nil)
}

// TestEditedDowngrade: an edit to the downgrade section of an applied
// revision is reported by current (and so by check), and downgrade refuses
// to run it without --allow-edited.
func TestEditedDowngrade(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.NewDB(t)
	project := writeVersions(t, table("a1", ""), table("b2", "a1"))
	if _, err := newMigrator(t, url, project, nil).Upgrade(ctx, "head", migrate.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(project, "versions", "b2.sql")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(text)+"DROP TABLE t_a1;\n")

	m := newMigrator(t, url, project, nil)
	st, err := m.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Edited) != 1 || st.Edited[0].ID != "b2" || strings.Join(st.Edited[0].Sections, ",") != "downgrade" {
		t.Fatalf("current: edited %+v", st.Edited)
	}
	_, err = m.Downgrade(ctx, "-1", migrate.RunOptions{})
	var ee *migrate.EditedError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), "b2 (versions/b2.sql) was edited after it was applied (its downgrade section)") {
		t.Fatalf("downgrade -1 = %v, want an EditedError", err)
	}
	c := connect(t, url)
	equal(t, "tables after the refusal", userTables(t, c), []string{"t_a1", "t_b2"})
	if _, err := m.Downgrade(ctx, "-1", migrate.RunOptions{AllowEdited: true}); err != nil {
		t.Fatal(err)
	}
	equal(t, "tables after --allow-edited", userTables(t, c), nil)
}
