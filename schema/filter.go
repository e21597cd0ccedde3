package schema

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// Filter selects the part of a Schema that autogenerate compares. The same
// filter is applied to the live and the declared side, so an object left
// out is never created, altered or dropped.
type Filter struct {
	// Schemas are the schemas kept; empty, or ["*"], keeps every schema.
	Schemas []string
	// Exclude are glob patterns (path.Match syntax, matched against
	// unquoted names) of objects left out: "schema.name", "name" (in any
	// kept schema) or "schema.*" (everything in a schema, and the schema
	// itself). They apply to every named object: tables, views, sequences,
	// types, domains, functions (by name, all overloads), operators (by
	// symbol) and extensions.
	Exclude []string
}

// Validate reports the first malformed pattern.
func (f Filter) Validate() error {
	for _, p := range f.Exclude {
		if p == "" {
			return fmt.Errorf("exclude: empty pattern")
		}
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("exclude: %q is not a valid glob pattern", p)
		}
		if strings.Count(p, ".") > 1 {
			return fmt.Errorf("exclude: %q: want name, schema.name or schema.*", p)
		}
	}
	return nil
}

// KeepSchema reports whether objects of schema name are compared at all.
func (f Filter) KeepSchema(name string) bool {
	if len(f.Schemas) > 0 && !slices.Contains(f.Schemas, name) && !slices.Contains(f.Schemas, "*") {
		return false
	}
	for _, p := range f.Exclude {
		if sch, rest, ok := strings.Cut(p, "."); ok && rest == "*" && match(sch, name) {
			return false
		}
	}
	return true
}

// Keep reports whether the object q is compared.
func (f Filter) Keep(q QName) bool {
	if !f.KeepSchema(q.Schema) {
		return false
	}
	for _, p := range f.Exclude {
		sch, name, qualified := strings.Cut(p, ".")
		if !qualified {
			if match(sch, q.Name) {
				return false
			}
			continue
		}
		if match(sch, q.Schema) && match(name, q.Name) {
			return false
		}
	}
	return true
}

// ExcludedSchemas lists the schemas a "schema.*" pattern without glob
// characters leaves out entirely, so introspection can skip them.
func (f Filter) ExcludedSchemas() []string {
	var out []string
	for _, p := range f.Exclude {
		if sch, rest, ok := strings.Cut(p, "."); ok && rest == "*" && !strings.ContainsAny(sch, `*?[\`) {
			out = append(out, sch)
		}
	}
	return out
}

func match(pattern, name string) bool {
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}

// Apply returns the part of s that f keeps. The result shares unchanged
// objects with s; s itself is not modified.
func (f Filter) Apply(s *Schema) *Schema {
	if s == nil {
		return nil
	}
	out := &Schema{Casts: s.Casts}
	for _, n := range s.Namespaces {
		if f.KeepSchema(n.Name) {
			out.Namespaces = append(out.Namespaces, n)
		}
	}
	for _, e := range s.Extensions {
		if f.Keep(QName{Schema: e.Schema, Name: e.Name}) {
			out.Extensions = append(out.Extensions, e)
		}
	}
	out.Collations = keep(f, s.Collations, func(c Collation) QName { return c.QName })
	out.Enums = keep(f, s.Enums, func(e Enum) QName { return e.QName })
	out.Domains = keep(f, s.Domains, func(d Domain) QName { return d.QName })
	out.Composites = keep(f, s.Composites, func(c CompositeType) QName { return c.QName })
	out.Sequences = keep(f, s.Sequences, func(q Sequence) QName { return q.QName })
	out.Tables = keep(f, s.Tables, func(t Table) QName { return t.QName })
	out.Views = keep(f, s.Views, func(v View) QName { return v.QName })
	out.Functions = keep(f, s.Functions, func(fn Function) QName { return fn.QName })
	out.Operators = keep(f, s.Operators, func(o Operator) QName { return o.QName })
	out.NotManaged = keepNotManaged(f, s.NotManaged)
	return out
}

func keep[T any](f Filter, items []T, name func(T) QName) []T {
	var out []T
	for _, it := range items {
		if f.Keep(name(it)) {
			out = append(out, it)
		}
	}
	return out
}
