package lint

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// relName is a possibly schema-qualified relation name as the parser
// folded it (unquoted names are lowercase).
type relName struct {
	Schema, Name string
}

func (r relName) String() string {
	if r.Schema == "" {
		return r.Name
	}
	return r.Schema + "." + r.Name
}

// sameRel reports whether two references may name the same relation: the
// names match and, when both are qualified, so do the schemas. An
// unqualified name is taken to be the one found on the search path.
func sameRel(a, b relName) bool {
	return a.Name == b.Name && (a.Schema == "" || b.Schema == "" || a.Schema == b.Schema)
}

func rangeVarName(rv *pg_query.RangeVar) relName {
	return relName{Schema: rv.GetSchemaname(), Name: rv.GetRelname()}
}

// listName reads a name given as a list of String nodes (DROP TABLE's
// objects): [name] or [schema, name] (a database prefix is ignored).
func listName(n *pg_query.Node) relName {
	var parts []string
	for _, item := range n.GetList().GetItems() {
		parts = append(parts, item.GetString_().GetSval())
	}
	switch len(parts) {
	case 0:
		return relName{}
	case 1:
		return relName{Name: parts[0]}
	default:
		return relName{Schema: parts[len(parts)-2], Name: parts[len(parts)-1]}
	}
}

// set is a small ordered set of names, compared with same rather than ==,
// so that an unqualified name finds its qualified spelling.
type set[T relName | colName] struct {
	items []T
}

// same reports whether two names may be the same object (sameRel).
func same[T relName | colName](a, b T) bool {
	switch x := any(a).(type) {
	case relName:
		return sameRel(x, any(b).(relName))
	case colName:
		y := any(b).(colName)
		return x.Column == y.Column && sameRel(x.Rel, y.Rel)
	}
	return false
}

func (s *set[T]) add(x T) {
	if !s.has(x) {
		s.items = append(s.items, x)
	}
}

func (s *set[T]) has(x T) bool {
	for _, y := range s.items {
		if same(y, x) {
			return true
		}
	}
	return false
}

func (s *set[T]) remove(x T) {
	out := s.items[:0]
	for _, y := range s.items {
		if !same(y, x) {
			out = append(out, y)
		}
	}
	s.items = out
}

// relSet is a set of relation names.
type relSet = set[relName]

// renameRel replaces r in s by the same relation under a new name (RENAME
// TO) or in a new schema (SET SCHEMA), when s holds r.
func renameRel(s *relSet, r, to relName) {
	if s.has(r) {
		s.remove(r)
		s.add(to)
	}
}

// colName is a column of a relation.
type colName struct {
	Rel    relName
	Column string
}

func (c colName) String() string { return c.Rel.String() + "." + c.Column }

// colSet is a set of columns.
type colSet = set[colName]

// funcName returns the last part of a function name list, lowercase.
func funcName(names []*pg_query.Node) string {
	if len(names) == 0 {
		return ""
	}
	return strings.ToLower(names[len(names)-1].GetString_().GetSval())
}
