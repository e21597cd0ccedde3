package migrate_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/revision"
)

// branched is a1 <- b2 <- {c3 (label left), d4 (label right)} <- merge e5 <- f6.
func branched() []file {
	c3 := table("c3", "b2")
	c3.labels = "left"
	d4 := table("d4", "b2")
	d4.labels = "right"
	return []file{table("a1", ""), table("b2", "a1"), c3, d4, table("e5", "c3 d4"), table("f6", "e5")}
}

// TestUpgradeDowngradeBranchedGraph walks a branched and merged graph up and
// down with absolute and relative targets and stamps, checking after each
// step that the version table, current and the catalog agree.
func TestUpgradeDowngradeBranchedGraph(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	ev := &events{}
	m := newMigrator(t, url, writeVersions(t, branched()...), ev)
	c := connect(t, url)

	type step struct {
		op, target string
		steps      []string // revisions run, in order
		heads      []string // version table after
		tables     []string // t_* tables after
	}
	all := []string{"t_a1", "t_b2", "t_c3", "t_d4", "t_e5", "t_f6"}
	for _, s := range []step{
		{"upgrade", "b2", []string{"upgrade a1", "upgrade b2"}, []string{"b2"}, all[:2]},
		{"upgrade", "c3", []string{"upgrade c3"}, []string{"c3"}, all[:3]},
		{"upgrade", "d4", []string{"upgrade d4"}, []string{"c3", "d4"}, all[:4]},
		{"upgrade", "left@+1", []string{"upgrade e5"}, []string{"e5"}, all[:5]},
		{"upgrade", "head", []string{"upgrade f6"}, []string{"f6"}, all},
		{"upgrade", "head", nil, []string{"f6"}, all},
		{"downgrade", "-1", []string{"downgrade f6"}, []string{"e5"}, all[:5]},
		{"downgrade", "-1", []string{"downgrade e5"}, []string{"c3", "d4"}, all[:4]},
		{"downgrade", "right@base", []string{"downgrade d4"}, []string{"c3"}, all[:3]},
		{"upgrade", "heads", []string{"upgrade d4", "upgrade e5", "upgrade f6"}, []string{"f6"}, all},
		{"downgrade", "b2", []string{"downgrade f6", "downgrade e5", "downgrade d4", "downgrade c3"}, []string{"b2"}, all[:2]},
		{"stamp", "head", nil, []string{"f6"}, all[:2]},
		{"stamp", "a1", nil, []string{"a1"}, all[:2]},
		{"stamp", "a1+1", nil, []string{"b2"}, all[:2]},
		{"downgrade", "base", []string{"downgrade b2", "downgrade a1"}, nil, nil},
	} {
		var err error
		switch s.op {
		case "upgrade":
			_, err = m.Upgrade(ctx, s.target, migrate.RunOptions{})
		case "downgrade":
			_, err = m.Downgrade(ctx, s.target, migrate.RunOptions{})
		case "stamp":
			_, err = m.Stamp(ctx, []string{s.target}, migrate.StampOptions{})
		}
		if err != nil {
			t.Fatalf("%s %s: %v", s.op, s.target, err)
		}
		equal(t, s.op+" "+s.target+": steps", ev.steps(), s.steps)
		equal(t, s.op+" "+s.target+": version table", versionRows(t, c), s.heads)
		equal(t, s.op+" "+s.target+": current", heads(t, m), s.heads)
		equal(t, s.op+" "+s.target+": tables", userTables(t, c), s.tables)
	}

	// Every applied and reverted revision is in the audit table; a stamp
	// records every revision it marks applied or unapplied.
	got := strs(t, c, `SELECT direction || ' ' || version_num FROM migrate_history ORDER BY id`)
	if len(got) != 28 || got[0] != "upgrade a1" || got[len(got)-1] != "downgrade a1" {
		t.Errorf("audit table: %q", got)
	}
	equal(t, "stamp rows", strs(t, c, `SELECT direction || ' ' || version_num FROM migrate_history WHERE direction LIKE '%stamp' ORDER BY id`),
		[]string{"stamp c3", "stamp d4", "stamp e5", "stamp f6", "unstamp f6", "unstamp e5", "unstamp d4", "unstamp c3", "unstamp b2", "stamp b2"})
}

func TestCurrentAndHistory(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	m := newMigrator(t, url, writeVersions(t, branched()...), nil)
	st, err := m.Current(ctx)
	if err != nil || len(st.Heads) != 0 {
		t.Fatalf("Current on an empty database = %+v, %v", st, err)
	}
	if _, err := m.Upgrade(ctx, "c3", migrate.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	st, err = m.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Heads) != 1 || st.Heads[0].ID != "c3" || st.Heads[0].IsGraphHead || st.Heads[0].Revision == nil {
		t.Errorf("Current = %+v", st.Heads)
	}
	hist, err := m.History(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var marks []string
	for _, h := range hist {
		mark := h.Revision.ID
		if h.Current {
			mark += "*"
		} else if h.Applied {
			mark += "+"
		}
		marks = append(marks, mark)
	}
	equal(t, "history", marks, []string{"a1+", "b2+", "c3*", "d4", "e5", "f6"})

	// A version-table row that no file has is reported, not fatal.
	c := connect(t, url)
	if _, err := c.Exec(ctx, `INSERT INTO migrate_version VALUES ('feedbeef0000')`); err != nil {
		t.Fatal(err)
	}
	st, err = m.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Heads) != 2 || st.Heads[1].ID != "feedbeef0000" || st.Heads[1].Revision != nil {
		t.Errorf("Current = %+v", st.Heads)
	}
	if _, err := m.Upgrade(ctx, "head", migrate.RunOptions{}); err == nil || !strings.Contains(err.Error(), "feedbeef0000") {
		t.Errorf("upgrade over an unknown row: %v", err)
	}
	if _, err := m.Stamp(ctx, []string{"c3"}, migrate.StampOptions{Purge: true}); err != nil {
		t.Fatal(err)
	}
	equal(t, "after purge", versionRows(t, c), []string{"c3"})
}

