package autogen

import (
	"github.com/migrate-tool/migrate/schema"
)

// derived filters out of a child table's lists what PostgreSQL creates by
// itself from the parent: a partition gets clones of its parent's
// constraints, partitioned indexes and triggers; an inheritance child gets
// its parent's CHECK constraints. Those are created and dropped with the
// parent's, so the diff must neither create nor drop them on the child.
type derived struct {
	t, parent *schema.Table
}

func derivedFilter(t, parent *schema.Table) derived { return derived{t: t, parent: parent} }

func (f derived) partition() bool { return f.parent != nil && f.t.PartitionOf != nil }

func (f derived) constraints(cs []schema.Constraint) []schema.Constraint {
	if f.parent == nil || len(f.parent.Constraints) == 0 {
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
	for _, p := range f.parent.Constraints {
		if p.Type != k.Type {
			continue
		}
		switch {
		case k.Type == schema.Check:
			if p.Name == k.Name && constraintBody(p.Definition) == constraintBody(k.Definition) {
				return true
			}
		case !f.partition():
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
	return false
}

func (f derived) indexes(ix []schema.Index) []schema.Index {
	if !f.partition() || len(f.parent.Indexes) == 0 {
		return ix
	}
	var out []schema.Index
	for _, i := range ix {
		keep := true
		for _, p := range f.parent.Indexes {
			if indexBody(p) == indexBody(i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, i)
		}
	}
	return out
}

func (f derived) triggers(ts []schema.Trigger) []schema.Trigger {
	if !f.partition() || len(f.parent.Triggers) == 0 {
		return ts
	}
	var out []schema.Trigger
	for _, t := range ts {
		if findTrigger(f.parent.Triggers, t.Name) == nil {
			out = append(out, t)
		}
	}
	return out
}
