package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// CreatePolicy is CREATE POLICY.
type CreatePolicy struct {
	Table  schema.QName
	Policy schema.Policy
}

// Describe implements Change.
func (c *CreatePolicy) Describe() string {
	return "create policy " + c.Policy.Name + " on " + c.Table.String()
}

func (c *CreatePolicy) statements() []Statement {
	p := c.Policy
	s := "CREATE POLICY " + ident(p.Name) + " ON " + qname(c.Table)
	if p.Permissive {
		s += " AS PERMISSIVE"
	} else {
		s += " AS RESTRICTIVE"
	}
	cmd := p.Command
	if cmd == "" {
		cmd = "ALL"
	}
	s += " FOR " + cmd + " TO " + roleList(p.Roles)
	if p.Using != "" {
		s += " USING (" + p.Using + ")"
	}
	if p.WithCheck != "" {
		s += " WITH CHECK (" + p.WithCheck + ")"
	}
	return one(s)
}

func roleList(roles []string) string {
	if len(roles) == 0 {
		return "PUBLIC"
	}
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = grantee(r)
	}
	return strings.Join(out, ", ")
}

// DropPolicy is DROP POLICY ... ON ....
type DropPolicy struct {
	Table schema.QName
	Name  string
}

// Describe implements Change.
func (c *DropPolicy) Describe() string { return "drop policy " + c.Name + " on " + c.Table.String() }

func (c *DropPolicy) statements() []Statement {
	return one("DROP POLICY " + ident(c.Name) + " ON " + qname(c.Table))
}

// AlterPolicy is ALTER POLICY ... TO ... USING ... WITH CHECK ... with the
// parts that changed.
type AlterPolicy struct {
	Table    schema.QName
	From, To schema.Policy
}

// Describe implements Change.
func (c *AlterPolicy) Describe() string {
	return "alter policy " + c.To.Name + " on " + c.Table.String()
}

func (c *AlterPolicy) statements() []Statement {
	s := "ALTER POLICY " + ident(c.To.Name) + " ON " + qname(c.Table)
	if !slices.Equal(c.From.Roles, c.To.Roles) {
		s += " TO " + roleList(c.To.Roles)
	}
	if c.From.Using != c.To.Using {
		s += " USING (" + c.To.Using + ")"
	}
	if c.From.WithCheck != c.To.WithCheck {
		s += " WITH CHECK (" + c.To.WithCheck + ")"
	}
	return one(s)
}

func policyRef(t schema.QName, name string) string {
	return "POLICY " + ident(name) + " ON " + qname(t)
}

func findPolicy(ps []schema.Policy, name string) *schema.Policy {
	for i := range ps {
		if ps[i].Name == name {
			return &ps[i]
		}
	}
	return nil
}

func (d *differ) alterPolicies(from, t *schema.Table) {
	q := t.QName
	for _, p := range from.Policies {
		np := findPolicy(t.Policies, p.Name)
		switch {
		case np == nil:
			d.add(phDropPolicy, &DropPolicy{Table: q, Name: p.Name})
			continue
		case p.Permissive != np.Permissive || p.Command != np.Command ||
			(p.Using != "" && np.Using == "") || (p.WithCheck != "" && np.WithCheck == "") ||
			d.mentionsTouchedColumn(q, p.Using+" "+p.WithCheck) || d.callsRecreatedFunction(p.Using+" "+p.WithCheck):
			// ALTER POLICY cannot change these or remove a clause.
			d.add(phDropPolicy, &DropPolicy{Table: q, Name: p.Name})
			d.add(phCreatePolicy, &CreatePolicy{Table: q, Policy: *np})
			d.comment(func() string { return policyRef(q, p.Name) }, "", np.Comment)
			continue
		}
		cp := *np
		if d.exprEqual(p.Using, np.Using) {
			cp.Using = p.Using
		}
		if d.exprEqual(p.WithCheck, np.WithCheck) {
			cp.WithCheck = p.WithCheck
		}
		if !slices.Equal(p.Roles, cp.Roles) || p.Using != cp.Using || p.WithCheck != cp.WithCheck {
			d.add(phCreatePolicy, &AlterPolicy{Table: q, From: p, To: cp})
		}
		d.comment(func() string { return policyRef(q, p.Name) }, p.Comment, np.Comment)
	}
	for _, np := range t.Policies {
		if findPolicy(from.Policies, np.Name) == nil {
			d.add(phCreatePolicy, &CreatePolicy{Table: q, Policy: np})
			d.comment(func() string { return policyRef(q, np.Name) }, "", np.Comment)
		}
	}
}
