package schema

import (
	"cmp"
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// String returns the quoted-only-when-needed "schema.name" form used in
// messages and as a map key.
func (q QName) String() string { return q.Schema + "." + q.Name }

// Compare orders names by schema, then name.
func (q QName) Compare(o QName) int {
	if c := cmp.Compare(q.Schema, o.Schema); c != 0 {
		return c
	}
	return cmp.Compare(q.Name, o.Name)
}

// Compare orders column references by relation, then column.
func (c ColumnRef) Compare(o ColumnRef) int {
	if r := c.Relation.Compare(o.Relation); r != 0 {
		return r
	}
	return cmp.Compare(c.Column, o.Column)
}

// Signature identifies a function among its overloads: schema.name(args).
func (f *Function) Signature() string {
	return f.QName.String() + "(" + f.Arguments + ")"
}

// Sort puts every slice of s into canonical order, so equal schemas encode
// to equal JSON and diffs are deterministic. Column order is meaningful and
// is kept; so are enum values, composite attributes and the parents of an
// inheritance child (their order is the order of its inherited columns).
func (s *Schema) Sort() {
	slices.SortFunc(s.Namespaces, func(a, b Namespace) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(s.Extensions, func(a, b Extension) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(s.Collations, func(a, b Collation) int { return a.QName.Compare(b.QName) })
	slices.SortFunc(s.Enums, func(a, b Enum) int { return a.QName.Compare(b.QName) })
	slices.SortFunc(s.Domains, func(a, b Domain) int { return a.QName.Compare(b.QName) })
	slices.SortFunc(s.Composites, func(a, b CompositeType) int { return a.QName.Compare(b.QName) })
	slices.SortFunc(s.Sequences, func(a, b Sequence) int { return a.QName.Compare(b.QName) })
	slices.SortFunc(s.Tables, func(a, b Table) int { return a.QName.Compare(b.QName) })
	slices.SortFunc(s.Views, func(a, b View) int { return a.QName.Compare(b.QName) })
	slices.SortFunc(s.Functions, func(a, b Function) int {
		return cmp.Compare(a.Signature(), b.Signature())
	})
	slices.SortFunc(s.Operators, func(a, b Operator) int {
		return cmp.Compare(a.Signature(), b.Signature())
	})
	slices.SortFunc(s.NotManaged, func(a, b NotManaged) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name))
	})
	for i := range s.Namespaces {
		sortGrants(s.Namespaces[i].Grants)
	}
	for i := range s.Enums {
		sortGrants(s.Enums[i].Grants)
	}
	for i := range s.Domains {
		slices.SortFunc(s.Domains[i].Checks, func(a, b DomainCheck) int { return cmp.Compare(a.Name, b.Name) })
		sortGrants(s.Domains[i].Grants)
	}
	for i := range s.Composites {
		sortGrants(s.Composites[i].Grants)
	}
	for i := range s.Sequences {
		sortGrants(s.Sequences[i].Grants)
	}
	for i := range s.Tables {
		s.Tables[i].sort()
	}
	for i := range s.Views {
		v := &s.Views[i]
		slices.Sort(v.Options)
		slices.SortFunc(v.DependsOn, ColumnRef.Compare)
		sortIndexes(v.Indexes)
		slices.SortFunc(v.Triggers, func(a, b Trigger) int { return cmp.Compare(a.Name, b.Name) })
		sortGrants(v.Grants)
	}
	for i := range s.Functions {
		sortGrants(s.Functions[i].Grants)
	}
	if s.Casts != nil {
		s.Casts.Sort()
	}
}

func (t *Table) sort() {
	slices.SortFunc(t.Constraints, func(a, b Constraint) int { return cmp.Compare(a.Name, b.Name) })
	sortIndexes(t.Indexes)
	slices.SortFunc(t.Triggers, func(a, b Trigger) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(t.Policies, func(a, b Policy) int { return cmp.Compare(a.Name, b.Name) })
	for i := range t.Policies {
		slices.Sort(t.Policies[i].Roles)
	}
	slices.Sort(t.Options)
	sortGrants(t.Grants)
	for i := range t.Columns {
		sortGrants(t.Columns[i].Grants)
	}
}

func sortIndexes(ix []Index) {
	slices.SortFunc(ix, func(a, b Index) int { return cmp.Compare(a.Name, b.Name) })
}

func sortGrants(g []Grant) {
	slices.SortFunc(g, func(a, b Grant) int {
		if c := cmp.Compare(a.Grantee, b.Grantee); c != 0 {
			return c
		}
		return cmp.Compare(a.Privilege, b.Privilege)
	})
}

// Table returns the table named q, or nil.
func (s *Schema) Table(q QName) *Table {
	for i := range s.Tables {
		if s.Tables[i].QName == q {
			return &s.Tables[i]
		}
	}
	return nil
}

// Column returns the column named name, or nil.
func (t *Table) Column(name string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

// QuoteIdent quotes an identifier the way PostgreSQL's quote_ident does:
// only when it is not a lower-case plain identifier or is a reserved word.
func QuoteIdent(s string) string {
	if s != "" && !needsQuote(s) {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// Qualified renders q as a quoted schema.name for SQL.
func (q QName) Qualified() string { return QuoteIdent(q.Schema) + "." + QuoteIdent(q.Name) }

func needsQuote(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r == '_':
		case (r >= '0' && r <= '9') || r == '$':
			if i == 0 {
				return true
			}
		default:
			return true
		}
	}
	return isKeyword(s)
}

// isKeyword reports whether a plain lower-case identifier collides with a
// keyword that quote_ident would quote.
func isKeyword(s string) bool { return sqlparse.NeedsQuoting(s) }
