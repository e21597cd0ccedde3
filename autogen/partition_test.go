package autogen_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/revision"
	"github.com/migrate-tool/migrate/schema"
)

// These tests check what the corpus comparison leaves out for partitions,
// inheritance and extension versions: which child columns are the child's
// own (the corpus dump ignores attislocal), and how a downgrade that cannot
// run is written.

// localColumns lists, per inheritance child, its columns that are its own
// ("table.column own" or "table.column inherited").
func localColumns(s *schema.Schema) []string {
	var out []string
	for _, t := range s.Tables {
		if len(t.Inherits) == 0 {
			continue
		}
		for _, c := range t.Columns {
			state := "own"
			if c.Inherited {
				state = "inherited"
			}
			out = append(out, t.QName.String()+"."+c.Name+" "+state)
		}
	}
	slices.Sort(out) // column order is not the point
	return out
}

// TestInheritanceOwnColumns upgrades the inheritance cases whose children
// declare (or stop inheriting) columns their parent gains or loses, and
// expects every child column to be its own exactly where new.sql's is.
func TestInheritanceOwnColumns(t *testing.T) {
	names := []string{
		"inherit_parent_add_column_child_local",
		"inherit_merged_column_parent_add",
		"inherit_parent_drop_column_child_keeps",
		"inherit_three_levels_drop_middle_column",
		"inherit_parent_add_column_child_default",
	}
	pool := newDBPool(t, poolSize())
	for _, c := range loadCases(t) {
		if !slices.Contains(names, c.name) {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			a, b := pool.get(t), pool.get(t)
			if err := a.exec(c.old); err != nil {
				t.Fatalf("old.sql: %v", err)
			}
			if err := b.exec(c.new); err != nil {
				t.Fatalf("new.sql: %v", err)
			}
			sb := b.inspect(t, corpusSchemas)
			plan, err := autogen.Diff(a.inspect(t, corpusSchemas), sb, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if stmt, err := a.apply(plan.Upgrade()); err != nil {
				t.Fatalf("upgrade failed at %s: %v", stmt, err)
			}
			got, want := strings.Join(localColumns(a.inspect(t, corpusSchemas)), "\n"), strings.Join(localColumns(sb), "\n")
			if got != want {
				t.Errorf("child columns after the upgrade:\n%s\nwant (new.sql):\n%s\nupgrade:\n%s", got, want, autogen.Render(plan.Upgrade()))
			}
		})
	}
}

