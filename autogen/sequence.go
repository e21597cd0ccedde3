package autogen

import (
	"strconv"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// CreateSequence is CREATE SEQUENCE with every option spelled out, so the
// result does not depend on defaults.
type CreateSequence struct{ Sequence schema.Sequence }

// Describe implements Change.
func (c *CreateSequence) Describe() string { return "create sequence " + c.Sequence.QName.String() }

func (c *CreateSequence) statements() []Statement {
	s := c.Sequence
	want := seqOpts(s)
	have := defaultSequence(s.Type)
	have.Type = "" // always say AS type: the default is bigint
	base := &have
	if want.Increment < 0 {
		base = nil // descending: other defaults; spell everything out
	}
	opts := seqOptions(want, base, true)
	kw := "CREATE SEQUENCE "
	if s.Unlogged {
		kw = "CREATE UNLOGGED SEQUENCE "
	}
	return one(strings.TrimSpace(kw + qname(s.QName) + " " + strings.Join(opts, " ")))
}

// seqOptions renders the options of want that differ from have (all of
// them when have is nil). withType includes AS type.
func seqOptions(want schema.SequenceOptions, have *schema.SequenceOptions, withType bool) []string {
	var out []string
	i := func(n int64) string { return strconv.FormatInt(n, 10) }
	if withType && want.Type != "" && (have == nil || have.Type != want.Type) {
		out = append(out, "AS "+want.Type)
	}
	if have == nil || have.Increment != want.Increment {
		out = append(out, "INCREMENT BY "+i(want.Increment))
	}
	if have == nil || have.Min != want.Min {
		out = append(out, "MINVALUE "+i(want.Min))
	}
	if have == nil || have.Max != want.Max {
		out = append(out, "MAXVALUE "+i(want.Max))
	}
	if have == nil || have.Start != want.Start {
		out = append(out, "START WITH "+i(want.Start))
	}
	if have == nil || have.Cache != want.Cache {
		out = append(out, "CACHE "+i(want.Cache))
	}
	if have == nil || have.Cycle != want.Cycle {
		if want.Cycle {
			out = append(out, "CYCLE")
		} else {
			out = append(out, "NO CYCLE")
		}
	}
	return out
}

// identityOptions renders an identity column's sequence options that
// differ from what PostgreSQL picks for a new identity of the column's
// type: " (START WITH 100 INCREMENT BY 2)", or "" for the defaults.
func identityOptions(c schema.Column) string {
	if c.IdentitySequence == nil {
		return ""
	}
	have := defaultSequence(c.Type)
	want := *c.IdentitySequence
	want.Type, have.Type = "", ""
	base := &have
	if want.Increment < 0 {
		base = nil // descending: other defaults; spell everything out
	}
	opts := seqOptions(want, base, false)
	if len(opts) == 0 {
		return ""
	}
	return " (" + strings.Join(opts, " ") + ")"
}

// defaultSequence is what CREATE SEQUENCE AS typ gives without options.
func defaultSequence(typ string) schema.SequenceOptions {
	max := int64(9223372036854775807)
	switch typ {
	case "smallint":
		max = 32767
	case "integer":
		max = 2147483647
	}
	return schema.SequenceOptions{Type: typ, Start: 1, Increment: 1, Min: 1, Max: max, Cache: 1}
}

// DropSequence is DROP SEQUENCE.
type DropSequence struct {
	Name schema.QName
	// Carried is set when an identity column continues the sequence's
	// values (serial -> identity): its current value is not lost.
	Carried bool
}

// Describe implements Change.
func (c *DropSequence) Describe() string { return "drop sequence " + c.Name.String() }

func (c *DropSequence) statements() []Statement {
	if c.Carried {
		return one("DROP SEQUENCE " + qname(c.Name))
	}
	return one("DROP SEQUENCE "+qname(c.Name),
		hazard(HazardDataLoss, "the current value of sequence "+c.Name.String()+" is lost"))
}

// AlterSequence is ALTER SEQUENCE with the options that changed.
type AlterSequence struct {
	Name     schema.QName
	From, To schema.SequenceOptions
}

// Describe implements Change.
func (c *AlterSequence) Describe() string { return "alter sequence " + c.Name.String() }

func (c *AlterSequence) statements() []Statement {
	return one("ALTER SEQUENCE " + qname(c.Name) + " " + strings.Join(seqOptions(c.To, &c.From, true), " "))
}

// SetSequenceLogged is ALTER SEQUENCE ... SET LOGGED / SET UNLOGGED.
type SetSequenceLogged struct {
	Name     schema.QName
	Unlogged bool
}

// Describe implements Change.
func (c *SetSequenceLogged) Describe() string {
	if c.Unlogged {
		return "make sequence " + c.Name.String() + " unlogged"
	}
	return "make sequence " + c.Name.String() + " logged"
}

func (c *SetSequenceLogged) statements() []Statement {
	if c.Unlogged {
		return one("ALTER SEQUENCE " + qname(c.Name) + " SET UNLOGGED")
	}
	return one("ALTER SEQUENCE " + qname(c.Name) + " SET LOGGED")
}

// SetSequenceOwner is ALTER SEQUENCE ... OWNED BY table.column (or NONE).
type SetSequenceOwner struct {
	Name    schema.QName
	OwnedBy string // "schema.table.column"; empty for NONE
}

// Describe implements Change.
func (c *SetSequenceOwner) Describe() string {
	if c.OwnedBy == "" {
		return "release sequence " + c.Name.String() + " from its owner column"
	}
	return "make sequence " + c.Name.String() + " owned by " + c.OwnedBy
}

func (c *SetSequenceOwner) statements() []Statement {
	owner := "NONE"
	if c.OwnedBy != "" {
		owner = ownerRef(c.OwnedBy)
	}
	return one("ALTER SEQUENCE " + qname(c.Name) + " OWNED BY " + owner)
}

// ownerRef renders "schema.table.column" as a quoted column reference. The
// model joins the parts with dots; identifiers containing dots are not
// supported here.
func ownerRef(s string) string {
	parts := strings.SplitN(s, ".", 3)
	if len(parts) != 3 {
		return s
	}
	return ident(parts[0]) + "." + ident(parts[1]) + "." + ident(parts[2])
}

func seqOpts(s schema.Sequence) schema.SequenceOptions {
	return schema.SequenceOptions{Type: s.Type, Start: s.Start, Increment: s.Increment,
		Min: s.Min, Max: s.Max, Cache: s.Cache, Cycle: s.Cycle}
}

func (d *differ) sequences() {
	from := map[schema.QName]*schema.Sequence{}
	for i := range d.from.Sequences {
		from[d.from.Sequences[i].QName] = &d.from.Sequences[i]
	}
	to := map[schema.QName]bool{}
	for _, s := range d.to.Sequences {
		to[s.QName] = true
		on := "SEQUENCE " + qname(s.QName)
		old := from[s.QName]
		if old != nil && old.OwnedBy != "" && d.ownerGone(old.OwnedBy) && old.OwnedBy == s.OwnedBy {
			// The owning column is dropped (or its table recreated), which
			// would take the sequence with it: release it first.
			d.add(phRename, &SetSequenceOwner{Name: s.QName})
			cp := *old
			cp.OwnedBy = ""
			old = &cp
		}
		if old == nil {
			if !d.handoff[s.QName] { // else created by the column's IdentityToSequence
				d.add(phCreateSequence, &CreateSequence{Sequence: s})
			}
			if s.OwnedBy != "" {
				d.add(phSequenceOwner, &SetSequenceOwner{Name: s.QName, OwnedBy: s.OwnedBy})
			}
			d.continueCreatedSequence(s)
			d.comment(func() string { return on }, "", s.Comment)
			d.grants(func() string { return on }, nil, s.Grants)
			continue
		}
		if a, b := seqOpts(*old), seqOpts(s); a != b {
			d.add(phCreateSequence, &AlterSequence{Name: s.QName, From: a, To: b})
		}
		if old.Unlogged != s.Unlogged {
			d.add(phCreateSequence, &SetSequenceLogged{Name: s.QName, Unlogged: s.Unlogged})
		}
		if old.OwnedBy != s.OwnedBy {
			if old.OwnedBy != "" {
				d.add(phRename, &SetSequenceOwner{Name: s.QName})
			}
			if s.OwnedBy != "" {
				d.add(phSequenceOwner, &SetSequenceOwner{Name: s.QName, OwnedBy: s.OwnedBy})
			}
		}
		d.comment(func() string { return on }, old.Comment, s.Comment)
		d.grants(func() string { return on }, old.Grants, s.Grants)
	}
	for _, s := range d.from.Sequences {
		if to[s.QName] {
			continue
		}
		if s.OwnedBy != "" && d.ownerGone(s.OwnedBy) {
			if !d.sequenceUsedElsewhere(s) {
				continue // dropped with its owning table or column
			}
			// Another column's default still uses it until the
			// alterations run: dropping the owner would fail to take the
			// sequence along. Release it, drop it last.
			d.add(phRename, &SetSequenceOwner{Name: s.QName})
		}
		d.add(phDropSequence, &DropSequence{Name: s.QName, Carried: d.carried[qname(s.QName)]})
	}
}

// ownerGone reports whether the column "schema.table.column" disappears in
// this diff (dropped, or its table dropped or recreated).
func (d *differ) ownerGone(owner string) bool {
	parts := strings.SplitN(owner, ".", 3)
	if len(parts) != 3 {
		return false
	}
	q := schema.QName{Schema: parts[0], Name: parts[1]}
	if d.tableGone[q] {
		return true
	}
	t := d.toTables[q]
	return t == nil || t.Column(parts[2]) == nil || d.columnRecreated[q][parts[2]]
}

// sequenceUsedElsewhere reports whether a column default of the current
// schema other than the sequence's owner calls it (nextval('seq')).
func (d *differ) sequenceUsedElsewhere(s schema.Sequence) bool {
	ref := "'" + qname(s.QName) + "'"
	for _, t := range d.from.Tables {
		for _, c := range t.Columns {
			if t.Schema+"."+t.Name+"."+c.Name == s.OwnedBy {
				continue
			}
			if strings.Contains(c.Default, ref) {
				return true
			}
		}
	}
	return false
}
