package autogen

import (
	"github.com/migrate-tool/migrate/schema"
)

// GrantPrivilege is GRANT <privilege> ON <object> TO <grantee>.
type GrantPrivilege struct {
	On    string // "TABLE public.users", "SCHEMA app", "FUNCTION public.f(integer)"
	Grant schema.Grant
	// Column is set for a column privilege: GRANT SELECT (col) ON TABLE ....
	Column string
}

// Describe implements Change.
func (c *GrantPrivilege) Describe() string {
	return "grant " + c.Grant.Privilege + colSuffix(c.Column) + " on " + lowerKind(c.On) + " to " + c.Grant.Grantee
}

func colSuffix(col string) string {
	if col == "" {
		return ""
	}
	return " (" + ident(col) + ")"
}

func (c *GrantPrivilege) statements() []Statement {
	s := "GRANT " + c.Grant.Privilege + colSuffix(c.Column) + " ON " + c.On + " TO " + grantee(c.Grant.Grantee)
	if c.Grant.Grantable {
		s += " WITH GRANT OPTION"
	}
	return one(s)
}

// RevokePrivilege is REVOKE <privilege> ON <object> FROM <grantee>, or only
// the grant option when GrantOptionOnly.
type RevokePrivilege struct {
	On              string
	Grant           schema.Grant
	GrantOptionOnly bool
	Column          string
}

// Describe implements Change.
func (c *RevokePrivilege) Describe() string {
	what := c.Grant.Privilege
	if c.GrantOptionOnly {
		what = "grant option for " + what
	}
	return "revoke " + what + colSuffix(c.Column) + " on " + lowerKind(c.On) + " from " + c.Grant.Grantee
}

func (c *RevokePrivilege) statements() []Statement {
	s := "REVOKE "
	if c.GrantOptionOnly {
		s += "GRANT OPTION FOR "
	}
	return one(s + c.Grant.Privilege + colSuffix(c.Column) + " ON " + c.On + " FROM " + grantee(c.Grant.Grantee))
}

type grantKey struct{ grantee, privilege string }

// grants emits the GRANT and REVOKE statements that turn from into to.
// For a newly created object, from is what PostgreSQL grants by default on
// creation (see defaultGrants).
func (d *differ) grants(on func() string, from, to []schema.Grant) { d.columnGrants(on, "", from, to) }

// columnGrants is grants for the privileges on one column (col "" for the
// object itself).
func (d *differ) columnGrants(lazyOn func() string, col string, from, to []schema.Grant) {
	if len(from) == 0 && len(to) == 0 {
		return
	}
	on := lazyOn()
	have := map[grantKey]schema.Grant{}
	for _, g := range from {
		have[grantKey{g.Grantee, g.Privilege}] = g
	}
	want := map[grantKey]bool{}
	for _, g := range to {
		k := grantKey{g.Grantee, g.Privilege}
		want[k] = true
		old, ok := have[k]
		switch {
		case !ok:
			d.add(phGrant, &GrantPrivilege{On: on, Grant: g, Column: col})
		case old.Grantable && !g.Grantable:
			d.add(phGrant, &RevokePrivilege{On: on, Grant: g, GrantOptionOnly: true, Column: col})
		case !old.Grantable && g.Grantable:
			d.add(phGrant, &GrantPrivilege{On: on, Grant: g, Column: col})
		}
	}
	for _, g := range from {
		if !want[grantKey{g.Grantee, g.Privilege}] {
			d.add(phGrant, &RevokePrivilege{On: on, Grant: g, Column: col})
		}
	}
}

// defaultGrants is what PostgreSQL grants implicitly when an object of the
// given kind is created, as the model lists it (introspection expands the
// default ACL): functions and procedures are executable by PUBLIC, types
// and domains usable by PUBLIC.
func defaultGrants(kind string) []schema.Grant {
	switch kind {
	case "FUNCTION", "PROCEDURE":
		return []schema.Grant{{Grantee: "PUBLIC", Privilege: "EXECUTE"}}
	case "TYPE", "DOMAIN":
		return []schema.Grant{{Grantee: "PUBLIC", Privilege: "USAGE"}}
	}
	return nil
}

// afterTableRevokes is what is left of a column's privileges once the
// table-level changes from tableFrom to tableTo ran: PostgreSQL applies a
// table-level REVOKE (or REVOKE GRANT OPTION FOR) to every column too, so
// a column privilege the target keeps must be granted again.
func afterTableRevokes(col, tableFrom, tableTo []schema.Grant) []schema.Grant {
	to := map[grantKey]schema.Grant{}
	for _, g := range tableTo {
		to[grantKey{g.Grantee, g.Privilege}] = g
	}
	lost := map[grantKey]bool{}   // privilege revoked on the table
	option := map[grantKey]bool{} // only its grant option revoked
	for _, g := range tableFrom {
		k := grantKey{g.Grantee, g.Privilege}
		switch ng, ok := to[k]; {
		case !ok:
			lost[k] = true
		case g.Grantable && !ng.Grantable:
			option[k] = true
		}
	}
	if len(lost)+len(option) == 0 {
		return col
	}
	var out []schema.Grant
	for _, g := range col {
		k := grantKey{g.Grantee, g.Privilege}
		if lost[k] {
			continue
		}
		if option[k] {
			g.Grantable = false
		}
		out = append(out, g)
	}
	return out
}
