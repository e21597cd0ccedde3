package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

// renameHints finds, in a plan from live to target, drops and additions
// of the same shape that may be renames, which autogenerate never guesses:
// a table dropped and a table created with the same columns (names and
// types), or a column dropped and a column added to the same table with
// the same type, each the only one of its type. Each hint names the
// --rename flag that keeps the data. defaultSchema is the schema names
// need not spell out.
func renameHints(p *autogen.Plan, live *schema.Schema, defaultSchema string) []string {
	var (
		droppedTables, createdTables []*schema.Table
		droppedCols, addedCols       = map[schema.QName][]schema.Column{}, map[schema.QName][]schema.Column{}
		tableOrder                   []schema.QName
	)
	for _, c := range p.Changes {
		switch c := c.(type) {
		case *autogen.DropTable:
			if t := live.Table(c.Name); t != nil {
				droppedTables = append(droppedTables, t)
			}
		case *autogen.CreateTable:
			createdTables = append(createdTables, &c.Table)
		case *autogen.DropColumn:
			if t := live.Table(c.Table); t != nil {
				if col := t.Column(c.Column); col != nil {
					if _, seen := droppedCols[c.Table]; !seen {
						tableOrder = append(tableOrder, c.Table)
					}
					droppedCols[c.Table] = append(droppedCols[c.Table], *col)
				}
			}
		case *autogen.AddColumn:
			addedCols[c.Table] = append(addedCols[c.Table], c.Column)
		}
	}
	var out []string
	for _, old := range droppedTables {
		var match *schema.Table
		n := 0
		for _, nt := range createdTables {
			if sameShape(old.Columns, nt.Columns) {
				match, n = nt, n+1
			}
		}
		if n != 1 {
			continue
		}
		out = append(out, fmt.Sprintf("hint: table %s is dropped and %s created with the same columns; if it was renamed, run again with --rename %s=%s to keep its rows",
			old.QName, match.QName, shortName(old.QName, defaultSchema), shortName(match.QName, defaultSchema)))
	}
	for _, tq := range tableOrder {
		for _, old := range droppedCols[tq] {
			from := onlyOfType(droppedCols[tq], old.Type)
			to := onlyOfType(addedCols[tq], old.Type)
			if from == nil || to == nil || from.Name == to.Name {
				continue
			}
			t := shortName(tq, defaultSchema)
			out = append(out, fmt.Sprintf("hint: column %s.%s is dropped and %s.%s added with the same type; if it was renamed, run again with --rename %s.%s=%s.%s to keep its values",
				tq, from.Name, tq, to.Name, t, from.Name, t, to.Name))
		}
	}
	return out
}

// sameShape reports whether two tables have the same columns (name and
// type), whatever their order.
func sameShape(a, b []schema.Column) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	key := func(cols []schema.Column) []string {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = c.Name + "\x00" + c.Type
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(key(a), key(b))
}

// onlyOfType returns the column of type typ when it is the only one.
func onlyOfType(cols []schema.Column, typ string) *schema.Column {
	var found *schema.Column
	for i := range cols {
		if cols[i].Type == typ {
			if found != nil {
				return nil
			}
			found = &cols[i]
		}
	}
	return found
}

// shortName spells q as --rename takes it: without the default schema.
func shortName(q schema.QName, defaultSchema string) string {
	if q.Schema == defaultSchema {
		return q.Name
	}
	return q.Schema + "." + q.Name
}

// printRenameHints writes the rename hints of a comparison on Stderr.
func (a *App) printRenameHints(p *autogen.Plan, live *schema.Schema, defaultSchema string) {
	for _, h := range renameHints(p, live, defaultSchema) {
		fmt.Fprintln(a.Stderr, strings.TrimSpace(h))
	}
}
