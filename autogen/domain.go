package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// CreateDomain is CREATE DOMAIN with its default, NOT NULL and validated
// checks; checks marked NOT VALID are added by AddDomainCheck.
type CreateDomain struct{ Domain schema.Domain }

// Describe implements Change.
func (c *CreateDomain) Describe() string { return "create domain " + c.Domain.QName.String() }

func (c *CreateDomain) statements() []Statement {
	dm := c.Domain
	s := "CREATE DOMAIN " + qname(dm.QName) + " AS " + dm.Type
	if dm.Collation != "" {
		s += " COLLATE " + collation(dm.Collation)
	}
	if dm.Default != "" {
		s += " DEFAULT " + dm.Default
	}
	if dm.NotNull {
		s += " NOT NULL"
	}
	for _, k := range dm.Checks {
		if !k.NotValid {
			s += " CONSTRAINT " + ident(k.Name) + " " + checkBody(k)
		}
	}
	return one(s)
}

// AlterDomain is one ALTER DOMAIN action: SET/DROP DEFAULT, SET/DROP NOT
// NULL, ADD/DROP/VALIDATE CONSTRAINT.
type AlterDomain struct {
	Domain schema.QName
	// Exactly one group is used.
	SetDefault, DropDefault bool
	Default                 string
	SetNotNull, DropNotNull bool
	AddCheck                *schema.DomainCheck
	DropCheck               string
	ValidateCheck           string
}

// Describe implements Change.
func (c *AlterDomain) Describe() string {
	return "alter domain " + c.Domain.String() + ": " + strings.ToLower(c.action())
}

func (c *AlterDomain) action() string {
	switch {
	case c.SetDefault:
		return "SET DEFAULT " + c.Default
	case c.DropDefault:
		return "DROP DEFAULT"
	case c.SetNotNull:
		return "SET NOT NULL"
	case c.DropNotNull:
		return "DROP NOT NULL"
	case c.AddCheck != nil:
		s := "ADD CONSTRAINT " + ident(c.AddCheck.Name) + " " + checkBody(*c.AddCheck)
		if c.AddCheck.NotValid {
			s += " NOT VALID"
		}
		return s
	case c.DropCheck != "":
		return "DROP CONSTRAINT " + ident(c.DropCheck)
	default:
		return "VALIDATE CONSTRAINT " + ident(c.ValidateCheck)
	}
}

func (c *AlterDomain) statements() []Statement {
	var hz []Hazard
	if c.SetNotNull || (c.AddCheck != nil && !c.AddCheck.NotValid) || c.ValidateCheck != "" {
		hz = append(hz, hazard(HazardFullScan, "every column of domain "+c.Domain.String()+" is checked"))
	}
	return one("ALTER DOMAIN "+qname(c.Domain)+" "+c.action(), hz...)
}

// domain diffs one domain; old is nil when it is new.
func (d *differ) domain(old *schema.Domain, dm schema.Domain) {
	on := "DOMAIN " + qname(dm.QName)
	if old != nil && (old.Type != dm.Type || old.Collation != dm.Collation || d.domainOverRecreated(old)) {
		// No ALTER DOMAIN changes the base type (nor follows its base
		// type being recreated): recreate and convert.
		d.recreateType(dm.QName, true)
		old = nil
	}
	if old == nil {
		d.createDomain(dm)
		d.comment(func() string { return on }, "", dm.Comment)
		d.grants(func() string { return on }, defaultGrants("DOMAIN"), dm.Grants)
		for _, k := range dm.Checks {
			d.comment(func() string { return "CONSTRAINT " + ident(k.Name) + " ON DOMAIN " + qname(dm.QName) }, "", k.Comment)
		}
		return
	}
	d.alterDomain(old, &dm)
	d.comment(func() string { return on }, old.Comment, dm.Comment)
	d.grants(func() string { return on }, old.Grants, dm.Grants)
}

func (d *differ) createDomain(dm schema.Domain) {
	d.add(phCreateDomain, &CreateDomain{Domain: dm})
	for _, k := range dm.Checks {
		if k.NotValid {
			d.add(phCreateDomain, &AlterDomain{Domain: dm.QName, AddCheck: &k})
		}
	}
}

func (d *differ) alterDomain(old, dm *schema.Domain) {
	q := dm.QName
	if old.Default != dm.Default && !d.exprEqual(old.Default, dm.Default) {
		if dm.Default == "" {
			d.add(phCreateDomain, &AlterDomain{Domain: q, DropDefault: true})
		} else {
			d.add(phCreateDomain, &AlterDomain{Domain: q, SetDefault: true, Default: dm.Default})
		}
	}
	if old.NotNull != dm.NotNull {
		d.add(phCreateDomain, &AlterDomain{Domain: q, SetNotNull: dm.NotNull, DropNotNull: !dm.NotNull})
	}
	have := map[string]schema.DomainCheck{}
	for _, k := range old.Checks {
		have[k.Name] = k
	}
	want := map[string]bool{}
	for _, k := range dm.Checks {
		want[k.Name] = true
		ok, found := have[k.Name]
		oldComment := ok.Comment
		if !found || (checkBody(ok) != checkBody(k) && !d.constraintEqual(checkBody(ok), checkBody(k))) || (!ok.NotValid && k.NotValid) {
			oldComment = ""
		}
		d.comment(func() string { return "CONSTRAINT " + ident(k.Name) + " ON DOMAIN " + qname(q) }, oldComment, k.Comment)
		switch {
		case !found:
			d.add(phCreateDomain, &AlterDomain{Domain: q, AddCheck: &k})
		case checkBody(ok) != checkBody(k) && !d.constraintEqual(checkBody(ok), checkBody(k)):
			d.add(phDropConstraint, &AlterDomain{Domain: q, DropCheck: k.Name})
			d.add(phCreateDomain, &AlterDomain{Domain: q, AddCheck: &k})
		case ok.NotValid && !k.NotValid:
			d.add(phValidate, &AlterDomain{Domain: q, ValidateCheck: k.Name})
		case !ok.NotValid && k.NotValid:
			// Un-validating is not an operation: re-add the check NOT VALID.
			d.add(phDropConstraint, &AlterDomain{Domain: q, DropCheck: k.Name})
			d.add(phCreateDomain, &AlterDomain{Domain: q, AddCheck: &k})
		}
	}
	for _, k := range old.Checks {
		if !want[k.Name] {
			d.add(phDropConstraint, &AlterDomain{Domain: q, DropCheck: k.Name})
		}
	}
}

// checkBody is a domain check's definition without the NOT VALID marker
// pg_get_constraintdef appends.
func checkBody(k schema.DomainCheck) string {
	return strings.TrimSuffix(k.Definition, " NOT VALID")
}
