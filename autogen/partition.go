package autogen

import (
	"github.com/migrate-tool/migrate/schema"
)

// AttachPartition is ALTER TABLE parent ATTACH PARTITION t FOR VALUES ....
type AttachPartition struct {
	Parent, Table schema.QName
	Bound         string
}

// Describe implements Change.
func (c *AttachPartition) Describe() string {
	return "attach partition " + c.Table.String() + " to " + c.Parent.String()
}

func (c *AttachPartition) statements() []Statement {
	return one("ALTER TABLE "+qname(c.Parent)+" ATTACH PARTITION "+qname(c.Table)+" "+c.Bound,
		hazard(HazardFullScan, "attaching "+c.Table.String()+" scans it to check the partition bound unless a matching CHECK constraint exists"),
		hazard(HazardIndexBuild, "attaching "+c.Table.String()+" builds the indexes of "+c.Parent.String()+" on it"))
}

// DetachPartition is ALTER TABLE parent DETACH PARTITION t.
type DetachPartition struct {
	Parent, Table schema.QName
}

// Describe implements Change.
func (c *DetachPartition) Describe() string {
	return "detach partition " + c.Table.String() + " from " + c.Parent.String()
}

func (c *DetachPartition) statements() []Statement {
	return one("ALTER TABLE "+qname(c.Parent)+" DETACH PARTITION "+qname(c.Table),
		hazard(HazardAccessExclusive, "DETACH PARTITION locks "+c.Parent.String()+" (ACCESS EXCLUSIVE)"))
}

// SetInherit is ALTER TABLE ... INHERIT parent / NO INHERIT parent.
type SetInherit struct {
	Table, Parent schema.QName
	Inherit       bool
}

// Describe implements Change.
func (c *SetInherit) Describe() string {
	if c.Inherit {
		return "make " + c.Table.String() + " inherit " + c.Parent.String()
	}
	return "make " + c.Table.String() + " stop inheriting " + c.Parent.String()
}

func (c *SetInherit) statements() []Statement {
	kw := " INHERIT "
	if !c.Inherit {
		kw = " NO INHERIT "
	}
	return one("ALTER TABLE " + qname(c.Table) + kw + qname(c.Parent))
}

// partitioning emits partition detach and inheritance removal of a table
// kept on both sides, and returns the attach/inherit changes, which the
// caller adds after the table's columns have changed. (A partition whose
// parent is dropped is dropped with it; see planTables.)
func (d *differ) partitioning(from, t *schema.Table) (late []Change) {
	samePart := from.PartitionOf != nil && t.PartitionOf != nil && *from.PartitionOf == *t.PartitionOf &&
		from.PartitionBound == t.PartitionBound
	if from.PartitionOf != nil && !samePart {
		d.add(phDetach, &DetachPartition{Parent: *from.PartitionOf, Table: t.QName})
	}
	if t.PartitionOf != nil && !samePart {
		late = append(late, &AttachPartition{Parent: *t.PartitionOf, Table: t.QName, Bound: t.PartitionBound})
	}
	have := map[schema.QName]bool{}
	for _, p := range from.Inherits {
		have[p] = true
	}
	want := map[schema.QName]bool{}
	for _, p := range t.Inherits {
		want[p] = true
		if !have[p] || d.tableGone[p] {
			late = append(late, &SetInherit{Table: t.QName, Parent: p, Inherit: true})
		}
	}
	for _, p := range from.Inherits {
		if !want[p] || d.tableGone[p] {
			d.add(phDetach, &SetInherit{Table: t.QName, Parent: p})
		}
	}
	return late
}

// refTreeShrinks reports whether a partition of table q (at any depth) is
// dropped, recreated or detached by the plan while q stays. A foreign key
// referencing q has per-partition copies PostgreSQL keeps itself: DROP
// TABLE of a referenced partition fails on them, and DETACH checks every
// referencing row. Such a key is dropped before the partitions change and
// added back (validated) after, in both directions.
func (d *differ) refTreeShrinks(q schema.QName) bool {
	if d.tableGone[q] {
		return false
	}
	for _, t := range d.descendants(q) {
		if d.tableGone[t.QName] || d.detaches(t, d.toTables[t.QName]) {
			return true
		}
	}
	return false
}

// descendants lists the current partitions of table q at any depth.
func (d *differ) descendants(q schema.QName) []*schema.Table {
	var out []*schema.Table
	for i := range d.from.Tables {
		t := &d.from.Tables[i]
		if t.PartitionOf != nil && *t.PartitionOf == q {
			out = append(out, t)
			out = append(out, d.descendants(t.QName)...)
		}
	}
	return out
}
