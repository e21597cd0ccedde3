package rowgen

import (
	"maps"
	"slices"
	"testing"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

// TestAnalyzeFollowsDescendants: a column renamed, dropped or retyped in a
// table without ONLY changes with it in every partition and inheritance
// child (at any depth) that inherits the column; Analyze must name those
// children's columns in the mapping and the coverage.
func TestAnalyzeFollowsDescendants(t *testing.T) {
	q := func(n string) schema.QName { return schema.QName{Schema: "public", Name: n} }
	text := func(names ...string) []schema.Column {
		out := make([]schema.Column, 0, len(names))
		for _, n := range names {
			out = append(out, schema.Column{Name: n, Type: "text"})
		}
		return out
	}
	// events is partitioned two levels deep; logs has an inheritance
	// child with a column of its own; other is unrelated.
	old := &schema.Schema{Tables: []schema.Table{
		{QName: q("events"), Columns: text("at", "v", "w"), PartitionKey: "RANGE (at)"},
		{QName: q("events_2024"), Columns: text("at", "v", "w"), PartitionOf: ptr(q("events")), PartitionKey: "LIST (at)"},
		{QName: q("events_2024_q1"), Columns: text("at", "v", "w"), PartitionOf: ptr(q("events_2024"))},
		{QName: q("logs"), Columns: text("at", "v", "w")},
		{QName: q("logs_old"), Columns: text("at", "v", "w", "extra"), Inherits: []schema.QName{q("logs")}},
		{QName: q("other"), Columns: text("at", "v", "w")},
	}}
	loss := []autogen.Hazard{{Kind: autogen.HazardDataLoss, Message: "gone"}}
	tests := []struct {
		name    string
		stmts   []autogen.Statement
		renamed map[ColumnRef]string // every column rename, by old names
		covered []string             // Coverage.Describe
	}{
		{
			name:  "a rename reaches partitions at every depth",
			stmts: []autogen.Statement{{SQL: "ALTER TABLE public.events RENAME COLUMN at TO happened_on"}},
			renamed: map[ColumnRef]string{{q("events"), "at"}: "happened_on", {q("events_2024"), "at"}: "happened_on",
				{q("events_2024_q1"), "at"}: "happened_on"},
		},
		{
			name: "a rename reaches inheritance children, named as before a later table rename",
			stmts: []autogen.Statement{
				{SQL: "ALTER TABLE public.logs RENAME COLUMN at TO logged_at"},
				{SQL: "ALTER TABLE public.logs RENAME TO journal"},
			},
			renamed: map[ColumnRef]string{{q("logs"), "at"}: "logged_at", {q("logs_old"), "at"}: "logged_at"},
		},
		{
			name:    "a rename written with ONLY stays in its table",
			stmts:   []autogen.Statement{{SQL: "ALTER TABLE ONLY public.logs RENAME COLUMN at TO logged_at"}},
			renamed: map[ColumnRef]string{{q("logs"), "at"}: "logged_at"},
		},
		{
			name:    "a column renamed and renamed back moves no child",
			stmts:   []autogen.Statement{{SQL: "ALTER TABLE logs RENAME COLUMN v TO x"}, {SQL: "ALTER TABLE logs RENAME COLUMN x TO v"}},
			renamed: map[ColumnRef]string{},
		},
		{
			name: "a covered drop or retype covers the children's columns, ONLY does not",
			stmts: []autogen.Statement{
				{SQL: "ALTER TABLE public.events DROP COLUMN v", Hazards: loss},
				{SQL: "ALTER TABLE public.logs ALTER COLUMN w TYPE integer USING 0", Hazards: loss},
				{SQL: "ALTER TABLE ONLY public.logs DROP COLUMN v", Hazards: loss},
			},
			renamed: map[ColumnRef]string{},
			covered: []string{"column public.events.v", "column public.events_2024.v", "column public.events_2024_q1.v",
				"column public.logs.v", "column public.logs.w", "column public.logs_old.w"},
		},
		{
			name:    "a drop without a hazard covers no child",
			stmts:   []autogen.Statement{{SQL: "ALTER TABLE public.events DROP COLUMN v"}},
			renamed: map[ColumnRef]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eff, err := Analyze(tt.stmts, old)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(eff.Mapping.Columns, tt.renamed) {
				t.Errorf("column renames %v, want %v", eff.Mapping.Columns, tt.renamed)
			}
			if got := eff.Covered.Describe(); !slices.Equal(got, tt.covered) {
				t.Errorf("covered %v, want %v", got, tt.covered)
			}
		})
	}
}
