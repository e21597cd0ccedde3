package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// CreateComposite is CREATE TYPE ... AS (...).
type CreateComposite struct{ Type schema.CompositeType }

// Describe implements Change.
func (c *CreateComposite) Describe() string { return "create type " + c.Type.QName.String() }

func (c *CreateComposite) statements() []Statement {
	attrs := make([]string, len(c.Type.Attributes))
	for i, a := range c.Type.Attributes {
		attrs[i] = attrDef(a)
	}
	return one("CREATE TYPE " + qname(c.Type.QName) + " AS (" + strings.Join(attrs, ", ") + ")")
}

func attrDef(a schema.Attribute) string {
	s := ident(a.Name) + " " + a.Type
	if a.Collation != "" {
		s += " COLLATE " + collation(a.Collation)
	}
	return s
}

// AlterComposite is one ALTER TYPE action on a composite type: ADD
// ATTRIBUTE, DROP ATTRIBUTE or ALTER ATTRIBUTE ... TYPE.
type AlterComposite struct {
	Type schema.QName
	// Add, Drop or Alter is set.
	Add   *schema.Attribute
	Drop  string
	Alter *schema.Attribute
}

// Describe implements Change.
func (c *AlterComposite) Describe() string {
	switch {
	case c.Add != nil:
		return "add attribute " + c.Add.Name + " to type " + c.Type.String()
	case c.Drop != "":
		return "drop attribute " + c.Drop + " from type " + c.Type.String()
	default:
		return "change type of attribute " + c.Alter.Name + " of type " + c.Type.String()
	}
}

func (c *AlterComposite) statements() []Statement {
	s := "ALTER TYPE " + qname(c.Type) + " "
	switch {
	case c.Add != nil:
		return one(s + "ADD ATTRIBUTE " + attrDef(*c.Add))
	case c.Drop != "":
		return one(s+"DROP ATTRIBUTE "+ident(c.Drop),
			hazard(HazardDataLoss, "values of attribute "+c.Drop+" stored in columns of type "+c.Type.String()+" are lost"))
	default:
		a := c.Alter
		s += "ALTER ATTRIBUTE " + ident(a.Name) + " TYPE " + a.Type
		if a.Collation != "" {
			s += " COLLATE " + collation(a.Collation)
		}
		return one(s)
	}
}

// composite diffs one composite type; old is nil when it is new.
func (d *differ) composite(old *schema.CompositeType, ct schema.CompositeType) {
	on := "TYPE " + qname(ct.QName)
	if old == nil {
		d.add(phCreateDomain, &CreateComposite{Type: ct})
		d.comment(func() string { return on }, "", ct.Comment)
		d.grants(func() string { return on }, defaultGrants("TYPE"), ct.Grants)
		return
	}
	want := map[string]bool{}
	for _, a := range ct.Attributes {
		want[a.Name] = true
	}
	for _, a := range old.Attributes {
		if !want[a.Name] {
			d.add(phCreateDomain, &AlterComposite{Type: ct.QName, Drop: a.Name})
		}
	}
	for _, a := range ct.Attributes {
		var o *schema.Attribute
		for i := range old.Attributes {
			if old.Attributes[i].Name == a.Name {
				o = &old.Attributes[i]
			}
		}
		switch {
		case o == nil:
			d.add(phCreateDomain, &AlterComposite{Type: ct.QName, Add: &a})
		case o.Type != a.Type || o.Collation != a.Collation || d.typeRecreated[baseTypeName(o.Type)]:
			// (a recreated type: the attribute still has the old copy)
			d.add(phCreateDomain, &AlterComposite{Type: ct.QName, Alter: &a})
		}
	}
	d.comment(func() string { return on }, old.Comment, ct.Comment)
	d.grants(func() string { return on }, old.Grants, ct.Grants)
}
