package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// A rename carries what depends on the renamed table or column, as
// PostgreSQL does: indexes, constraints, triggers, generated columns and
// partition keys refer to columns by number and print the new name; the
// sequences a table's columns own move with it to another schema; foreign
// keys keep pointing at the renamed table. apply rewrites the current
// schema the same way, so only what really differs from the target shows
// up in the diff, and owned sequences whose names follow the table or
// column (customers_id_seq -> clients_id_seq) are renamed, never dropped
// and created again: their counters must survive.

// RenameSequence is ALTER SEQUENCE ... RENAME TO, for a sequence owned by a
// renamed table or column: it keeps its current value.
type RenameSequence struct {
	From schema.QName
	To   string
}

// Describe implements Change.
func (c *RenameSequence) Describe() string {
	return "rename sequence " + c.From.String() + " to " + c.To
}

func (c *RenameSequence) statements() []Statement {
	return one("ALTER SEQUENCE " + qname(c.From) + " RENAME TO " + ident(c.To))
}

// apply returns a copy of s with the renames done, and the owned
// sequences to rename so that they take the names target gives them.
func (rs resolvedRenames) apply(s, target *schema.Schema) (*schema.Schema, []*RenameSequence) {
	c := cloneSchema(s)
	for _, r := range rs {
		if r.column() {
			renameColumnIn(c, r.From, r.FromCol, r.ToCol)
		} else {
			renameTableIn(c, r.From, r.To)
		}
	}
	seqs := followSequences(c, target, rs)
	c.Sort()
	return c, seqs
}

func renameTableIn(c *schema.Schema, from, to schema.QName) {
	t := c.Table(from)
	if t == nil {
		return
	}
	t.QName = to
	oldRef, newRef := from.Qualified(), to.Qualified()
	for i := range t.Indexes {
		ix := &t.Indexes[i]
		ix.Definition = strings.Replace(ix.Definition, " ON "+oldRef+" USING ", " ON "+newRef+" USING ", 1)
		ix.Definition = strings.Replace(ix.Definition, " ON ONLY "+oldRef+" USING ", " ON ONLY "+newRef+" USING ", 1)
	}
	for i := range t.Triggers {
		tr := &t.Triggers[i]
		tr.Definition = strings.Replace(tr.Definition, " ON "+oldRef+" ", " ON "+newRef+" ", 1)
	}
	for i := range c.Tables {
		ot := &c.Tables[i]
		for j := range ot.Constraints {
			k := &ot.Constraints[j]
			if k.RefTable != nil && *k.RefTable == from {
				rt := to
				k.RefTable = &rt
				k.Definition = strings.Replace(k.Definition, "REFERENCES "+oldRef+"(", "REFERENCES "+newRef+"(", 1)
			}
		}
		if ot.PartitionOf != nil && *ot.PartitionOf == from {
			p := to
			ot.PartitionOf = &p
		}
		for j := range ot.Inherits {
			if ot.Inherits[j] == from {
				ot.Inherits[j] = to
			}
		}
	}
	for i := range c.Views {
		for j := range c.Views[i].DependsOn {
			if dep := &c.Views[i].DependsOn[j]; dep.Relation == from {
				dep.Relation = to
			}
		}
	}
	prefix := from.Schema + "." + from.Name + "."
	for i := range c.Sequences {
		sq := &c.Sequences[i]
		rest, ok := strings.CutPrefix(sq.OwnedBy, prefix)
		if !ok {
			continue
		}
		sq.OwnedBy = to.Schema + "." + to.Name + "." + rest
		if sq.Schema != to.Schema {
			// SET SCHEMA moves the sequences the table's columns own.
			moved := schema.QName{Schema: to.Schema, Name: sq.Name}
			replaceSequenceRefs(c, sq.QName, moved)
			sq.QName = moved
		}
	}
}

// renameColumnIn renames column old of table q, and of its partitions and
// inheritance children (RENAME COLUMN recurses to them), in every
// definition that names it.
func renameColumnIn(c *schema.Schema, q schema.QName, old, nw string) {
	tables := descendants(c, q)
	local := func(t *schema.Table) bool { return slices.Contains(tables, t.QName) }
	for i := range c.Tables {
		t := &c.Tables[i]
		own := local(t)
		if own {
			renameColumnOf(t, q, old, nw)
		}
		for j := range t.Constraints {
			k := &t.Constraints[j]
			ref := k.RefTable != nil && slices.Contains(tables, *k.RefTable)
			if !own && !ref {
				continue
			}
			r := sqlparse.ColumnRename{Old: old, New: nw, Local: own, Referenced: ref}
			if def, err := sqlparse.RenameColumnInConstraint(k.Definition, r); err == nil {
				k.Definition = def
			}
			if own {
				k.Columns = replaceName(k.Columns, old, nw)
			}
			if ref {
				k.RefColumns = replaceName(k.RefColumns, old, nw)
			}
		}
	}
	for i := range c.Views {
		for j := range c.Views[i].DependsOn {
			if dep := &c.Views[i].DependsOn[j]; slices.Contains(tables, dep.Relation) && dep.Column == old {
				dep.Column = nw
			}
		}
	}
	for i := range c.Sequences {
		for _, t := range tables {
			if c.Sequences[i].OwnedBy == t.Schema+"."+t.Name+"."+old {
				c.Sequences[i].OwnedBy = t.Schema + "." + t.Name + "." + nw
			}
		}
	}
}

