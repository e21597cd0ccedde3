package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// A revision marked transaction false (its other direction adds an enum
// value that a later statement uses, or builds an index concurrently) runs
// statement by statement: when the conversion of a column to a recreated
// enum meets a row holding a removed value, the statements before it
// (dropped columns, functions, the old type renamed) stay applied. Such a
// revision first checks every converted column, before any statement
// changes anything, so that a row the new type refuses stops it whole.

// enumGuard is the check of one column converted to a recreated enum, in
// the names the column has before the plan runs.
type enumGuard struct {
	Table  schema.QName
	Column string
	Type   string   // the recreated enum, as the message names it
	Values []string // the labels the recreated enum keeps
	Array  bool     // the column holds arrays of the enum
}

// statement renders the guard as a DO block; the labels are compared as
// text, so the block runs whatever the enum is called at that point.
func (g *enumGuard) statement() Statement {
	labels := make([]string, len(g.Values))
	for i, v := range g.Values {
		labels[i] = literal(v)
	}
	keep := "ALL (ARRAY[" + strings.Join(labels, ", ") + "]::text[])"
	if len(labels) == 0 {
		keep = "ALL ('{}'::text[])"
	}
	col := ident(g.Column)
	cond := col + "::text <> " + keep
	if g.Array {
		cond = "EXISTS (SELECT FROM unnest(" + col + ") AS v WHERE v::text <> " + keep + ")"
	}
	where := g.Table.String() + "." + g.Column
	msg := raiseText(where) + ": % row(s) hold a value the recreated type " + raiseText(g.Type) + " does not have; nothing was changed"
	sql := guardBlock(g.Table, cond, msg, "Change or delete those rows first, then run the revision again.")
	return Statement{SQL: sql, Hazards: []Hazard{hazard(HazardFullScan,
		"this guard reads every row of "+g.Table.String()+" before the revision changes anything, and stops it if "+where+
			" holds a value the recreated type "+g.Type+" does not have (the revision runs outside a transaction)")}}
}

// newEnumGuard returns the guard of column col of table q (target names)
// converted to recreated enum type typ, or nil when the target has no
// such enum.
func (d *differ) newEnumGuard(q schema.QName, col string, conv conversion) *enumGuard {
	e := findEnum(d.to, baseTypeName(strings.TrimRight(conv.dst.full, "[]")))
	if e == nil {
		return nil
	}
	t, c := d.namesBefore(q, col)
	return &enumGuard{Table: t, Column: c, Type: e.QName.String(), Values: e.Values, Array: conv.dst.dims > 0}
}

func findEnum(s *schema.Schema, q schema.QName) *schema.Enum {
	for i := range s.Enums {
		if s.Enums[i].QName == q {
			return &s.Enums[i]
		}
	}
	return nil
}

// namesBefore maps a table and column of the renamed current schema back
// to the names they have before the plan's renames run.
func (d *differ) namesBefore(q schema.QName, col string) (schema.QName, string) {
	for i := len(d.renames) - 1; i >= 0; i-- {
		r := d.renames[i]
		switch {
		case r.column() && r.From == q && r.ToCol == col:
			col = r.FromCol
		case !r.column() && r.To == q:
			q = r.From
		}
	}
	return q, col
}
