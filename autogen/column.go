package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// columnDef renders a column as in CREATE TABLE / ADD COLUMN.
func columnDef(c schema.Column) string {
	s := ident(c.Name) + " " + c.Type
	if c.Collation != "" {
		s += " COLLATE " + collation(c.Collation)
	}
	switch {
	case c.Generated != "":
		s += " GENERATED ALWAYS AS (" + c.Generated + ") STORED"
	case c.Identity != "":
		s += " GENERATED " + c.Identity + " AS IDENTITY" + identityOptions(c)
	case c.Default != "":
		s += " DEFAULT " + c.Default
	}
	if c.NotNull {
		s += " NOT NULL"
	}
	return s
}

// AddColumn is ALTER TABLE ... ADD COLUMN.
type AddColumn struct {
	Table  schema.QName
	Column schema.Column
}

// Describe implements Change.
func (c *AddColumn) Describe() string { return "add column " + c.Table.String() + "." + c.Column.Name }

func (c *AddColumn) statements() []Statement {
	col := c.Column
	var hz []Hazard
	where := c.Table.String() + "." + col.Name
	switch {
	case col.Generated != "":
		hz = append(hz, hazard(HazardTableRewrite, "a stored generated column "+where+" is computed for every row, rewriting the table"))
	case col.Identity != "":
		hz = append(hz, hazard(HazardTableRewrite, "an identity column "+where+" is filled for every row, rewriting the table"))
	case col.Default != "" && volatile(col.Default):
		hz = append(hz, hazard(HazardTableRewrite, "the default of "+where+" is volatile: every row is rewritten"))
	case col.NotNull && col.Default == "":
		hz = append(hz, hazard(HazardFullScan, "NOT NULL without a default: fails if "+c.Table.String()+" has rows"))
	}
	return one("ALTER TABLE "+qname(c.Table)+" ADD COLUMN "+columnDef(col), hz...)
}

// volatile guesses whether a default expression is volatile (and so cannot
// use PostgreSQL 11's fast column default): it calls a function known to be
// volatile.
func volatile(expr string) bool {
	for _, f := range []string{"nextval(", "random(", "gen_random_uuid(", "uuid_generate_", "clock_timestamp(", "timeofday("} {
		if strings.Contains(expr, f) {
			return true
		}
	}
	return false
}

// DropColumn is ALTER TABLE ... DROP COLUMN.
type DropColumn struct {
	Table  schema.QName
	Column string
	// Recreate, when set, says why the column is dropped to be added again
	// (its type cannot be converted in place).
	Recreate string
	// Only drops the column of the inheritance parent alone (ALTER TABLE
	// ONLY): the children keep theirs, as their own.
	Only bool
}

// Describe implements Change.
func (c *DropColumn) Describe() string {
	if c.Recreate != "" {
		return "drop column " + c.Table.String() + "." + c.Column + " to add it again (" + c.Recreate + ")"
	}
	return "drop column " + c.Table.String() + "." + c.Column
}

func (c *DropColumn) statements() []Statement {
	where := c.Table.String() + "." + c.Column
	msg := "dropping column " + where + " deletes its data"
	if c.Recreate != "" {
		msg = "column " + where + " is dropped and added again, deleting its data: " + c.Recreate +
			" (to keep the values, replace these statements with ALTER COLUMN ... TYPE ... USING an expression of your own)"
	}
	only := ""
	if c.Only {
		only = "ONLY "
	}
	return one("ALTER TABLE "+only+qname(c.Table)+" DROP COLUMN "+ident(c.Column), hazard(HazardDataLoss, msg))
}

// AlterColumnType is ALTER TABLE ... ALTER COLUMN ... TYPE [USING]. USING
// is written only where PostgreSQL has no assignment conversion, and casts
// to the type without modifiers, so that a value too long for the new
// type is an error rather than cut (see convert.go).
type AlterColumnType struct {
	Table    schema.QName
	Column   string
	From, To schema.Column
	// Using is the conversion expression; empty when PostgreSQL converts
	// the values as it would on assignment.
	Using string
	// Guard, when set, is a statement that runs first and stops the
	// revision when the conversion would change a value without an error
	// (rounding to a smaller scale, for instance).
	Guard string
	// Recreated is set when the column keeps its type name but the type
	// itself was recreated (enum values removed or reordered).
	Recreated bool

	conv conversion
	// removed checks, before a revision outside a transaction changes
	// anything, that no row holds a value the recreated enum drops.
	removed *enumGuard
}

// Describe implements Change.
func (c *AlterColumnType) Describe() string {
	return "change type of " + c.Table.String() + "." + c.Column + " from " + c.From.Type + " to " + c.To.Type
}

