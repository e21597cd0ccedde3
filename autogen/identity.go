package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// Identity and serial columns both draw their values from a sequence:
// turning one into the other must carry the counter over, or the next row
// gets a value the table already holds. An identity's sequence is dropped
// with the identity, so its last value is copied to the new sequence
// first; a serial's sequence outlives the conversion long enough to copy
// its value to the new identity.

// IdentityToSequence drops a column's identity in favour of a sequence the
// plan creates (identity -> serial), keeping the counter: the sequence is
// created (under a temporary name when the identity's own sequence holds
// its name), set to the identity's last value, and renamed once the
// identity is gone.
type IdentityToSequence struct {
	Table    schema.QName
	Column   string
	Sequence schema.Sequence
	// TempName is the name the sequence is created under until the
	// identity's sequence is dropped; empty when it can take its own.
	TempName string
}

// Describe implements Change.
func (c *IdentityToSequence) Describe() string {
	return "drop identity of " + c.Table.String() + "." + c.Column + ", continuing its values with sequence " + c.Sequence.QName.String()
}

func (c *IdentityToSequence) statements() []Statement {
	seq := c.Sequence
	if c.TempName != "" {
		seq.QName.Name = c.TempName
	}
	out := (&CreateSequence{Sequence: seq}).statements()
	out = append(out, Statement{SQL: "SELECT setval(" + literal(qname(seq.QName)) + "::regclass, last_value) FROM pg_sequence_last_value(" +
		serialSequence(c.Table, c.Column) + ") AS last_value WHERE last_value IS NOT NULL"})
	out = append(out, Statement{SQL: "ALTER TABLE " + qname(c.Table) + " ALTER COLUMN " + ident(c.Column) + " DROP IDENTITY"})
	if c.TempName != "" {
		out = append(out, Statement{SQL: "ALTER SEQUENCE " + qname(seq.QName) + " RENAME TO " + ident(c.Sequence.Name)})
	}
	return out
}

// SetIdentityValue continues a new identity where the sequence the column
// used before (serial -> identity) stopped, or, on a column that had no
// sequence, after the largest value it holds: the next row must not get
// a value the table already has.
type SetIdentityValue struct {
	Table  schema.QName
	Column string
	// From is the sequence the column's default called, as the regclass
	// literal names it (public.t_id_seq); empty to continue after the
	// values the column holds (see continueAfter).
	From string
	// ColumnType and Options are the column's type and its identity
	// sequence's options, used when From is empty.
	ColumnType string
	Options    schema.SequenceOptions
}

// Describe implements Change.
func (c *SetIdentityValue) Describe() string {
	if c.From == "" {
		return "continue the identity of " + c.Table.String() + "." + c.Column + " after its largest value"
	}
	return "continue the identity of " + c.Table.String() + "." + c.Column + " from sequence " + c.From
}

func (c *SetIdentityValue) statements() []Statement {
	if c.From == "" {
		return []Statement{continueAfter(serialSequence(c.Table, c.Column), c.Table, c.Column, c.ColumnType, c.Options)}
	}
	return one("SELECT setval(" + serialSequence(c.Table, c.Column) + ", last_value, is_called) FROM " + c.From)
}

// serialSequence is the expression naming the sequence of an identity
// column (pg_get_serial_sequence), as a regclass.
func serialSequence(t schema.QName, col string) string {
	return "pg_get_serial_sequence(" + literal(qname(t)) + ", " + literal(col) + ")::regclass"
}

// nextvalSequence returns the sequence a default calls as nextval('seq'),
// in the form the catalog prints inside the literal (schema.name, quoted
// where needed), or "".
func nextvalSequence(def string) string {
	rest, ok := strings.CutPrefix(def, "nextval('")
	if !ok {
		return ""
	}
	lit, ok := strings.CutSuffix(rest, "'::regclass)")
	if !ok || strings.Contains(strings.ReplaceAll(lit, "''", ""), "'") {
		return ""
	}
	return strings.ReplaceAll(lit, "''", "'")
}

// identityHandoffs records the sequences this diff creates to take over
// from an identity column (identity -> serial): they are created by the
// column's IdentityToSequence, not by the sequence diff; and the sequences
// whose value a new identity continues (serial -> identity), which lose
// nothing when they are dropped.
func (d *differ) identityHandoffs() {
	for i := range d.from.Tables {
		t := &d.from.Tables[i]
		nt := d.toTables[t.QName]
		if nt == nil || d.tableGone[t.QName] {
			continue
		}
		for _, old := range t.Columns {
			col := nt.Column(old.Name)
			if col == nil || old.Identity == "" || col.Identity != "" || d.columnRecreated[t.QName][old.Name] {
				continue
			}
			if s := d.newSequenceCalled(col.Default); s != nil {
				d.handoff[s.QName] = true
			}
		}
		for _, old := range t.Columns {
			col := nt.Column(old.Name)
			if col != nil && old.Identity == "" && col.Identity != "" && !d.columnRecreated[t.QName][old.Name] {
				if seq := nextvalSequence(old.Default); seq != "" {
					d.carried[seq] = true
				}
			}
		}
	}
}

// newSequenceCalled returns the sequence of the target that default def
// calls with nextval and that the current schema does not have.
func (d *differ) newSequenceCalled(def string) *schema.Sequence {
	name := nextvalSequence(def)
	if name == "" {
		return nil
	}
	for i := range d.to.Sequences {
		s := &d.to.Sequences[i]
		if qname(s.QName) == name && !d.hasSequence(d.from, s.QName) {
			return s
		}
	}
	return nil
}

func (d *differ) hasSequence(s *schema.Schema, q schema.QName) bool {
	for i := range s.Sequences {
		if s.Sequences[i].QName == q {
			return true
		}
	}
	return false
}

// dropIdentity emits the removal of a column's identity: carried over to
// the sequence that replaces it, or plainly dropped.
func (d *differ) dropIdentity(q schema.QName, old, col schema.Column) {
	if s := d.newSequenceCalled(col.Default); s != nil && d.handoff[s.QName] {
		c := &IdentityToSequence{Table: q, Column: col.Name, Sequence: *s}
		if s.Name == q.Name+"_"+col.Name+"_seq" {
			// The identity's own sequence has that name (how serial
			// names it): create the new one aside, rename it after.
			c.TempName = withSuffix(s.Name, "__new")
		}
		d.add(phReleaseColumn, c)
		return
	}
	ph := phAlterTable
	if d.createsSequence(schema.QName{Schema: q.Schema, Name: q.Name + "_" + col.Name + "_seq"}) {
		// The identity's own sequence has that name (serial spelling
		// of the same column): it must go before CREATE SEQUENCE.
		ph = phReleaseColumn
	}
	d.add(ph, &AlterIdentity{Table: q, Column: col.Name, From: old, To: col})
}

// releaseSerialSequence releases the sequence a serial column owns before
// the column becomes an identity: pg_get_serial_sequence must then find
// the identity's sequence, not the old one (dropped later, or kept).
func (d *differ) releaseSerialSequence(q schema.QName, col, seq string) {
	for _, s := range d.from.Sequences {
		if qname(s.QName) == seq && s.OwnedBy == q.Schema+"."+q.Name+"."+col {
			d.add(phAlterTable, &SetSequenceOwner{Name: s.QName})
			return
		}
	}
}

// identitySequence returns the options of an identity column's sequence:
// its own, or what PostgreSQL gives an identity of the column's type.
func identitySequence(c schema.Column) schema.SequenceOptions {
	if c.IdentitySequence != nil {
		return *c.IdentitySequence
	}
	return defaultSequence(c.Type)
}
