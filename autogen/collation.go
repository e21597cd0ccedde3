package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// CreateCollation is CREATE COLLATION with its provider and locales spelled
// out.
type CreateCollation struct{ Collation schema.Collation }

// Describe implements Change.
func (c *CreateCollation) Describe() string {
	return "create collation " + c.Collation.QName.String()
}

func (c *CreateCollation) statements() []Statement {
	k := c.Collation
	opts := []string{"provider = " + k.Provider}
	if k.Provider == "icu" {
		opts = append(opts, "locale = "+literal(k.Locale))
	} else {
		opts = append(opts, "lc_collate = "+literal(k.LcCollate), "lc_ctype = "+literal(k.LcCtype))
	}
	if k.Nondeterministic {
		opts = append(opts, "deterministic = false")
	}
	return one("CREATE COLLATION " + qname(k.QName) + " (" + strings.Join(opts, ", ") + ")")
}

// DropCollation is DROP COLLATION.
type DropCollation struct{ Name schema.QName }

// Describe implements Change.
func (c *DropCollation) Describe() string { return "drop collation " + c.Name.String() }

func (c *DropCollation) statements() []Statement {
	return one("DROP COLLATION " + qname(c.Name))
}

// collations creates collations before the domains, columns and indexes
// that name them and drops them after. A collation cannot be altered: a
// changed one is dropped and created again, which PostgreSQL refuses while
// something uses it.
func (d *differ) collations() {
	from := map[schema.QName]*schema.Collation{}
	for i := range d.from.Collations {
		from[d.from.Collations[i].QName] = &d.from.Collations[i]
	}
	to := map[schema.QName]bool{}
	for _, k := range d.to.Collations {
		to[k.QName] = true
		on := "COLLATION " + qname(k.QName)
		old := from[k.QName]
		if old != nil && !sameCollation(*old, k) {
			d.add(phDropFunctionEarly, &DropCollation{Name: k.QName})
			old = nil
		}
		if old == nil {
			d.add(phCreateCollation, &CreateCollation{Collation: k})
			d.comment(func() string { return on }, "", k.Comment)
			continue
		}
		d.comment(func() string { return on }, old.Comment, k.Comment)
	}
	for _, k := range d.from.Collations {
		if !to[k.QName] {
			d.add(phDropCollation, &DropCollation{Name: k.QName})
		}
	}
}

func sameCollation(a, b schema.Collation) bool {
	a.Comment, b.Comment = "", ""
	return a == b
}
