package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// Tables that PostgreSQL cannot convert in place: a plain table becoming
// partitioned or the reverse, or a partitioned table changing its
// partition key. The table is recreated and its rows moved, never dropped:
//
//  1. what depends on the old table goes first (foreign keys referencing
//     it, views; its own foreign keys, keys and indexes, whose names the
//     new table takes); a partition of a parent that stays is detached;
//  2. the old table is renamed out of the way (with those of its
//     partitions whose names the new table reuses);
//  3. the new table is created with its partitions, and the rows are
//     copied with INSERT ... SELECT (identity values kept, identity
//     sequences moved to where the old one was);
//  4. keys, indexes, foreign keys, views and triggers are created on the
//     new table, validating the copied rows;
//  5. the old table is dropped, with its partitions, once nothing uses it.
//
// A row that fits none of the new partitions makes the copy fail, and the
// revision with it: nothing is lost.

// CopyRows moves the rows of a table being recreated into its new copy.
type CopyRows struct {
	From, To schema.QName
	// Columns are the new table's columns filled from Select, the
	// expressions over the old table (a column, or its conversion).
	Columns, Select []string
	// Overriding is set when a column is GENERATED ALWAYS AS IDENTITY.
	Overriding bool
	// Identity are the new table's identity columns: their sequence
	// continues where the old column's did (Carried), or after the largest
	// copied value.
	Identity []CopiedIdentity
	// Lost are the old table's columns the new one does not have.
	Lost []string
	// Converted are the columns whose type changes on the way.
	Converted []string
	// Partitioned: the new table is partitioned, so each row must fit a
	// partition.
	Partitioned bool
}

// CopiedIdentity is an identity column of a recreated table.
type CopiedIdentity struct {
	Column string
	// Carried: the old column was an identity too, and its sequence's
	// position is carried over.
	Carried bool
	// Type and Options are the column's type and its identity sequence's
	// options: an identity not carried continues after the copied values.
	Type    string
	Options schema.SequenceOptions
}

// Describe implements Change.
func (c *CopyRows) Describe() string {
	return "copy the rows of " + c.From.String() + " into the new " + c.To.String()
}

func (c *CopyRows) statements() []Statement {
	var b strings.Builder
	b.WriteString("INSERT INTO " + qname(c.To) + " (" + identList(c.Columns) + ")")
	if c.Overriding {
		b.WriteString(" OVERRIDING SYSTEM VALUE")
	}
	b.WriteString("\nSELECT " + strings.Join(c.Select, ", ") + "\nFROM " + qname(c.From))
	msg := "every row of " + c.To.String() + " is copied into the recreated table under an ACCESS EXCLUSIVE lock"
	if c.Partitioned {
		msg += "; a row no partition accepts makes the revision fail"
	}
	hz := []Hazard{hazard(HazardTableRewrite, msg)}
	if len(c.Lost) > 0 {
		hz = append(hz, hazard(HazardDataLoss, "the values of "+strings.Join(c.Lost, ", ")+" are not copied: the new "+c.To.String()+" has no such columns"))
	}
	if len(c.Converted) > 0 {
		hz = append(hz, hazard(HazardUnsafeCast, "the values of "+strings.Join(c.Converted, ", ")+" are converted to their new types; one that does not convert makes the revision fail"))
	}
	out := one(b.String(), hz...)
	for _, id := range c.Identity {
		newSeq := "pg_get_serial_sequence(" + literal(qname(c.To)) + ", " + literal(id.Column) + ")"
		if id.Carried {
			oldSeq := "pg_get_serial_sequence(" + literal(qname(c.From)) + ", " + literal(id.Column) + ")::regclass"
			out = append(out, one("SELECT setval("+newSeq+", v) FROM pg_sequence_last_value("+oldSeq+") AS v WHERE v IS NOT NULL")...)
			continue
		}
		out = append(out, continueAfter(newSeq+"::regclass", c.To, id.Column, id.Type, id.Options))
	}
	return out
}

// DropCopiedTable drops the old copy of a recreated table once its rows
// are in the new one.
type DropCopiedTable struct{ Name schema.QName }

// Describe implements Change.
func (c *DropCopiedTable) Describe() string { return "drop the old copy " + c.Name.String() }

func (c *DropCopiedTable) statements() []Statement {
	return one("DROP TABLE " + qname(c.Name))
}

// planCopies finds the tables recreated with their rows: kept on both
// sides but recreated (tableGone), and not already inside a recreated
// parent (whose copy carries their rows). Their current partitions are
// members of the copy: dropped with the old table, renamed first when the
// target reuses their names.
func (d *differ) planCopies() {
	for i := range d.from.Tables {
		t := &d.from.Tables[i]
		if !d.tableGone[t.QName] || d.toTables[t.QName] == nil || (t.PartitionOf != nil && d.tableGone[*t.PartitionOf]) {
			continue
		}
		if d.copies == nil {
			d.copies = map[schema.QName]schema.QName{}
			d.copyMember = map[schema.QName]schema.QName{}
		}
		d.copies[t.QName] = d.outOfTheWay(t.QName)
		d.copyMember[t.QName] = d.copies[t.QName]
		for _, p := range d.descendants(t.QName) {
			d.copyMember[p.QName] = p.QName
			if d.toTables[p.QName] != nil {
				d.copyMember[p.QName] = d.outOfTheWay(p.QName)
			}
		}
	}
}

