package autogen

import (
	"slices"

	"github.com/migrate-tool/migrate/schema"
)

// Classic inheritance (INHERITS). A child's column is merged with the
// parent's of the same name: it is the child's own as well (attislocal,
// the model's Inherited false) when the child declares it, or only
// inherited. ADD COLUMN and DROP COLUMN on the parent recurse to the
// children: the parent's ADD merges into a column a child already has
// (which stays the child's own), and the parent's DROP drops the
// children's inherited-only copies and leaves their own. So:
//
//   - a column the parent gains that a child declares as its own is added
//     to the child first, and the parent's ADD merges into it;
//   - a column the parent loses that a child keeps, but only inherits, is
//     dropped from the parent alone (ALTER TABLE ONLY ... DROP COLUMN),
//     which makes every child's copy its own; the children that do not
//     keep it drop it themselves.
//
// No statement makes a child's own column inherited-only again (short of
// dropping it with its values): that direction is left as it is.

// childrenFirst adds column col, before table t's ADD COLUMN, to the
// inheritance children (at any depth) that declare it as their own in the
// target and do not have it yet.
func (d *differ) childrenFirst(t *schema.Table, col string) {
	for _, c := range d.inheritors(t.QName) {
		d.childrenFirst(c, col)
		nc := c.Column(col)
		if nc == nil || nc.Inherited || d.fromTables[c.QName].Column(col) != nil {
			continue
		}
		d.add(phAlterTable, &AddColumn{Table: c.QName, Column: *nc})
	}
}

// inheritors lists the tables of the target that inherit from q (classic
// inheritance, not partitions) and did so already.
func (d *differ) inheritors(q schema.QName) []*schema.Table {
	var out []*schema.Table
	for i := range d.to.Tables {
		c := &d.to.Tables[i]
		if from := d.fromTables[c.QName]; from != nil && !d.tableNew[c.QName] &&
			slices.Contains(c.Inherits, q) && slices.Contains(from.Inherits, q) {
			out = append(out, c)
		}
	}
	return out
}

// dropsOnly reports whether column col, which table t (from on the
// current side) loses, is dropped from t alone: a child that stays keeps
// the column but only inherits it now.
func (d *differ) dropsOnly(from, t *schema.Table, col string) bool {
	if from == nil || t == nil || t.PartitionKey != "" || t.Column(col) != nil || from.Column(col) == nil {
		return false
	}
	for _, c := range d.inheritors(t.QName) {
		if nc, fc := c.Column(col), d.fromTables[c.QName].Column(col); nc != nil && fc != nil && fc.Inherited {
			return true
		}
	}
	return false
}

// parentColumn returns the target column col of t's partition parent or
// first inheritance parent that has it.
func (d *differ) parentColumn(t *schema.Table, col string) *schema.Column {
	for _, p := range d.parents(t, d.toTables) {
		if pc := p.Column(col); pc != nil {
			return pc
		}
	}
	return nil
}