// TestExtensionDowngradeIrreversible checks that an extension update the
// server has no scripts back from makes the downgrade irreversible, with a
// reason naming the extension and versions, and that the written revision
// says so and refuses to be planned past.
func TestExtensionDowngradeIrreversible(t *testing.T) {
	pool := newDBPool(t, 2)
	a, b := pool.get(t), pool.get(t)
	if err := a.exec(`CREATE EXTENSION hstore VERSION '1.7'`); err != nil {
		t.Fatal(err)
	}
	if err := b.exec(`CREATE EXTENSION hstore VERSION '1.8'`); err != nil {
		t.Fatal(err)
	}
	old, nw := a.inspect(t, corpusSchemas), b.inspect(t, corpusSchemas)
	if len(old.Extensions) != 1 || !slices.Contains(old.Extensions[0].UpdatableTo, "1.8") || slices.Contains(nw.Extensions[0].UpdatableTo, "1.7") {
		t.Fatalf("update paths: 1.7 -> %v, 1.8 -> %v; want 1.8 reachable from 1.7 and not the reverse",
			old.Extensions[0].UpdatableTo, nw.Extensions[0].UpdatableTo)
	}

	up, err := autogen.Diff(old, nw, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(up.Unrunnable) != 0 || len(up.Irreversible) != 1 ||
		!strings.Contains(up.Irreversible[0], "hstore") || !strings.Contains(up.Irreversible[0], "from version 1.8 to 1.7") {
		t.Fatalf("upgrade plan: unrunnable %q, irreversible %q", up.Unrunnable, up.Irreversible)
	}
	// The revision as the CLI writes it: an irreversible downgrade with the
	// would-be statements as comments only.
	text := renderRevision("update hstore", up)
	path := filepath.Join(t.TempDir(), "0a1b2c3d4e5f_update_hstore.sql")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := revision.Parse(path, text)
	if err != nil {
		t.Fatalf("revision does not parse: %v\n%s", err, text)
	}
	if !r.Downgrade.Irreversible || !strings.Contains(r.Downgrade.Reason, "hstore") {
		t.Fatalf("downgrade not marked irreversible:\n%s", text)
	}
	if !strings.Contains(string(text), "-- ALTER EXTENSION hstore UPDATE TO '1.7';") {
		t.Errorf("the would-be downgrade is not kept as a comment:\n%s", text)
	}

	// The reverse comparison: the upgrade itself cannot run.
	down, err := autogen.Diff(nw, old, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(down.Unrunnable) != 1 {
		t.Fatalf("reverse plan: unrunnable %q", down.Unrunnable)
	}
	found := false
	for _, st := range down.Upgrade() {
		for _, h := range st.Hazards {
			found = found || h.Kind == autogen.HazardNoUpdatePath
		}
	}
	if !found {
		t.Errorf("no %s hazard on:\n%s", autogen.HazardNoUpdatePath, autogen.Render(down.Upgrade()))
	}
}

// TestPartitionIndexPlan checks, without a database, how an index added to
// a partitioned table reaches its partition: one cascading statement when
// PostgreSQL names the partition's index as the target does, else ON ONLY
// and an explicit partition index, attached when the target attaches it.
func TestPartitionIndexPlan(t *testing.T) {
	parent := schema.QName{Schema: "public", Name: "hits"}
	part := schema.QName{Schema: "public", Name: "hits_2024"}
	cols := []schema.Column{{Name: "page", Type: "text"}, {Name: "at", Type: "date", NotNull: true}}
	tables := func(parentIdx *schema.Index, childIdx *schema.Index) *schema.Schema {
		p := schema.Table{QName: parent, Columns: cols, PartitionKey: "RANGE (at)"}
		c := schema.Table{QName: part, Columns: cols, PartitionOf: &parent, PartitionBound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"}
		for i := range c.Columns {
			c.Columns[i].Inherited = true
		}
		if parentIdx != nil {
			p.Indexes = []schema.Index{*parentIdx}
		}
		if childIdx != nil {
			c.Indexes = []schema.Index{*childIdx}
		}
		return &schema.Schema{Tables: []schema.Table{p, c}}
	}
	idx := func(table schema.QName, name, parent string, keys ...string) *schema.Index {
		return &schema.Index{Name: name, Method: "btree", Keys: keys, Parent: parent,
			Definition: "CREATE INDEX " + name + " ON " + table.Qualified() + " USING btree (" + strings.Join(keys, ", ") + ")"}
	}
	tests := []struct {
		name  string
		child *schema.Index
		want  []string
	}{
		{"named as PostgreSQL names it", idx(part, "hits_2024_page_idx", "hits_page_idx", "page"), []string{
			"CREATE INDEX hits_page_idx ON public.hits USING btree (page)",
		}},
		{"named otherwise", idx(part, "pages_2024", "hits_page_idx", "page"), []string{
			"CREATE INDEX hits_page_idx ON ONLY public.hits USING btree (page)",
			"CREATE INDEX pages_2024 ON public.hits_2024 USING btree (page)",
			"ALTER INDEX public.hits_page_idx ATTACH PARTITION public.pages_2024",
		}},
		{"left unattached", nil, []string{
			"CREATE INDEX hits_page_idx ON ONLY public.hits USING btree (page)",
		}},
		{"an unattached index of its own", idx(part, "pages_2024", "", "page"), []string{
			"CREATE INDEX hits_page_idx ON ONLY public.hits USING btree (page)",
			"CREATE INDEX pages_2024 ON public.hits_2024 USING btree (page)",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan, err := autogen.Diff(tables(nil, nil), tables(idx(parent, "hits_page_idx", "", "page"), tc.child), autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, st := range plan.Upgrade() {
				got = append(got, st.SQL)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("upgrade:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