// outOfTheWay picks the name an old table is renamed to: name_migrate_old,
// numbered if taken on either side.
func (d *differ) outOfTheWay(q schema.QName) schema.QName {
	from, to := schemaNames(d.from, q.Schema), d.targetNames(q.Schema)
	for _, n := range d.copyMember {
		from[n.Name] = true
	}
	name := schema.ChooseName(q.Name, "", "migrate_old", func(n string) bool { return from[n] || to[n] })
	return schema.QName{Schema: q.Schema, Name: name}
}

// copyTable emits steps 1, 2, 3 and 5 for recreated table q; the new
// table itself is created like any other.
func (d *differ) copyTable(q schema.QName) {
	old := d.fromTables[q]
	if old.PartitionOf != nil {
		d.add(phDetach, &DetachPartition{Parent: *old.PartitionOf, Table: q})
	}
	tree := append([]*schema.Table{old}, d.descendants(q)...)
	for _, t := range tree {
		for _, k := range t.Constraints {
			switch {
			case k.Type == schema.ForeignKey:
				d.add(phDropFK, &DropConstraint{Table: t.QName, Name: k.Name, Type: k.Type})
			case isKeyConstraint(&k) && k.IndexParent == "":
				d.add(phDropConstraint, &DropConstraint{Table: t.QName, Name: k.Name, Type: k.Type})
			}
		}
		for _, ix := range t.Indexes {
			if ix.Parent == "" {
				d.add(phDropIndex, &DropIndex{Name: schema.QName{Schema: t.Schema, Name: ix.Name}, Cascade: d.attachedKeys(t, ix.Name)})
			}
		}
	}
	// Columns the new table does not have are dropped from the old one
	// first, under their data-loss hazard (PostgreSQL does not let a
	// partitioned table drop a column of its partition key: those are
	// left out of the copy, under the copy's hazard).
	cp := d.copyRows(old, d.toTables[q], d.copies[q])
	var lost []string
	for _, c := range cp.Lost {
		col := strings.TrimPrefix(c, q.String()+".")
		if old.PartitionKey != "" && containsWord(old.PartitionKey, col) {
			lost = append(lost, c)
			continue
		}
		d.add(phDropIndex, &DropColumn{Table: q, Column: col})
	}
	cp.Lost = lost
	for _, t := range tree {
		if to := d.copyMember[t.QName]; to != t.QName {
			d.add(phDropTable, &RenameTable{From: t.QName, To: to})
		}
	}
	d.add(phAlterTable, cp)
	d.add(phDropCopied, &DropCopiedTable{Name: d.copies[q]})
}

// copyRows builds the INSERT ... SELECT from the renamed old table into
// the new one: the columns both have (generated ones are computed again),
// converted where their type changes.
func (d *differ) copyRows(from, to *schema.Table, oldName schema.QName) *CopyRows {
	c := &CopyRows{From: oldName, To: to.QName, Partitioned: to.PartitionKey != ""}
	for _, col := range to.Columns {
		oc := from.Column(col.Name)
		if col.Identity != "" {
			c.Identity = append(c.Identity, CopiedIdentity{Column: col.Name, Carried: oc != nil && oc.Identity != "",
				Type: col.Type, Options: identitySequence(col)})
		}
		if oc == nil || col.Generated != "" {
			continue
		}
		sel := ident(col.Name) // INSERT converts by assignment
		if d.typeChanges(*oc, col) {
			conv := d.convert(*oc, col)
			if conv.kind == convNone {
				// No conversion exists: the new column starts empty.
				c.Lost = append(c.Lost, to.QName.String()+"."+col.Name)
				continue
			}
			if conv.using != "" {
				sel = conv.using
			}
			if !safeWidening(oc.Type, col.Type) {
				c.Converted = append(c.Converted, to.QName.String()+"."+col.Name)
			}
		}
		if col.Identity == "ALWAYS" {
			c.Overriding = true
		}
		c.Columns = append(c.Columns, col.Name)
		c.Select = append(c.Select, sel)
	}
	for _, oc := range from.Columns {
		if to.Column(oc.Name) == nil && oc.Generated == "" {
			c.Lost = append(c.Lost, to.QName.String()+"."+oc.Name)
		}
	}
	return c
}

// schemaNames returns the relation and constraint names of schema sch in
// s, which PostgreSQL's implicit names avoid.
func schemaNames(s *schema.Schema, sch string) map[string]bool {
	m := map[string]bool{}
	for _, t := range s.Tables {
		if t.Schema != sch {
			continue
		}
		m[t.Name] = true
		for _, k := range t.Constraints {
			m[k.Name] = true
		}
		for _, ix := range t.Indexes {
			m[ix.Name] = true
		}
	}
	for _, v := range s.Views {
		if v.Schema == sch {
			m[v.Name] = true
			for _, ix := range v.Indexes {
				m[ix.Name] = true
			}
		}
	}
	for _, q := range s.Sequences {
		if q.Schema == sch {
			m[q.Name] = true
		}
	}
	return m
}