func (c *AlterColumnType) statements() []Statement {
	s := "ALTER TABLE " + qname(c.Table) + " ALTER COLUMN " + ident(c.Column) + " TYPE " + c.To.Type
	if c.To.Collation != "" {
		s += " COLLATE " + collation(c.To.Collation)
	}
	if c.Using != "" {
		s += " USING " + c.Using
	}
	where := c.Table.String() + "." + c.Column
	var out []Statement
	if c.Guard != "" {
		out = append(out, Statement{SQL: c.Guard, Hazards: []Hazard{hazard(HazardFullScan,
			"this guard reads every row of "+c.Table.String()+" and stops the revision if converting "+where+
				" from "+c.From.Type+" to "+c.To.Type+" would change a value")}})
	}
	var hz []Hazard
	switch {
	case c.Recreated && c.conv.dst.enum:
		hz = append(hz, hazard(HazardUnsafeCast, "values of "+where+" are converted to the recreated type "+c.To.Type+"; rows holding a removed value make this fail"),
			hazard(HazardTableRewrite, "converting "+where+" rewrites "+c.Table.String()))
	case c.Recreated:
		hz = append(hz, hazard(HazardUnsafeCast, "values of "+where+" are converted to the recreated domain "+c.To.Type+"; a value it does not accept makes this fail"),
			hazard(HazardTableRewrite, "converting "+where+" rewrites "+c.Table.String()))
	case c.From.Type == c.To.Type:
		// collation only: no rewrite, but indexes on the column are rebuilt
		hz = append(hz, hazard(HazardAccessExclusive, "changing the collation of "+where+" rebuilds its indexes under an ACCESS EXCLUSIVE lock"))
	case binaryCoercible(c.From.Type, c.To.Type):
		hz = append(hz, hazard(HazardAccessExclusive, "changing the type of "+where+" takes an ACCESS EXCLUSIVE lock (no rewrite)"))
	default:
		hz = append(hz, hazard(HazardTableRewrite, "changing the type of "+where+" from "+c.From.Type+" to "+c.To.Type+" rewrites "+c.Table.String()+" and its indexes"))
		if risk := c.conv.risk(where, c.From.Type, c.To.Type); risk != "" {
			hz = append(hz, hazard(HazardUnsafeCast, risk))
		}
	}
	return append(out, Statement{SQL: s, Hazards: hz})
}

// SetColumnDefault is ALTER TABLE ... ALTER COLUMN ... SET DEFAULT / DROP
// DEFAULT.
type SetColumnDefault struct {
	Table   schema.QName
	Column  string
	Default string // empty drops the default
}

// Describe implements Change.
func (c *SetColumnDefault) Describe() string {
	if c.Default == "" {
		return "drop default of " + c.Table.String() + "." + c.Column
	}
	return "set default of " + c.Table.String() + "." + c.Column
}

func (c *SetColumnDefault) statements() []Statement {
	s := "ALTER TABLE " + qname(c.Table) + " ALTER COLUMN " + ident(c.Column)
	if c.Default == "" {
		return one(s + " DROP DEFAULT")
	}
	return one(s + " SET DEFAULT " + c.Default)
}

// SetColumnNotNull is ALTER TABLE ... ALTER COLUMN ... SET/DROP NOT NULL.
type SetColumnNotNull struct {
	Table   schema.QName
	Column  string
	NotNull bool
}

// Describe implements Change.
func (c *SetColumnNotNull) Describe() string {
	if c.NotNull {
		return "set not null on " + c.Table.String() + "." + c.Column
	}
	return "drop not null on " + c.Table.String() + "." + c.Column
}

func (c *SetColumnNotNull) statements() []Statement {
	s := "ALTER TABLE " + qname(c.Table) + " ALTER COLUMN " + ident(c.Column)
	if !c.NotNull {
		return one(s + " DROP NOT NULL")
	}
	return one(s+" SET NOT NULL",
		hazard(HazardFullScan, "SET NOT NULL scans every row of "+c.Table.String()+" under an ACCESS EXCLUSIVE lock and fails if one is null"))
}

// AlterIdentity adds, changes or drops a column's identity.
type AlterIdentity struct {
	Table    schema.QName
	Column   string
	From, To schema.Column // Identity and IdentitySequence are used
}

// Describe implements Change.
func (c *AlterIdentity) Describe() string {
	where := c.Table.String() + "." + c.Column
	switch {
	case c.From.Identity == "":
		return "add identity to " + where
	case c.To.Identity == "":
		return "drop identity of " + where
	default:
		return "alter identity of " + where
	}
}

