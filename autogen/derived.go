package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// derived filters out of a child table's lists what PostgreSQL creates by
// itself from its parents: a partition gets clones of its parent's
// constraints, partitioned indexes and triggers; an inheritance child gets
// its parents' CHECK constraints. Those are created and dropped with the
// parent's, so the diff must neither create nor drop them on the child.
//
// Both sides of a table are filtered against its parents in the target:
// an index of a table about to be attached that matches the parent's is
// absorbed by the parent's index (PostgreSQL attaches it instead of
// building a new one), and the CHECK constraints a table keeps after NO
// INHERIT are its own again.
type derived struct {
	parents   []*schema.Table
	partition bool
}

// derivedIn returns the filter for table t of the target (or the current
// table of the same name).
func (d *differ) derivedIn(t *schema.Table) derived {
	if t == nil {
		return derived{}
	}
	return derived{parents: d.parents(t, d.toTables), partition: t.PartitionOf != nil}
}

// derivedFrom is the filter for the current side of table to. A table
// about to be attached as a partition is not filtered for keys, indexes
// and triggers: its own copies are dropped before ATTACH, so that
// PostgreSQL creates the parent's clones under the names it would give
// them on a fresh partition (an attached matching index would keep its
// old name, which the target cannot show).
func (d *differ) derivedFrom(from, to *schema.Table) derived {
	f := d.derivedIn(to)
	if to != nil && to.PartitionOf != nil && !(from.PartitionOf != nil && *from.PartitionOf == *to.PartitionOf) {
		f.partition = false
	}
	return f
}

func (f derived) constraints(cs []schema.Constraint) []schema.Constraint {
	if len(f.parents) == 0 {
		return cs
	}
	var out []schema.Constraint
	for _, k := range cs {
		if !f.derivedConstraint(k) {
			out = append(out, k)
		}
	}
	return out
}

func (f derived) derivedConstraint(k schema.Constraint) bool {
	for _, parent := range f.parents {
		for _, p := range parent.Constraints {
			if p.Type != k.Type {
				continue
			}
			switch {
			case k.Type == schema.Check:
				if p.Name == k.Name && constraintBody(p.Definition) == constraintBody(k.Definition) {
					return true
				}
			case !f.partition:
				// inheritance children inherit only CHECK constraints
			case k.Type == schema.ForeignKey:
				if p.Name == k.Name && p.Definition == k.Definition {
					return true
				}
			case k.Type == schema.PrimaryKey || k.Type == schema.Unique || k.Type == schema.Exclusion:
				if p.Definition == k.Definition {
					return true
				}
			}
		}
	}
	return false
}

func (f derived) indexes(ix []schema.Index) []schema.Index {
	if !f.partition || len(f.parents) == 0 {
		return ix
	}
	var out []schema.Index
	for _, i := range ix {
		keep := true
		for _, parent := range f.parents {
			for _, p := range parent.Indexes {
				if indexBody(p) == indexBody(i) {
					keep = false
				}
			}
		}
		if keep {
			out = append(out, i)
		}
	}
	return out
}

func (f derived) triggers(ts []schema.Trigger) []schema.Trigger {
	if !f.partition || len(f.parents) == 0 {
		return ts
	}
	var out []schema.Trigger
	for _, t := range ts {
		keep := true
		for _, parent := range f.parents {
			if findTrigger(parent.Triggers, t.Name) != nil {
				keep = false
			}
		}
		if keep {
			out = append(out, t)
		}
	}
	return out
}

