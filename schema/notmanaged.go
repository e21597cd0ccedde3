package schema

import "fmt"

// NotManaged is something a declaration holds that comparisons cannot
// see, so autogenerate would neither create nor drop it: an object of a
// kind outside the model (a cast, an aggregate, a text search
// configuration...), or a whole schema left out by the compared schemas.
type NotManaged struct {
	// Kind is the object kind as SQL names it ("cast", "aggregate",
	// "text search configuration"), or "schema" for a schema outside the
	// compared ones.
	Kind string `json:"kind"`
	// Schema is the schema the object lives in; empty for objects that
	// belong to no schema (casts, event triggers, publications...).
	Schema string `json:"schema,omitempty"`
	// Name is the object as SQL would name it: public.mysum(integer),
	// (text AS public.email); for Kind "schema", the schema's name.
	Name string `json:"name"`
	// Objects counts the declared objects in a schema of Kind "schema".
	Objects int `json:"objects,omitempty"`
}

// String is the line that reports it: "aggregate public.mysum(integer)",
// "schema audit (3 objects)".
func (n NotManaged) String() string {
	if n.Kind == "schema" {
		if n.Objects == 1 {
			return fmt.Sprintf("schema %s (1 object)", n.Name)
		}
		return fmt.Sprintf("schema %s (%d objects)", n.Name, n.Objects)
	}
	return n.Kind + " " + n.Name
}

// keepNotManaged keeps the entries the filter does not leave out on
// purpose: objects excluded by name, and schemas excluded whole, are not
// reported.
func keepNotManaged(f Filter, items []NotManaged) []NotManaged {
	var out []NotManaged
	for _, n := range items {
		switch {
		case n.Kind == "schema":
			if !excludedWhole(f, n.Name) {
				out = append(out, n)
			}
		case n.Schema == "":
			out = append(out, n)
		case f.KeepSchema(n.Schema):
			out = append(out, n)
		}
	}
	return out
}

// excludedWhole reports whether a "schema.*" pattern leaves schema out.
func excludedWhole(f Filter, schema string) bool {
	return !Filter{Exclude: f.Exclude}.KeepSchema(schema)
}
