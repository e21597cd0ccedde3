package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// CreateEnum is CREATE TYPE ... AS ENUM (...).
type CreateEnum struct{ Enum schema.Enum }

// Describe implements Change.
func (c *CreateEnum) Describe() string { return "create enum " + c.Enum.QName.String() }

func (c *CreateEnum) statements() []Statement {
	vals := make([]string, len(c.Enum.Values))
	for i, v := range c.Enum.Values {
		vals[i] = literal(v)
	}
	return one("CREATE TYPE " + qname(c.Enum.QName) + " AS ENUM (" + strings.Join(vals, ", ") + ")")
}

// DropType is DROP TYPE (enums and composite types) or DROP DOMAIN.
type DropType struct {
	Name   schema.QName
	Domain bool
}

// Describe implements Change.
func (c *DropType) Describe() string {
	if c.Domain {
		return "drop domain " + c.Name.String()
	}
	return "drop type " + c.Name.String()
}

func (c *DropType) statements() []Statement {
	if c.Domain {
		return one("DROP DOMAIN " + qname(c.Name))
	}
	return one("DROP TYPE " + qname(c.Name))
}

// AddEnumValue is ALTER TYPE ... ADD VALUE ... [BEFORE|AFTER ...].
type AddEnumValue struct {
	Type          schema.QName
	Value         string
	Before, After string // at most one is set; neither appends
}

// Describe implements Change.
func (c *AddEnumValue) Describe() string {
	return "add value " + literal(c.Value) + " to enum " + c.Type.String()
}

func (c *AddEnumValue) statements() []Statement {
	s := "ALTER TYPE " + qname(c.Type) + " ADD VALUE " + literal(c.Value)
	switch {
	case c.Before != "":
		s += " BEFORE " + literal(c.Before)
	case c.After != "":
		s += " AFTER " + literal(c.After)
	}
	return one(s, hazard(HazardEnumValue,
		"enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)"))
}

// RenameType is ALTER TYPE/DOMAIN ... RENAME TO; a recreated type first
// moves the old one aside under a temporary name.
type RenameType struct {
	From   schema.QName
	To     string
	Domain bool
}

// Describe implements Change.
func (c *RenameType) Describe() string {
	return "rename type " + c.From.String() + " to " + c.To
}

func (c *RenameType) statements() []Statement {
	kw := "TYPE"
	if c.Domain {
		kw = "DOMAIN"
	}
	return one("ALTER " + kw + " " + qname(c.From) + " RENAME TO " + ident(c.To))
}

// oldTypeName is the temporary name of a type being recreated.
func oldTypeName(name string) string { return withSuffix(name, "__old") }

// withSuffix appends suffix to name, cutting name so that the result fits
// PostgreSQL's 63-byte identifiers.
func withSuffix(name, suffix string) string {
	if len(name)+len(suffix) > 63 {
		name = name[:63-len(suffix)]
	}
	return name + suffix
}

func (d *differ) enums() {
	from := map[schema.QName]*schema.Enum{}
	for i := range d.from.Enums {
		from[d.from.Enums[i].QName] = &d.from.Enums[i]
	}
	to := map[schema.QName]bool{}
	for _, e := range d.to.Enums {
		to[e.QName] = true
		on := "TYPE " + qname(e.QName)
		old := from[e.QName]
		switch {
		case old == nil:
			d.add(phCreateEnum, &CreateEnum{Enum: e})
			d.comment(func() string { return on }, "", e.Comment)
			d.grants(func() string { return on }, defaultGrants("TYPE"), e.Grants)
			continue
		case slices.Equal(old.Values, e.Values):
		case isSubsequence(old.Values, e.Values):
			d.addEnumValues(e.QName, old.Values, e.Values)
		default:
			// A value removed or moved: PostgreSQL cannot do that in place.
			d.recreateType(e.QName, false)
			d.add(phCreateEnum, &CreateEnum{Enum: e})
			d.comment(func() string { return on }, "", e.Comment)
			d.grants(func() string { return on }, defaultGrants("TYPE"), e.Grants)
			continue
		}
		d.comment(func() string { return on }, old.Comment, e.Comment)
		d.grants(func() string { return on }, old.Grants, e.Grants)
	}
	for _, e := range d.from.Enums {
		if !to[e.QName] {
			d.add(phDropEnum, &DropType{Name: e.QName})
		}
	}
}

// recreateType moves the current type aside; the caller creates the new
// one, the table diff converts the columns using it, and the old copy is
// dropped once unused.
func (d *differ) recreateType(q schema.QName, domain bool) {
	tmp := oldTypeName(q.Name)
	d.typeRecreated[q] = true
	if domain {
		d.add(phCreateDomain, &RenameType{From: q, To: tmp, Domain: true})
	} else {
		d.add(phCreateEnum, &RenameType{From: q, To: tmp})
	}
	ph := phDropOldType
	if d.droppedObjectUses(q) {
		// A domain, composite type or function that goes away is built on
		// the old copy: drop that copy after them.
		ph = phDropOldTypeLate
	}
	d.add(ph, &DropType{Name: schema.QName{Schema: q.Schema, Name: tmp}, Domain: domain})
}

// droppedObjectUses reports whether a domain of the current schema (kept
// ones are recreated, dropped ones go late), or a composite type or
// function that the target does not keep, uses type q (a domain's base
// type, an attribute, an argument or the result).
func (d *differ) droppedObjectUses(q schema.QName) bool {
	for _, dm := range d.from.Domains {
		// kept ones are recreated over the new copy: their old copy
		// goes in phDropOldType, before this one
		if baseTypeName(dm.Type) == q {
			return true
		}
	}
	for _, ct := range d.from.Composites {
		if slices.ContainsFunc(d.to.Composites, func(x schema.CompositeType) bool { return x.QName == ct.QName }) {
			continue
		}
		for _, a := range ct.Attributes {
			if baseTypeName(a.Type) == q {
				return true
			}
		}
	}
	for _, f := range d.from.Functions {
		if mentionsType(f.Arguments+" "+f.Result, q) &&
			!slices.ContainsFunc(d.to.Functions, func(x schema.Function) bool { return x.Signature() == f.Signature() }) {
			return true
		}
	}
	return false
}

func (d *differ) addEnumValues(q schema.QName, old, want []string) {
	have := map[string]bool{}
	for _, v := range old {
		have[v] = true
	}
	for i, v := range want {
		if have[v] {
			continue
		}
		c := &AddEnumValue{Type: q, Value: v}
		switch {
		case i > 0:
			c.After = want[i-1]
		case len(old) > 0:
			c.Before = old[0]
		}
		d.add(phCreateEnum, c)
	}
}

// isSubsequence reports whether a appears in b in the same order.
func isSubsequence(a, b []string) bool {
	j := 0
	for _, v := range b {
		if j < len(a) && a[j] == v {
			j++
		}
	}
	return j == len(a)
}