// renameColumnOf renames the column in table t's own definitions.
func renameColumnOf(t *schema.Table, q schema.QName, old, nw string) {
	r := sqlparse.ColumnRename{Old: old, New: nw, Local: true}
	if col := t.Column(old); col != nil {
		col.Name = nw
	}
	for i := range t.Columns {
		if g := t.Columns[i].Generated; g != "" {
			if e, err := sqlparse.RenameColumnInExpr(g, r); err == nil {
				t.Columns[i].Generated = e
			}
		}
	}
	for i := range t.Indexes {
		ix := &t.Indexes[i]
		if def, err := sqlparse.RenameColumnInIndex(ix.Definition, r); err == nil {
			ix.Definition = def
		}
		for j, key := range ix.Keys {
			if rest, ok := strings.CutPrefix(key, ident(old)); ok && (rest == "" || rest[0] == ' ') {
				ix.Keys[j] = ident(nw) + rest
			}
		}
		ix.Include = replaceName(ix.Include, old, nw)
		if ix.Predicate != "" {
			if e, err := sqlparse.RenameColumnInExpr(ix.Predicate, r); err == nil {
				ix.Predicate = e
			}
		}
	}
	for i := range t.Triggers {
		if def, err := sqlparse.RenameColumnInTrigger(t.Triggers[i].Definition, r); err == nil {
			t.Triggers[i].Definition = def
		}
	}
	if t.PartitionKey != "" {
		if k, err := sqlparse.RenameColumnInPartitionKey(t.PartitionKey, r); err == nil {
			t.PartitionKey = k
		}
	}
}

// descendants returns q and the tables below it (partitions and
// inheritance children, at any depth).
func descendants(c *schema.Schema, q schema.QName) []schema.QName {
	out := []schema.QName{q}
	for i := 0; i < len(out); i++ {
		for _, t := range c.Tables {
			if (t.PartitionOf != nil && *t.PartitionOf == out[i]) || slices.Contains(t.Inherits, out[i]) {
				if !slices.Contains(out, t.QName) {
					out = append(out, t.QName)
				}
			}
		}
	}
	return out
}

func replaceName(names []string, old, nw string) []string {
	for i := range names {
		if names[i] == old {
			names[i] = nw
		}
	}
	return names
}

// followSequences renames, in c, the sequences owned by a renamed table's
// or column's column that the target knows under another name owned by
// the same column, and returns the renames to run.
func followSequences(c, target *schema.Schema, rs resolvedRenames) []*RenameSequence {
	if target == nil {
		return nil
	}
	renamedTable := map[schema.QName]bool{}
	for _, r := range rs {
		renamedTable[r.To] = true
	}
	has := func(s *schema.Schema, q schema.QName) bool {
		return slices.ContainsFunc(s.Sequences, func(x schema.Sequence) bool { return x.QName == q })
	}
	var out []*RenameSequence
	for i := range c.Sequences {
		sq := &c.Sequences[i]
		parts := strings.SplitN(sq.OwnedBy, ".", 3)
		if len(parts) != 3 || !renamedTable[schema.QName{Schema: parts[0], Name: parts[1]}] || has(target, sq.QName) {
			continue
		}
		for _, ts := range target.Sequences {
			if ts.OwnedBy != sq.OwnedBy || ts.Schema != sq.Schema || has(c, ts.QName) {
				continue
			}
			out = append(out, &RenameSequence{From: sq.QName, To: ts.Name})
			replaceSequenceRefs(c, sq.QName, ts.QName)
			sq.QName = ts.QName
			break
		}
	}
	return out
}

// replaceSequenceRefs makes the column defaults that call sequence from
// (nextval('schema.seq'::regclass)) call to instead.
func replaceSequenceRefs(c *schema.Schema, from, to schema.QName) {
	old, nw := literal(qname(from))+"::regclass", literal(qname(to))+"::regclass"
	for i := range c.Tables {
		for j := range c.Tables[i].Columns {
			col := &c.Tables[i].Columns[j]
			col.Default = strings.ReplaceAll(col.Default, old, nw)
		}
	}
}