func (c *AlterIdentity) statements() []Statement {
	s := "ALTER TABLE " + qname(c.Table) + " ALTER COLUMN " + ident(c.Column)
	switch {
	case c.From.Identity == "":
		s += " ADD GENERATED " + c.To.Identity + " AS IDENTITY" + identityOptions(c.To)
		return one(s)
	case c.To.Identity == "":
		return one(s+" DROP IDENTITY", hazard(HazardDataLoss,
			"the counter of the identity of "+c.Table.String()+"."+c.Column+" is lost with its sequence"))
	}
	var parts []string
	if c.From.Identity != c.To.Identity {
		parts = append(parts, "SET GENERATED "+c.To.Identity)
	}
	if c.To.IdentitySequence != nil {
		for _, o := range seqOptions(*c.To.IdentitySequence, c.From.IdentitySequence, false) {
			parts = append(parts, "SET "+o)
		}
	}
	return one(s + " " + strings.Join(parts, " "))
}

// generatedChanged reports whether a column must be dropped and added
// again: PostgreSQL 15 cannot change a generation expression in place nor
// turn a column into a generated one or back.
func (d *differ) generatedChanged(a, b schema.Column) bool {
	if a.Generated == "" || b.Generated == "" {
		return a.Generated != b.Generated
	}
	return !d.exprEqual(a.Generated, b.Generated)
}

func (d *differ) alterColumns(from, t *schema.Table) {
	q := t.QName
	for _, col := range from.Columns {
		if t.Column(col.Name) == nil && !d.propagated(t, col.Name, "drop") {
			d.add(phAlterTable, &DropColumn{Table: q, Column: col.Name, Only: d.dropsOnly(from, t, col.Name)})
		}
	}
	// Recreated (generated) columns are dropped before and added after the
	// other changes: a column they read may change type in between, which
	// PostgreSQL refuses while they exist.
	recreated := d.columnRecreated[q]
	for _, col := range t.Columns {
		if recreated[col.Name] && from.Column(col.Name) != nil && !d.propagated(t, col.Name, "recreate") {
			d.add(phAlterTable, &DropColumn{Table: q, Column: col.Name, Recreate: d.recreateWhy[q][col.Name]})
		}
	}
	for _, col := range t.Columns {
		old := from.Column(col.Name)
		if old == nil {
			switch {
			case !d.propagated(t, col.Name, "add"):
				d.childrenFirst(t, col.Name)
				d.add(phAlterTable, &AddColumn{Table: q, Column: col})
			case col.Inherited:
				// Added by the parent's ADD COLUMN: apply what differs
				// from the parent's column.
				if pc := d.parentColumn(t, col.Name); pc != nil {
					d.inheritedColumn(q, *pc, col)
				}
			} // else added by the parent's processing, before the parent's (childrenFirst)
			continue
		}
		if !recreated[col.Name] {
			d.alterColumn(t, *old, col)
		}
	}
	for _, col := range t.Columns {
		if recreated[col.Name] && from.Column(col.Name) != nil && !d.propagated(t, col.Name, "recreate") {
			d.add(phAlterTable, &AddColumn{Table: q, Column: col})
		}
	}
}

// propagated reports whether a change of a child table's column is done
// by PostgreSQL when the same change is applied to a parent (ADD/DROP
// COLUMN, TYPE, SET/DROP DEFAULT, SET/DROP NOT NULL recurse to partitions
// and inheritance children). Only a child linked to the parent on both
// sides gets it: a table attached (or re-attached with a new bound) in
// this diff is attached after the parent changed, and must match the
// parent's columns by itself.
func (d *differ) propagated(t *schema.Table, col, what string) bool {
	from := d.fromTables[t.QName]
	for _, parent := range d.parents(t, d.toTables) {
		if d.tableNew[parent.QName] || from == nil || !stillLinked(from, t, parent.QName) {
			continue
		}
		if what == "drop" && (d.dropsOnly(d.fromTables[parent.QName], parent, col) || !from.Column(col).Inherited) {
			continue // the parent drops its own column alone, or the child's is its own too
		}
		if fromParent := d.fromTables[parent.QName]; fromParent != nil && d.propagatedFrom(parent, fromParent, col, what) {
			return true
		}
	}
	return false
}

// stillLinked reports whether t (from on the current side) is a partition
// or inheritance child of parent on both sides, with the same bound.
func stillLinked(from, t *schema.Table, parent schema.QName) bool {
	if t.PartitionOf != nil && *t.PartitionOf == parent {
		return from.PartitionOf != nil && *from.PartitionOf == parent && from.PartitionBound == t.PartitionBound
	}
	return slices.Contains(from.Inherits, parent) && slices.Contains(t.Inherits, parent)
}

func (d *differ) propagatedFrom(parent, fromParent *schema.Table, col, what string) bool {
	pNew, pOld := parent.Column(col), fromParent.Column(col)
	switch what {
	case "add":
		return pNew != nil && pOld == nil
	case "drop":
		return pNew == nil && pOld != nil
	}
	if pNew == nil || pOld == nil {
		return false
	}
	switch what {
	case "recreate":
		return d.columnRecreated[parent.QName][col]
	case "type":
		return pNew.Type != pOld.Type || pNew.Collation != pOld.Collation
	case "default":
		return pNew.Default != pOld.Default
	case "notnull":
		return pNew.NotNull != pOld.NotNull
	}
	return false
}

