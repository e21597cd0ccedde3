package autogen

import "github.com/migrate-tool/migrate/schema"

// CreateSchema is CREATE SCHEMA. IF NOT EXISTS makes the create-from-empty
// script work on a database that already has the schema (public).
type CreateSchema struct{ Name string }

// Describe implements Change.
func (c *CreateSchema) Describe() string { return "create schema " + c.Name }

func (c *CreateSchema) statements() []Statement {
	return one("CREATE SCHEMA IF NOT EXISTS " + ident(c.Name))
}

// DropSchema is DROP SCHEMA; everything in it was dropped before.
type DropSchema struct{ Name string }

// Describe implements Change.
func (c *DropSchema) Describe() string { return "drop schema " + c.Name }

func (c *DropSchema) statements() []Statement { return one("DROP SCHEMA " + ident(c.Name)) }

func (d *differ) namespaces() {
	from := map[string]*schema.Namespace{}
	for i := range d.from.Namespaces {
		from[d.from.Namespaces[i].Name] = &d.from.Namespaces[i]
	}
	to := map[string]bool{}
	for i := range d.to.Namespaces {
		n := &d.to.Namespaces[i]
		to[n.Name] = true
		old := from[n.Name]
		if old == nil {
			d.add(phCreateSchema, &CreateSchema{Name: n.Name})
			old = &schema.Namespace{}
		}
		on := "SCHEMA " + ident(n.Name)
		d.comment(func() string { return on }, old.Comment, n.Comment)
		d.grants(func() string { return on }, old.Grants, n.Grants)
	}
	for _, n := range d.from.Namespaces {
		if !to[n.Name] {
			d.add(phDropSchema, &DropSchema{Name: n.Name})
		}
	}
}
