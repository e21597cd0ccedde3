package autogen_test

import (
	"fmt"
	"testing"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

// syntheticSchema has n tables shaped like application tables (identity
// key, a few columns with defaults, a foreign key, a check, an index) and
// a view per ten tables.
func syntheticSchema(n int) *schema.Schema {
	s := &schema.Schema{Namespaces: []schema.Namespace{{Name: "public"}}}
	for i := 0; i < n; i++ {
		q := schema.QName{Schema: "public", Name: fmt.Sprintf("t%04d", i)}
		t := schema.Table{QName: q, Columns: []schema.Column{
			{Name: "id", Type: "bigint", NotNull: true, Identity: "ALWAYS",
				IdentitySequence: &schema.SequenceOptions{Type: "bigint", Start: 1, Increment: 1, Min: 1, Max: 9223372036854775807, Cache: 1}},
			{Name: "name", Type: "character varying(100)", NotNull: true, Default: "''::character varying"},
			{Name: "created_at", Type: "timestamp with time zone", NotNull: true, Default: "now()"},
			{Name: "parent_id", Type: "bigint"},
		}}
		t.Constraints = []schema.Constraint{
			{Name: q.Name + "_pkey", Type: schema.PrimaryKey, Definition: "PRIMARY KEY (id)", Columns: []string{"id"}},
			{Name: q.Name + "_name_check", Type: schema.Check, Definition: "CHECK (((name)::text <> ''::text))", Columns: []string{"name"}},
		}
		if i > 0 {
			ref := schema.QName{Schema: "public", Name: fmt.Sprintf("t%04d", i-1)}
			t.Constraints = append(t.Constraints, schema.Constraint{Name: q.Name + "_parent_id_fkey", Type: schema.ForeignKey,
				Definition: "FOREIGN KEY (parent_id) REFERENCES " + ref.Qualified() + "(id)", Columns: []string{"parent_id"}, RefTable: &ref, RefColumns: []string{"id"}})
		}
		t.Indexes = []schema.Index{{Name: q.Name + "_created_at_idx", Method: "btree", Keys: []string{"created_at"},
			Definition: "CREATE INDEX " + q.Name + "_created_at_idx ON " + q.Qualified() + " USING btree (created_at)"}}
		s.Tables = append(s.Tables, t)
		if i%10 == 0 {
			s.Views = append(s.Views, schema.View{QName: schema.QName{Schema: "public", Name: "v_" + q.Name},
				Definition: " SELECT id, name FROM " + q.Qualified() + " WHERE (id > 0);", Columns: []string{"id", "name"}})
		}
	}
	s.Sort()
	return s
}

func benchmarkNoop(b *testing.B, n int) {
	a, c := syntheticSchema(n), syntheticSchema(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := autogen.Diff(a, c, autogen.Options{})
		if err != nil || !p.Empty() {
			b.Fatal(err, p.Summary())
		}
	}
}

func BenchmarkDiffNoop500(b *testing.B)  { benchmarkNoop(b, 500) }
func BenchmarkDiffNoop2000(b *testing.B) { benchmarkNoop(b, 2000) }

// BenchmarkCreateFromEmpty2000 renders a 2,000-table schema from nothing
// (what materializing a Go target costs before PostgreSQL runs it).
func BenchmarkCreateFromEmpty2000(b *testing.B) {
	s := syntheticSchema(2000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := autogen.Diff(&schema.Schema{}, s, autogen.Options{})
		if err != nil {
			b.Fatal(err)
		}
		_ = p.Upgrade()
	}
}