// An applied revision edited afterwards makes upgrade and downgrade refuse,
// naming the file; --allow-edited proceeds; current reports it.
func TestEditedRevision(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	files := []file{table("a1", ""), table("b2", "a1"), table("c3", "b2")}
	project := writeVersions(t, files...)
	m := newMigrator(t, url, project, nil)
	if _, err := m.Upgrade(ctx, "b2", migrate.RunOptions{}); err != nil {
		t.Fatal(err)
	}

	edited := files[0]
	edited.up = "CREATE TABLE t_a1 (id bigint);"
	writeFile(t, filepath.Join(project, "versions", "a1.sql"), edited.text())
	m = newMigrator(t, url, project, nil)

	_, err := m.Upgrade(ctx, "head", migrate.RunOptions{})
	var ee *migrate.EditedError
	if !errors.As(err, &ee) || len(ee.Revisions) != 1 || ee.Revisions[0].ID != "a1" {
		t.Fatalf("Upgrade = %v, want EditedError for a1", err)
	}
	if msg := err.Error(); !strings.Contains(msg, filepath.Join("versions", "a1.sql")) || !strings.Contains(msg, "--allow-edited") {
		t.Errorf("message %q", msg)
	}
	if _, err := m.Downgrade(ctx, "-1", migrate.RunOptions{}); !errors.As(err, &ee) {
		t.Errorf("Downgrade = %v, want EditedError", err)
	}
	st, err := m.Current(ctx)
	if err != nil || len(st.Edited) != 1 || st.Edited[0].ID != "a1" {
		t.Errorf("Current = %+v, %v", st, err)
	}

	if _, err := m.Upgrade(ctx, "head", migrate.RunOptions{AllowEdited: true}); err != nil {
		t.Fatalf("Upgrade --allow-edited: %v", err)
	}
	equal(t, "heads", heads(t, m), []string{"c3"})

	// Whitespace at the ends of a section is not an edit.
	files[1].up += "\n\n\n"
	writeFile(t, filepath.Join(project, "versions", "b2.sql"), files[1].text())
	m = newMigrator(t, url, project, nil)
	st, err = m.Current(ctx)
	if err != nil || len(st.Edited) != 1 {
		t.Errorf("Current after a whitespace change = %+v, %v", st, err)
	}
}

func TestNewValidates(t *testing.T) {
	ctx := context.Background()
	for name, opts := range map[string]migrate.Options{
		"no versions":      {DatabaseURL: "postgres://localhost/db"},
		"bad url":          {DatabaseURL: "postgres://u:hunter2@[bad/db", Versions: writeVersionsSource(t)},
		"same table names": {VersionTable: "x", HistoryTable: "x", Versions: writeVersionsSource(t)},
		"embedded":         {DatabaseURL: "embedded", Versions: writeVersionsSource(t)},
	} {
		_, err := migrate.New(ctx, opts)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: password in %q", name, err)
		}
	}
}

func writeVersionsSource(t testing.TB) []revision.Source {
	dir := writeVersions(t, table("a1", ""))
	return []revision.Source{{Dir: "versions", FS: os.DirFS(filepath.Join(dir, "versions"))}}
}

func TestConnectErrorHasNoPassword(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, url := range []string{
		"postgres://app:hunter2secret@127.0.0.1:1/app?connect_timeout=5",
		"host=127.0.0.1 port=1 user=app password=hunter2secret dbname=app connect_timeout=5",
	} {
		m, err := migrate.New(ctx, migrate.Options{DatabaseURL: url, Versions: writeVersionsSource(t)})
		if err != nil {
			t.Fatal(err)
		}
		_, err = m.Upgrade(ctx, "head", migrate.RunOptions{})
		var ce *migrate.ConnectError
		if !errors.As(err, &ce) {
			t.Errorf("Upgrade = %v, want a ConnectError", err)
		}
		if err != nil && strings.Contains(err.Error(), "hunter2secret") {
			t.Errorf("password in %q", err)
		}
	}
}

func TestStampScriptFromDatabase(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	m := newMigrator(t, url, writeVersions(t, branched()...), nil)
	if _, err := m.Upgrade(ctx, "b2", migrate.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	var script strings.Builder
	to, err := m.Stamp(ctx, []string{"heads"}, migrate.StampOptions{SQL: &script})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "stamp heads", to, []string{"f6"})
	if !strings.Contains(script.String(), "DELETE FROM \"public\".\"migrate_version\" WHERE version_num IN ('b2')") {
		t.Errorf("script:\n%s", script.String())
	}
	equal(t, "version table after --sql", versionRows(t, connect(t, url)), []string{"b2"})
}
