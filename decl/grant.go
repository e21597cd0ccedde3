package decl

import (
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// GrantDecl is GRANT privileges ON <object> TO role. Inside Table it grants
// on the table; Column(...).Grant grants on one column.
type GrantDecl struct {
	role       string
	privileges []string
	option     bool
}

// Grant grants privileges to role ("PUBLIC" for everyone). ALL expands to
// every privilege of the object's kind, as the catalog lists them.
func Grant(role string, privileges ...string) *GrantDecl {
	return &GrantDecl{role: role, privileges: privileges}
}

// WithGrantOption lets role grant the privileges on.
func (g *GrantDecl) WithGrantOption() *GrantDecl { g.option = true; return g }

func (g *GrantDecl) addTo(t *TableDecl) { t.grants = append(t.grants, g) }

// privilegesOf lists what ALL means per object kind (PostgreSQL 13-16).
var privilegesOf = map[string][]string{
	"table":    {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"},
	"column":   {"SELECT", "INSERT", "UPDATE", "REFERENCES"},
	"sequence": {"USAGE", "SELECT", "UPDATE"},
	"function": {"EXECUTE"},
	"schema":   {"USAGE", "CREATE"},
	"type":     {"USAGE"},
}

// expandGrants turns declarations into catalog grants for an object of
// kind, starting from the privileges PostgreSQL grants by default.
func expandGrants(kind string, defaults []schema.Grant, decls []*GrantDecl) ([]schema.Grant, error) {
	out := append([]schema.Grant(nil), defaults...)
	index := map[[2]string]int{}
	for i, g := range out {
		index[[2]string{g.Grantee, g.Privilege}] = i
	}
	valid := privilegesOf[kind]
	for _, d := range decls {
		role := d.role
		if strings.EqualFold(role, "public") {
			role = "PUBLIC"
		}
		if role == "" {
			return nil, fmt.Errorf("grant: role is empty")
		}
		if len(d.privileges) == 0 {
			return nil, fmt.Errorf("grant to %s: no privileges", role)
		}
		var privs []string
		for _, p := range d.privileges {
			p = strings.ToUpper(strings.TrimSpace(p))
			if p == "ALL" || p == "ALL PRIVILEGES" {
				privs = append(privs, valid...)
				continue
			}
			if !contains(valid, p) {
				return nil, fmt.Errorf("grant %s to %s: not a privilege of a %s (want one of %s or ALL)", p, role, kind, strings.Join(valid, ", "))
			}
			privs = append(privs, p)
		}
		for _, p := range privs {
			k := [2]string{role, p}
			if i, ok := index[k]; ok {
				out[i].Grantable = out[i].Grantable || d.option
				continue
			}
			index[k] = len(out)
			out = append(out, schema.Grant{Grantee: role, Privilege: p, Grantable: d.option})
		}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// publicGrant is the privilege PostgreSQL gives PUBLIC on new functions
// (EXECUTE) and types (USAGE).
func publicGrant(privilege string, revoked bool) []schema.Grant {
	if revoked {
		return nil
	}
	return []schema.Grant{{Grantee: "PUBLIC", Privilege: privilege}}
}
