package schema

// Roles lists the roles s refers to: grantees of every grant and the roles
// policies apply to, in first-seen order, possibly with repeats. Roles are
// cluster-wide, so whoever materializes s elsewhere must make sure they
// exist there.
func (s *Schema) Roles() []string {
	var roles []string
	add := func(gs []Grant) {
		for _, g := range gs {
			roles = append(roles, g.Grantee)
		}
	}
	for _, n := range s.Namespaces {
		add(n.Grants)
	}
	for _, e := range s.Enums {
		add(e.Grants)
	}
	for _, d := range s.Domains {
		add(d.Grants)
	}
	for _, c := range s.Composites {
		add(c.Grants)
	}
	for _, q := range s.Sequences {
		add(q.Grants)
	}
	for _, t := range s.Tables {
		add(t.Grants)
		for _, c := range t.Columns {
			add(c.Grants)
		}
		for _, p := range t.Policies {
			roles = append(roles, p.Roles...)
		}
	}
	for _, v := range s.Views {
		add(v.Grants)
	}
	for _, f := range s.Functions {
		add(f.Grants)
	}
	return roles
}
