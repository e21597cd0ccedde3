package autogen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// A recreated type (an enum that loses or reorders values, a domain whose
// base type changes, a domain over such an enum) is renamed aside, created
// again, the columns using it converted and the old copy dropped.
// Everything else that names the old copy must follow, or PostgreSQL
// refuses a step: an index predicate or check comparing with a literal
// ('a'::st) is rebuilt against the converted column and finds no operator
// for st = st__old; a foreign key between two converted columns sees them
// with different types halfway; a domain or composite type built on the
// old copy keeps it alive. Those are dropped and created again around the
// conversion (or, for composite types, altered). What PostgreSQL cannot do
// at all is refused before anything is written.

// RefusalError is returned by Diff when the plan would need a step
// PostgreSQL cannot take; the message names the object and the ways
// forward.
type RefusalError struct {
	// Direction is "upgrade" or "downgrade".
	Direction string
	Reason    string
}

func (e *RefusalError) Error() string {
	return "cannot generate the " + e.Direction + ": " + e.Reason
}

func (d *differ) refuse(format string, args ...any) {
	d.refusals = append(d.refusals, fmt.Sprintf(format, args...))
}

// mentionsRecreatedType reports whether a definition (an index, a check,
// an exclusion constraint) names a type this diff recreates, as the
// catalog prints it ('a'::public.st, x::public.st[]).
func (d *differ) mentionsRecreatedType(def string) bool {
	for q := range d.typeRecreated {
		if mentionsTypeIn(def, q) {
			return true
		}
	}
	return false
}

// mentionsTypeIn reports whether an expression names type q.
func mentionsTypeIn(s string, q schema.QName) bool {
	ref := q.Qualified()
	for off := 0; ; {
		i := strings.Index(s[off:], ref)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(ref)
		before := i == 0 || strings.ContainsRune(" (,:", rune(s[i-1]))
		after := end == len(s) || strings.ContainsRune(" ),[;", rune(s[end]))
		if before && after {
			return true
		}
		off = end
	}
}

// hasRecreatedType reports whether one of the named columns of table q
// (current side) has a type this diff recreates, or an array of it.
func (d *differ) hasRecreatedType(q schema.QName, cols []string) bool {
	t := d.fromTables[q]
	if t == nil || len(d.typeRecreated) == 0 {
		return false
	}
	for _, name := range cols {
		if c := t.Column(name); c != nil && d.typeRecreated[baseTypeName(c.Type)] {
			return true
		}
	}
	return false
}

// foreignKeyOnRecreatedType reports whether foreign key k of table q links
// columns whose type is recreated: converting one side while the other
// still has the old copy breaks the key, so it goes first and comes back.
func (d *differ) foreignKeyOnRecreatedType(q schema.QName, k *schema.Constraint) bool {
	if k.Type != schema.ForeignKey || len(d.typeRecreated) == 0 {
		return false
	}
	if d.hasRecreatedType(q, k.Columns) {
		return true
	}
	return k.RefTable != nil && d.hasRecreatedType(*k.RefTable, k.RefColumns)
}

// domainOverRecreated reports whether a domain of the current schema is
// built on a recreated type: it must be recreated too.
func (d *differ) domainOverRecreated(dm *schema.Domain) bool {
	return d.typeRecreated[baseTypeName(dm.Type)]
}

// checkRecreatedTypeUses refuses what no statement order can do with a
// recreated type: change the type of a partition key column, or of an
// attribute of a composite type that a table column (or another type)
// stores.
func (d *differ) checkRecreatedTypeUses() {
	if len(d.typeRecreated) == 0 {
		return
	}
	for _, t := range d.from.Tables {
		if t.PartitionKey == "" || d.tableGone[t.QName] {
			continue
		}
		for _, c := range t.Columns {
			if d.typeRecreated[baseTypeName(c.Type)] && containsWord(t.PartitionKey, c.Name) {
				d.refuse("column %s.%s of type %s is in the partition key of %s, and PostgreSQL cannot change the type of a partition key column; "+
					"keep the type's values in place (add new values instead of removing or reordering them), or write this revision by hand (recreate the partitioned table and copy its rows)",
					t.QName, c.Name, c.Type, t.QName)
			}
		}
	}
	for _, ct := range d.from.Composites {
		var attr string
		for _, a := range ct.Attributes {
			if d.typeRecreated[baseTypeName(a.Type)] {
				attr = a.Name
				break
			}
		}
		if attr == "" || !slices.ContainsFunc(d.to.Composites, func(x schema.CompositeType) bool { return x.QName == ct.QName }) {
			continue
		}
		if user := d.compositeUser(ct.QName); user != "" {
			d.refuse("attribute %s of composite type %s has a type that is recreated (values removed or reordered), but %s stores the composite type and PostgreSQL cannot change an attribute type in use; "+
				"keep the type's values in place (add new values instead), or write this revision by hand",
				attr, ct.QName, user)
		}
	}
}

// compositeUser names a table column, domain or composite attribute of
// the current schema that stores composite type q, or "".
func (d *differ) compositeUser(q schema.QName) string {
	for _, t := range d.from.Tables {
		for _, c := range t.Columns {
			if baseTypeName(c.Type) == q {
				return "column " + t.QName.String() + "." + c.Name
			}
		}
	}
	for _, dm := range d.from.Domains {
		if baseTypeName(dm.Type) == q {
			return "domain " + dm.QName.String()
		}
	}
	for _, ct := range d.from.Composites {
		for _, a := range ct.Attributes {
			if baseTypeName(a.Type) == q {
				return "composite type " + ct.QName.String()
			}
		}
	}
	return ""
}
