package rowgen

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/migrate-tool/migrate/schema"
)

// route is a set of partition-key values that sends a row to one leaf
// partition; an empty route accepts any value (a DEFAULT or HASH leaf).
type route map[string]string

// routes lists one route per leaf partition of the partitioned table root,
// so rows cycle through every leaf. Leaves whose bound the generator
// cannot satisfy (a range starting at MINVALUE, a key expression) are left
// out; nil means the table is not partitioned or no leaf was usable.
func routes(s *schema.Schema, root *schema.Table) []route {
	if root.PartitionKey == "" {
		return nil
	}
	children := map[schema.QName][]*schema.Table{}
	for i := range s.Tables {
		if p := s.Tables[i].PartitionOf; p != nil {
			children[*p] = append(children[*p], &s.Tables[i])
		}
	}
	var out []route
	var walk func(t *schema.Table, acc route, depth int)
	walk = func(t *schema.Table, acc route, depth int) {
		if depth > 8 {
			return
		}
		kids := children[t.QName]
		if t.PartitionKey == "" || len(kids) == 0 {
			if t != root {
				out = append(out, acc)
			}
			return
		}
		keys := partitionKeyColumns(t.PartitionKey)
		for _, k := range kids {
			vals, ok := boundValues(k.PartitionBound, keys)
			if !ok {
				continue
			}
			next := route{}
			for c, v := range acc {
				next[c] = v
			}
			for c, v := range vals {
				next[c] = v
			}
			walk(k, next, depth+1)
		}
	}
	walk(root, route{}, 0)
	return out
}

// leafRoute is the route of partition t of s (the values its bound and
// its ancestors' bounds demand); false when one cannot be picked.
func leafRoute(s *schema.Schema, t *schema.Table) (route, bool) {
	r := route{}
	for i := 0; t.PartitionOf != nil && i < 16; i++ {
		p := s.Table(*t.PartitionOf)
		if p == nil {
			return nil, false
		}
		vals, ok := boundValues(t.PartitionBound, partitionKeyColumns(p.PartitionKey))
		if !ok {
			return nil, false
		}
		for c, v := range vals {
			if _, set := r[c]; !set {
				r[c] = v
			}
		}
		t = p
	}
	return r, true
}

// partitionKeyColumns returns the key's columns in order; "" marks a key
// expression.
func partitionKeyColumns(key string) []string {
	tree, err := pg_query.Parse("CREATE TABLE x (a int) PARTITION BY " + key)
	if err != nil || len(tree.GetStmts()) != 1 {
		return nil
	}
	cs := tree.GetStmts()[0].GetStmt().GetCreateStmt()
	var out []string
	for _, p := range cs.GetPartspec().GetPartParams() {
		out = append(out, p.GetPartitionElem().GetName())
	}
	return out
}

// boundValues picks key values inside a partition bound: a range's lower
// bound (inclusive), a list's first non-null value; nothing for HASH and
// DEFAULT. ok is false when no value can be picked.
func boundValues(bound string, keys []string) (map[string]string, bool) {
	tree, err := pg_query.Parse("CREATE TABLE x PARTITION OF y " + bound)
	if err != nil || len(tree.GetStmts()) != 1 {
		return nil, false
	}
	b := tree.GetStmts()[0].GetStmt().GetCreateStmt().GetPartbound()
	if b == nil {
		return nil, false
	}
	out := map[string]string{}
	switch {
	case b.GetIsDefault(), b.GetStrategy() == "h":
		return out, true
	case b.GetStrategy() == "l":
		if len(keys) != 1 || keys[0] == "" {
			return nil, false
		}
		for _, d := range b.GetListdatums() {
			if v, ok := constOf(d); ok {
				out[keys[0]] = v
				return out, true
			}
		}
		return nil, false
	case b.GetStrategy() == "r":
		lower := b.GetLowerdatums()
		if len(lower) != len(keys) {
			return nil, false
		}
		for i, d := range lower {
			if cr := d.GetColumnRef(); cr != nil {
				return nil, false // MINVALUE
			}
			v, ok := constOf(d)
			if !ok || keys[i] == "" {
				return nil, false
			}
			out[keys[i]] = v
		}
		return out, true
	}
	return nil, false
}

// holdsRows reports whether t stores rows of its own: a plain table, an
// inheritance parent or child, or a leaf partition.
func holdsRows(t *schema.Table) bool { return t.PartitionKey == "" }

// StoresRows reports whether any table of s stores rows: without one a
// data-carrying run has nothing to check.
func StoresRows(s *schema.Schema) bool {
	for i := range s.Tables {
		if holdsRows(&s.Tables[i]) {
			return true
		}
	}
	return false
}
