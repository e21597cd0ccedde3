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

// relSet is a set of relation names matched with sameRel.
type relSet struct {
	names []relName
}

func (s *relSet) add(r relName) {
	if !s.has(r) {
		s.names = append(s.names, r)
	}
}

func (s *relSet) has(r relName) bool {
	for _, n := range s.names {
		if sameRel(n, r) {
			return true
		}
	}
	return false
}

func (s *relSet) remove(r relName) {
	out := s.names[:0]
	for _, n := range s.names {
		if !sameRel(n, r) {
			out = append(out, n)
		}
	}
	s.names = out
}

// rename replaces r by the same relation under a new name (RENAME TO) or
// in a new schema (SET SCHEMA), when r is in the set.
func (s *relSet) rename(r, to relName) {
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

// colSet is a set of columns matched with sameRel on their relation.
type colSet struct {
	cols []colName
}

func (s *colSet) add(c colName) {
	if !s.has(c) {
		s.cols = append(s.cols, c)
	}
}

func (s *colSet) has(c colName) bool {
	for _, x := range s.cols {
		if x.Column == c.Column && sameRel(x.Rel, c.Rel) {
			return true
		}
	}
	return false
}

// funcName returns the last part of a function name list, lowercase.
func funcName(names []*pg_query.Node) string {
	if len(names) == 0 {
		return ""
	}
	return strings.ToLower(names[len(names)-1].GetString_().GetSval())
}