// alterColumn emits the changes of one kept column in the order PostgreSQL
// needs: identity and a default that cannot survive a type change go
// first, then the type, the default, NOT NULL, and identity last (it needs
// NOT NULL and no default).
func (d *differ) alterColumn(t *schema.Table, old, col schema.Column) {
	q := t.QName
	typeChange := d.typeChanges(old, col) && !d.propagated(t, col.Name, "type")
	defaultChange := !d.exprEqual(old.Default, col.Default) && !d.propagated(t, col.Name, "default")
	curDefault := old.Default
	if old.Identity != "" && col.Identity == "" {
		d.dropIdentity(q, old, col)
	}
	if curDefault != "" && d.callsRecreatedFunction(curDefault) {
		// The default calls a function dropped and created again: release
		// it before the drop, set the target's afterwards.
		d.add(phReleaseColumn, &SetColumnDefault{Table: q, Column: col.Name})
		curDefault = ""
		defaultChange = col.Default != ""
	}
	if typeChange && curDefault != "" {
		// The old default may not cast to the new type (or names the
		// recreated type): drop it and set the target's afterwards.
		d.add(phAlterTable, &SetColumnDefault{Table: q, Column: col.Name})
		curDefault = ""
		defaultChange = col.Default != ""
	}
	if typeChange {
		conv := d.convert(old, col)
		ch := &AlterColumnType{Table: q, Column: col.Name, From: old, To: col, Using: conv.using, conv: conv,
			Recreated: old.Type == col.Type && old.Collation == col.Collation}
		if conv.lossy {
			ch.Guard = guardSQL(q, col.Name, conv)
		}
		if ch.Recreated && conv.dst.enum {
			ch.removed = d.newEnumGuard(q, col.Name, conv)
		}
		d.add(phAlterTable, ch)
	}
	if defaultChange {
		d.add(phAlterTable, &SetColumnDefault{Table: q, Column: col.Name, Default: col.Default})
	}
	if old.NotNull != col.NotNull && !d.propagated(t, col.Name, "notnull") {
		d.add(phAlterTable, &SetColumnNotNull{Table: q, Column: col.Name, NotNull: col.NotNull})
	}
	switch {
	case old.Identity == "" && col.Identity != "":
		seq := nextvalSequence(old.Default)
		if seq != "" {
			d.releaseSerialSequence(q, col.Name, seq)
		}
		d.add(phAlterTable, &AlterIdentity{Table: q, Column: col.Name, From: old, To: col})
		if seq != "" {
			// serial -> identity: continue where the sequence stopped
			d.add(phAlterTable, &SetIdentityValue{Table: q, Column: col.Name, From: seq})
		} else {
			// past the values the column already holds
			d.add(phAlterTable, &SetIdentityValue{Table: q, Column: col.Name, ColumnType: col.Type, Options: identitySequence(col)})
		}
	case old.Identity != "" && col.Identity != "" && identityChanged(old, col):
		d.add(phAlterTable, &AlterIdentity{Table: q, Column: col.Name, From: old, To: col})
	}
}

// createsSequence reports whether the diff creates sequence q.
func (d *differ) createsSequence(q schema.QName) bool {
	for _, s := range d.to.Sequences {
		if s.QName == q {
			return !slices.ContainsFunc(d.from.Sequences, func(f schema.Sequence) bool { return f.QName == q })
		}
	}
	return false
}

func identityChanged(a, b schema.Column) bool {
	if a.Identity != b.Identity {
		return true
	}
	if a.IdentitySequence == nil || b.IdentitySequence == nil {
		return false
	}
	x, y := *a.IdentitySequence, *b.IdentitySequence
	x.Type, y.Type = "", "" // follows the column type
	return x != y
}

// inheritedColumn emits what a new child table's inherited column needs
// beyond what it gets from its parent: its own default and NOT NULL.
func (d *differ) inheritedColumn(q schema.QName, parentCol, col schema.Column) {
	if !d.exprEqual(parentCol.Default, col.Default) && col.Identity == "" && col.Generated == "" {
		d.add(phAlterTable, &SetColumnDefault{Table: q, Column: col.Name, Default: col.Default})
	}
	if col.NotNull && !parentCol.NotNull {
		d.add(phAlterTable, &SetColumnNotNull{Table: q, Column: col.Name, NotNull: true})
	}
}

func (d *differ) isEnum(q schema.QName) bool {
	if q == (schema.QName{}) {
		return false
	}
	for _, s := range []*schema.Schema{d.from, d.to} {
		for i := range s.Enums {
			if s.Enums[i].QName == q {
				return true
			}
		}
	}
	return false
}