// detached returns the constraints and indexes a partition keeps as its
// own once detached: copies of its parent's, which introspection does not
// list on a partition. Their names are the ones PostgreSQL chose when it
// cloned them (table_pkey, table_cols_key, table_cols_idx; checks and
// foreign keys keep the parent's name). The triggers cloned from the
// parent are dropped by DETACH.
func (d *differ) detached(from *schema.Table) ([]schema.Constraint, []schema.Index) {
	if from.PartitionOf == nil {
		return nil, nil
	}
	parent := d.fromTables[*from.PartitionOf]
	if parent == nil {
		return nil, nil
	}
	taken := map[string]bool{}
	for _, k := range from.Constraints {
		taken[k.Name] = true
	}
	for _, ix := range from.Indexes {
		taken[ix.Name] = true
	}
	isTaken := func(n string) bool { return taken[n] }
	var cons []schema.Constraint
	for _, k := range parent.Constraints {
		c := k
		c.Comment = ""
		switch k.Type {
		case schema.PrimaryKey:
			c.Name = schema.ChooseName(from.Name, "", "pkey", isTaken)
		case schema.Unique:
			c.Name = schema.ChooseName(from.Name, schema.NameAddition(k.Columns), "key", isTaken)
		case schema.Exclusion:
			c.Name = schema.ChooseName(from.Name, schema.NameAddition(k.Columns), "excl", isTaken)
		}
		taken[c.Name] = true
		cons = append(cons, c)
	}
	var ixs []schema.Index
	for _, p := range parent.Indexes {
		figured := make([]string, len(p.Keys))
		for i, key := range p.Keys {
			figured[i] = keyColumnName(key)
		}
		name := schema.ChooseName(from.Name, schema.NameAddition(schema.IndexColumnNames(figured)), "idx", isTaken)
		taken[name] = true
		ix := p
		ix.Comment = ""
		ix.Name = name
		kw := "CREATE INDEX "
		if p.Unique {
			kw = "CREATE UNIQUE INDEX "
		}
		if i := strings.Index(p.Definition, " USING "); i >= 0 {
			ix.Definition = kw + ident(name) + " ON " + qname(from.QName) + p.Definition[i:]
		}
		ixs = append(ixs, ix)
	}
	return cons, ixs
}

// keyColumnName is the name PostgreSQL derives an index column's name
// from: the column, the function called, or "" for other expressions.
func keyColumnName(key string) string {
	key = strings.TrimSpace(key)
	if strings.HasPrefix(key, `"`) {
		end := 1
		for end < len(key) {
			if key[end] == '"' {
				if end+1 < len(key) && key[end+1] == '"' {
					end += 2
					continue
				}
				break
			}
			end++
		}
		return strings.ReplaceAll(key[1:min(end, len(key))], `""`, `"`)
	}
	i := 0
	for i < len(key) && identChar(key[i]) {
		i++
	}
	if i == 0 {
		return ""
	}
	return key[:i]
}

// detachedCopies returns what a table keeps from the parents the diff
// separates it from: detached(from) when it stops being a partition of its
// parent, and the CHECK constraints of an inheritance parent it stops
// inheriting (NO INHERIT leaves them on the child as its own).
func (d *differ) detachedCopies(from, to *schema.Table) ([]schema.Constraint, []schema.Index) {
	var cons []schema.Constraint
	var ixs []schema.Index
	if from.PartitionOf != nil && !d.tableGone[*from.PartitionOf] &&
		!(to.PartitionOf != nil && *to.PartitionOf == *from.PartitionOf && to.PartitionBound == from.PartitionBound) {
		cons, ixs = d.detached(from)
	}
	for _, p := range from.Inherits {
		if d.tableGone[p] || slices.Contains(to.Inherits, p) {
			continue
		}
		parent := d.fromTables[p]
		if parent == nil {
			continue
		}
		for _, k := range parent.Constraints {
			if k.Type == schema.Check && findConstraint(from.Constraints, k.Name) == nil && findConstraint(cons, k.Name) == nil {
				c := k
				c.Comment = ""
				cons = append(cons, c)
			}
		}
	}
	return cons, ixs
}

// copyNames lists the names detachedCopies adds for a table: they exist
// only once the table is detached, so changes to them come after that.
func (d *differ) copyNames(from, to *schema.Table) map[string]bool {
	cons, ixs := d.detachedCopies(from, to)
	if len(cons)+len(ixs) == 0 {
		return nil
	}
	m := map[string]bool{}
	for _, k := range cons {
		m[k.Name] = true
	}
	for _, ix := range ixs {
		m[ix.Name] = true
	}
	return m
}
