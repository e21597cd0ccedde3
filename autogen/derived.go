package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// derived filters out of a child table's lists what PostgreSQL creates by
// itself from its parents: a partition gets clones of its parent's
// foreign keys, checks and triggers; an inheritance child gets its
// parents' CHECK constraints. Those are created and dropped with the
// parent's, so the diff must neither create nor drop them on the child.
// Indexes and key constraints attached to a parent's index are left out
// too: attach.go plans them from the explicit attachment facts.
//
// Both sides of a table are filtered against its parents in the target,
// so the CHECK constraints a table keeps after NO INHERIT are its own
// again.
type derived struct {
	parents   []*schema.Table
	partition bool
	// keyParents are where copies of key constraints come from: the
	// parents on both sides.
	keyParents []*schema.Table
}

// derivedIn returns the filter for table t of the target (or the current
// table of the same name).
func (d *differ) derivedIn(t *schema.Table) derived {
	if t == nil {
		return derived{}
	}
	ps := d.parents(t, d.toTables)
	return derived{parents: ps, partition: t.PartitionOf != nil, keyParents: ps}
}

// derivedFrom is the filter for the current side of table to. A table
// about to be attached as a partition is not filtered for foreign keys and
// triggers: its own copies are dropped before ATTACH, so that PostgreSQL
// creates the parent's clones.
func (d *differ) derivedFrom(from, to *schema.Table) derived {
	f := d.derivedIn(to)
	if to != nil && to.PartitionOf != nil && !(from.PartitionOf != nil && *from.PartitionOf == *to.PartitionOf) {
		f.partition = false
	}
	f.keyParents = append(d.parents(from, d.fromTables), f.keyParents...)
	return f
}

// constraints leaves out what a child gets from its parents, including
// the copies of the parent's key constraints attached to them (attach.go
// handles those). A key of the partition's own whose index is attached to
// a plain index of the parent stays: it is added and dropped by itself.
func (f derived) constraints(cs []schema.Constraint) []schema.Constraint {
	var out []schema.Constraint
	for _, k := range cs {
		if !f.keyCopy(k) && (len(f.parents) == 0 || !f.derivedConstraint(k)) {
			out = append(out, k)
		}
	}
	return out
}

// keyCopy reports whether k is a partition's copy of a parent's key
// constraint: its index is attached to the parent's constraint's index.
func (f derived) keyCopy(k schema.Constraint) bool {
	if k.IndexParent == "" {
		return false
	}
	for _, p := range f.keyParents {
		if pk := findConstraint(p.Constraints, k.IndexParent); pk != nil {
			return true
		}
	}
	return len(f.keyParents) == 0
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
			}
		}
	}
	return false
}

// indexes leaves out the indexes attached to a parent's index (attach.go
// handles those).
func (f derived) indexes(ix []schema.Index) []schema.Index {
	var out []schema.Index
	for _, i := range ix {
		if i.Parent == "" {
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

// detached returns the constraints a partition keeps as its own once
// detached that introspection does not list on a partition: copies of its
// parent's foreign keys and CHECK constraints, under the parent's names.
// (Its indexes and key constraints attached to the parent's are listed,
// and become its own under the same names; the triggers cloned from the
// parent are dropped by DETACH.)
func (d *differ) detached(from *schema.Table) []schema.Constraint {
	if from.PartitionOf == nil {
		return nil
	}
	parent := d.fromTables[*from.PartitionOf]
	if parent == nil {
		return nil
	}
	var cons []schema.Constraint
	for _, k := range parent.Constraints {
		if (k.Type == schema.ForeignKey || k.Type == schema.Check) && findConstraint(from.Constraints, k.Name) == nil {
			c := k
			c.Comment = ""
			cons = append(cons, c)
		}
	}
	return cons
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

// detaches reports whether from stops being a partition of its current
// parent in this plan (detached, or re-attached with another bound) while
// both stay.
func (d *differ) detaches(from, to *schema.Table) bool {
	return from.PartitionOf != nil && !d.tableGone[*from.PartitionOf] && to != nil &&
		!(to.PartitionOf != nil && *to.PartitionOf == *from.PartitionOf && to.PartitionBound == from.PartitionBound)
}

// fromView is the current side of table to as the plan sees it once the
// table leaves the parents the diff separates it from: a detached
// partition's indexes and keys are its own (no longer attached), and it
// keeps copies of its parent's foreign keys and checks; a table that stops
// inheriting keeps the parent's CHECK constraints (NO INHERIT leaves them
// on the child as its own). from itself when nothing changes.
func (d *differ) fromView(from, to *schema.Table) *schema.Table {
	if from == nil {
		return nil
	}
	var cons []schema.Constraint
	detaching := d.detaches(from, to)
	if detaching {
		cons = d.detached(from)
	}
	for _, p := range from.Inherits {
		if d.tableGone[p] || (to != nil && slices.Contains(to.Inherits, p)) {
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
	if !detaching && len(cons) == 0 {
		return from
	}
	v := *from
	v.Constraints = append(slices.Clone(from.Constraints), cons...)
	v.Indexes = slices.Clone(from.Indexes)
	if detaching {
		for i := range v.Constraints {
			v.Constraints[i].IndexParent = ""
		}
		for i := range v.Indexes {
			v.Indexes[i].Parent = ""
		}
	}
	return &v
}

// copyNames lists the names of table from's constraints and indexes that
// exist as its own only once it is detached (or stops inheriting): changes
// to them come after that.
func (d *differ) copyNames(from, to *schema.Table) map[string]bool {
	v := d.fromView(from, to)
	if v == from {
		return nil
	}
	m := map[string]bool{}
	for _, k := range v.Constraints {
		if ok := findConstraint(from.Constraints, k.Name); ok == nil || ok.IndexParent != "" {
			m[k.Name] = true
		}
	}
	for _, ix := range from.Indexes {
		if ix.Parent != "" {
			m[ix.Name] = true
		}
	}
	return m
}
