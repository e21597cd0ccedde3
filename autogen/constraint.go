package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// AddConstraint is ALTER TABLE ... ADD CONSTRAINT.
type AddConstraint struct {
	Table      schema.QName
	Constraint schema.Constraint
	// NotValid renders NOT VALID (a VALIDATE CONSTRAINT follows).
	NotValid bool
	// NewTable is set when the table is created by the same plan: no
	// locking hazards then.
	NewTable bool
	// Only adds the constraint to the partitioned table alone (ALTER
	// TABLE ONLY): its index is invalid until the partitions' are attached.
	Only bool
}

// Describe implements Change.
func (c *AddConstraint) Describe() string {
	return "add " + strings.ToLower(string(c.Constraint.Type)) + " constraint " + c.Constraint.Name + " on " + c.Table.String()
}

func (c *AddConstraint) statements() []Statement {
	k := c.Constraint
	only := ""
	if c.Only {
		only = "ONLY "
	}
	s := "ALTER TABLE " + only + qname(c.Table) + " ADD CONSTRAINT " + ident(k.Name) + " " + k.Definition
	notValid := strings.HasSuffix(k.Definition, " NOT VALID")
	if c.NotValid && !notValid {
		s += " NOT VALID"
		notValid = true
	}
	var hz []Hazard
	if !c.NewTable && !c.Only {
		switch k.Type {
		case schema.PrimaryKey, schema.Unique, schema.Exclusion:
			hz = append(hz, hazard(HazardIndexBuild, "the index of "+k.Name+" is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on "+c.Table.String()))
		case schema.ForeignKey, schema.Check:
			if !notValid {
				hz = append(hz, hazard(HazardFullScan, "validating "+k.Name+" scans every row of "+c.Table.String()+" while blocking writes (use not-valid constraints to avoid it)"))
			}
		}
	}
	return one(s, hz...)
}

// DropConstraint is ALTER TABLE ... DROP CONSTRAINT.
type DropConstraint struct {
	Table schema.QName
	Name  string
	Type  schema.ConstraintType
}

// Describe implements Change.
func (c *DropConstraint) Describe() string {
	return "drop constraint " + c.Name + " on " + c.Table.String()
}

func (c *DropConstraint) statements() []Statement {
	return one("ALTER TABLE " + qname(c.Table) + " DROP CONSTRAINT " + ident(c.Name))
}

// ValidateConstraint is ALTER TABLE ... VALIDATE CONSTRAINT.
type ValidateConstraint struct {
	Table schema.QName
	Name  string
}

// Describe implements Change.
func (c *ValidateConstraint) Describe() string {
	return "validate constraint " + c.Name + " on " + c.Table.String()
}

func (c *ValidateConstraint) statements() []Statement {
	return one("ALTER TABLE "+qname(c.Table)+" VALIDATE CONSTRAINT "+ident(c.Name),
		hazard(HazardFullScan, "validation scans "+c.Table.String()+" with a SHARE UPDATE EXCLUSIVE lock (writes continue)"))
}

// RenameConstraint is ALTER TABLE ... RENAME CONSTRAINT, used when a
// constraint keeps its definition under a new name (a renamed table's
// implicit names); it carries no data, so this is not a guessed rename.
type RenameConstraint struct {
	Table    schema.QName
	From, To string
}

// Describe implements Change.
func (c *RenameConstraint) Describe() string {
	return "rename constraint " + c.From + " on " + c.Table.String() + " to " + c.To
}

func (c *RenameConstraint) statements() []Statement {
	return one("ALTER TABLE " + qname(c.Table) + " RENAME CONSTRAINT " + ident(c.From) + " TO " + ident(c.To))
}

// constraintBody is a definition without the NOT VALID marker.
func constraintBody(def string) string { return strings.TrimSuffix(def, " NOT VALID") }

// constraintChanged reports whether the from-side constraint k of table
// from must be dropped: gone from the target, redefined, or forced out by
// what it depends on (a referenced key or table going away, a column
// recreated).
func (d *differ) constraintChanged(from, to *schema.Table, k *schema.Constraint) bool {
	if to == nil || d.tableGone[from.QName] {
		return true
	}
	nk := findConstraint(to.Constraints, k.Name)
	if nk == nil || nk.Type != k.Type || d.keyRecreated(from.QName, k.Name) || d.keyParentGone(from, to, k.IndexParent) {
		return true
	}
	if !d.constraintEqual(constraintBody(k.Definition), constraintBody(nk.Definition)) {
		return true
	}
	if isNotValid(*nk) && !isNotValid(*k) {
		return true // cannot un-validate: re-add NOT VALID
	}
	return d.constraintForced(from.QName, k)
}

// constraintForced reports whether a constraint that keeps its definition
// must still be dropped and added again: it uses a recreated column, or it
// is a foreign key whose referenced table or key goes away.
func (d *differ) constraintForced(q schema.QName, k *schema.Constraint) bool {
	if d.mentionsRecreatedColumn(q, k.Columns, k.Definition) || d.callsRecreatedFunction(k.Definition) ||
		d.mentionsRecreatedType(k.Definition) || d.foreignKeyOnRecreatedType(q, k) {
		return true
	}
	return k.Type == schema.ForeignKey && d.foreignKeyForced(k)
}

