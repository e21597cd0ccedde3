package schema

import "slices"

// CastCatalog is what a server knows about converting values between types:
// its pg_cast entries, and the types of the string category, which every
// value converts to (and, explicitly, from) through text input/output.
// Autogenerate decides from it how a column changes type: without USING
// where PostgreSQL has an implicit or assignment conversion, with an
// explicit cast, or not in place at all. It describes the server a schema
// was read from, not objects of the schema: it is not compared and not
// serialized.
type CastCatalog struct {
	// Casts are the pg_cast entries between two different types, sorted.
	Casts []Cast
	// StringTypes are the base types of the string category (text,
	// character varying, character, name, and extension types such as
	// citext), as format_type names them, sorted.
	StringTypes []string
}

// CastContext says where PostgreSQL applies a cast by itself
// (pg_cast.castcontext).
type CastContext string

// The cast contexts, from the most to the least permissive.
const (
	// CastImplicit casts apply anywhere, even inside expressions.
	CastImplicit CastContext = "implicit"
	// CastAssignment casts apply when a value is stored in a column of
	// the target type (INSERT, UPDATE, ALTER COLUMN TYPE without USING).
	CastAssignment CastContext = "assignment"
	// CastExplicit casts apply only when written (x::type, CAST).
	CastExplicit CastContext = "explicit"
)

// Allows reports whether a cast of context c applies in context want
// (an implicit cast also applies on assignment and when written).
func (c CastContext) Allows(want CastContext) bool {
	rank := map[CastContext]int{CastImplicit: 0, CastAssignment: 1, CastExplicit: 2}
	return rank[c] <= rank[want]
}

// Cast is one pg_cast entry. Source and Target are format_type names
// without type modifiers ("bigint", "character varying", "public.citext").
type Cast struct {
	Source  string      `json:"source"`
	Target  string      `json:"target"`
	Context CastContext `json:"context"`
}

// Lookup returns the context of the cast from source to target, and false
// when the server has none.
func (c *CastCatalog) Lookup(source, target string) (CastContext, bool) {
	if c == nil {
		return "", false
	}
	i, ok := slices.BinarySearchFunc(c.Casts, Cast{Source: source, Target: target}, compareCasts)
	if !ok {
		return "", false
	}
	return c.Casts[i].Context, true
}

// IsString reports whether typ (a format_type name without modifiers) is
// of the string category.
func (c *CastCatalog) IsString(typ string) bool {
	if c == nil {
		return false
	}
	_, ok := slices.BinarySearch(c.StringTypes, typ)
	return ok
}

// Sort puts the catalog in the order Lookup and IsString search.
func (c *CastCatalog) Sort() {
	slices.SortFunc(c.Casts, compareCasts)
	slices.Sort(c.StringTypes)
}

func compareCasts(a, b Cast) int {
	if a.Source != b.Source {
		if a.Source < b.Source {
			return -1
		}
		return 1
	}
	switch {
	case a.Target < b.Target:
		return -1
	case a.Target > b.Target:
		return 1
	}
	return 0
}
