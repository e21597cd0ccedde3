package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/revision"
)

func TestSchemaSQL(t *testing.T) {
	tests := []struct {
		tables, statements int
	}{
		{1, 3},
		{7, 21},
	}
	for _, tt := range tests {
		stmts, err := sqlparse.Split(schemaSQL(tables(tt.tables)))
		if err != nil {
			t.Fatalf("%d tables: %v", tt.tables, err)
		}
		if len(stmts) != tt.statements {
			t.Errorf("%d tables: %d statements, want %d", tt.tables, len(stmts), tt.statements)
		}
		drops, err := sqlparse.Split(dropSQL(tables(tt.tables)))
		if err != nil || len(drops) != tt.tables {
			t.Errorf("%d tables: dropSQL gives %d statements (%v), want %d", tt.tables, len(drops), err, tt.tables)
		}
	}
	// Each table refers to an earlier one (the first to itself), so the DDL
	// runs top to bottom, and only to the first hubTables tables.
	for i, tb := range tables(3 * hubTables) {
		if tb.Ref > tb.Name || tb.Ref > tableName(hubTables) || (i > 0 && tb.Ref == tb.Name) {
			t.Errorf("table %s refers to %s", tb.Name, tb.Ref)
		}
	}
}

// loadGraph reads the migrate side of a generated revision project.
func loadGraph(t *testing.T, dir string) *revision.Graph {
	t.Helper()
	g, err := revision.Load([]revision.Source{{Dir: filepath.Join(dir, "versions"), FS: os.DirFS(filepath.Join(dir, "versions"))}})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGraphProject(t *testing.T) {
	dir := t.TempDir()
	if err := writeRevisionProject(dir, graphNodes(300), false); err != nil {
		t.Fatal(err)
	}
	g := loadGraph(t, dir)
	if g.Len() != 300 {
		t.Errorf("%d revisions, want 300", g.Len())
	}
	if heads := g.Heads(); len(heads) != 1 || heads[0].ID != revID("graph", 300) {
		t.Errorf("heads = %v, want the last revision only", heads)
	}
	merges := 0
	for _, r := range g.Revisions() {
		if len(r.Parents) == 2 {
			merges++
		}
	}
	if merges != 3 {
		t.Errorf("%d merges, want 3", merges)
	}
	py, err := filepath.Glob(filepath.Join(dir, "alembic", "versions", "*.py"))
	if err != nil || len(py) != 300 {
		t.Errorf("%d Alembic scripts (%v), want 300", len(py), err)
	}
}

func TestChainProject(t *testing.T) {
	dir := t.TempDir()
	if err := writeRevisionProject(dir, chainNodes(6), true); err != nil {
		t.Fatal(err)
	}
	g := loadGraph(t, dir)
	var want strings.Builder
	n := 0
	for _, r := range g.Revisions() {
		want.WriteString(r.Upgrade.Text)
		n += len(r.Upgrade.Statements)
	}
	script, err := os.ReadFile(filepath.Join(dir, "upgrade.sql"))
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := sqlparse.Split(string(script))
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) != n || n != 12 {
		t.Errorf("upgrade.sql has %d statements, the revisions %d, want 12", len(stmts), n)
	}
}

// TestSchemaProject writes a small project and, unless -short, vets the Go
// target against this source tree: the generated declarations must keep
// compiling as package decl evolves.
func TestSchemaProject(t *testing.T) {
	repo, err := findRepo()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := writeSchemaProject(dir, 4, repo, false); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"schema/schema.sql", "migrate.toml", "migrate-go.toml", "go.mod", "models/models.go",
		"models/tables_001.go", "linked/main.go", "alembic/alembic.ini", "alembic/env.py", "alembic/models.py", "alembic/versions/base.py"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	g := loadGraph(t, dir)
	if g.Len() != 1 || len(g.Revisions()[0].Upgrade.Statements) != 12 {
		t.Errorf("schema revision: %d revisions", g.Len())
	}
	if testing.Short() {
		return
	}
	cmd := exec.Command("go", "vet", "./models", "./linked")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go vet of the generated Go target: %v\n%s", err, out)
	}
}

// TestDailyEdit: the edited declaration differs from the original by one
// table, one column and one default, in all three spellings, while the
// revision still creates the original tables.
func TestDailyEdit(t *testing.T) {
	dir, edited := t.TempDir(), t.TempDir()
	if err := writeSchemaProject(dir, 40, "", false); err != nil {
		t.Fatal(err)
	}
	if err := writeSchemaProject(edited, 40, "", true); err != nil {
		t.Fatal(err)
	}
	read := func(root, f string) string {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if read(dir, "versions/"+mustOne(t, dir)) != read(edited, "versions/"+mustOne(t, edited)) {
		t.Error("the edit changed the revision")
	}
	orig, err := sqlparse.Split(read(dir, "schema/schema.sql"))
	if err != nil {
		t.Fatal(err)
	}
	edit, err := sqlparse.Split(read(edited, "schema/schema.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if len(edit) != len(orig)+3 {
		t.Errorf("edited schema has %d statements, want %d", len(edit), len(orig)+3)
	}
	changed := 0
	for i := range orig {
		if orig[i].SQL != edit[i].SQL {
			changed++
		}
	}
	if changed != 2 {
		t.Errorf("%d statements changed, want 2 (a column added, a default changed)", changed)
	}
	for _, want := range []string{"extra text", "DEFAULT 1", "CREATE TABLE public.t00041"} {
		if !strings.Contains(edit[0].SQL+read(edited, "schema/schema.sql"), want) {
			t.Errorf("edited schema lacks %q", want)
		}
	}
	py := read(edited, "alembic/models.py")
	for _, want := range []string{`Column("extra", Text)`, `server_default=text("1")`, `"t00041"`} {
		if !strings.Contains(py, want) {
			t.Errorf("edited models.py lacks %q", want)
		}
	}
}

func mustOne(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(filepath.Join(dir, "versions"))
	if err != nil || len(es) != 1 {
		t.Fatalf("versions/: %v, %d files", err, len(es))
	}
	return es[0].Name()
}