func isNotValid(k schema.Constraint) bool {
	return k.NotValid || strings.HasSuffix(k.Definition, " NOT VALID")
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

// mentionsRecreatedColumn reports whether an object on table q uses a
// column that is dropped and added again (and so loses the object).
func (d *differ) mentionsRecreatedColumn(q schema.QName, cols []string, def string) bool {
	rc := d.columnRecreated[q]
	if len(rc) == 0 {
		return false
	}
	for _, c := range cols {
		if rc[c] {
			return true
		}
	}
	for c := range rc {
		if containsWord(def, c) {
			return true
		}
	}
	return false
}

// callsRecreatedFunction reports whether an expression, as the catalog
// prints it (functions outside pg_catalog schema-qualified), calls a
// function this diff drops and creates again: PostgreSQL refuses to drop a
// function that a check, an index, a default or a policy still uses, so
// those go first and come back after.
func (d *differ) callsRecreatedFunction(def string) bool {
	if len(d.funcRecreated) == 0 || def == "" {
		return false
	}
	for sig := range d.funcRecreated {
		if q := funcNameOfSig(sig); q.Name != "" && strings.Contains(def, q.Qualified()+"(") {
			return true
		}
	}
	return false
}

// mentionsTouchedColumn reports whether an expression of table q names a
// column whose type changes or that is dropped: policies and trigger
// conditions block ALTER COLUMN TYPE, so they are dropped and re-created
// around it.
func (d *differ) mentionsTouchedColumn(q schema.QName, def string) bool {
	for c := range d.colTouched[q] {
		if containsWord(def, c) {
			return true
		}
	}
	return false
}

// containsWord reports whether s contains w as an identifier token
// (conservative: a false positive only recreates an object).
func containsWord(s, w string) bool {
	for i := strings.Index(s, w); i >= 0; {
		end := i + len(w)
		if (i == 0 || !identChar(s[i-1])) && (end == len(s) || !identChar(s[end])) {
			return true
		}
		j := strings.Index(s[end:], w)
		if j < 0 {
			return false
		}
		i = end + j
	}
	return false
}

func identChar(c byte) bool {
	return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

func (d *differ) alterConstraints(from, t *schema.Table) {
	q := t.QName
	fv := d.fromView(from, t)
	have := d.derivedFrom(fv, t).constraints(fv.Constraints)
	copies := d.copyNames(from, t)
	want := d.derivedIn(t).constraints(t.Constraints)
	// A key of its own the table keeps while its index gets attached to
	// the parent's: not dropped (attach.go attaches it).
	for _, k := range t.Constraints {
		if fk := findConstraint(fv.Constraints, k.Name); k.IndexParent != "" && fk != nil && fk.IndexParent == "" &&
			fk.Type == k.Type && constraintBody(fk.Definition) == constraintBody(k.Definition) {
			want = append(want, k)
		}
	}
	// Same definition under another name: rename (implicit names follow
	// table and column names).
	renamedFrom, renamedTo := map[string]bool{}, map[string]bool{}
	renamed := d.renamedConstraints(q, have, want)
	for _, k := range have {
		if to, ok := renamed[k.Name]; ok {
			renamedFrom[k.Name], renamedTo[to] = true, true
			d.add(phAlterTable, &RenameConstraint{Table: q, From: k.Name, To: to})
		}
	}
	for i := range have {
		k := &have[i]
		if renamedFrom[k.Name] {
			continue
		}
		nk := findConstraint(want, k.Name)
		if nk != nil && !d.constraintChanged(from, t, k) {
			if isNotValid(*k) && !isNotValid(*nk) {
				d.add(phValidate, &ValidateConstraint{Table: q, Name: k.Name})
			}
			continue
		}
		ph := phDropConstraint
		switch {
		case copies[k.Name]:
			ph = phAlterTable // exists once the table is detached
		case k.Type == schema.ForeignKey && k.RefTable != nil && d.refTreeShrinks(*k.RefTable):
			ph = phDropRefFK
		case k.Type == schema.ForeignKey:
			ph = phDropFK
		}
		if k.IndexParent == "" {
			d.add(ph, &DropConstraint{Table: q, Name: k.Name, Type: k.Type})
		} // else its index is attached to the parent's, whose DROP INDEX ... CASCADE takes it (attach.go)
		if nk != nil {
			d.addConstraint(q, *nk)
		}
	}
	for _, nk := range want {
		if findConstraint(have, nk.Name) == nil && !renamedTo[nk.Name] {
			d.addConstraint(q, nk)
		}
	}
}

// addConstraint adds a constraint to an existing table, as NOT VALID plus
// VALIDATE when the option asks for it.
func (d *differ) addConstraint(q schema.QName, k schema.Constraint) {
	ph := phAddConstraint
	if k.Type == schema.ForeignKey {
		ph = phAddFK
	}
	c := &AddConstraint{Table: q, Constraint: k, Only: d.keyOnly(q, k.Name)}
	if d.opts.NotValidConstraints && (k.Type == schema.ForeignKey || k.Type == schema.Check) && !isNotValid(k) {
		c.NotValid = true
		d.add(ph, c)
		d.add(phValidate, &ValidateConstraint{Table: q, Name: k.Name})
		return
	}
	d.add(ph, c)
}
