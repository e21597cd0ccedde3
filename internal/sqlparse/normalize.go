package sqlparse

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// NormalizeOptions tune expression normalization.
type NormalizeOptions struct {
	// DefaultSchema is dropped from qualified relation names and regclass
	// literals, so "public.users" and "users" compare equal. Function and
	// type names keep it: unqualified, they name pg_catalog objects. Empty
	// means "public".
	DefaultSchema string
}

// Normalized forms are compared, never executed: two texts that normalize
// to the same string mean the same thing to PostgreSQL in the contexts the
// catalog stores them in (column defaults, checks, index and policy
// expressions, view and trigger definitions).
//
// What is normalized, after parsing with PostgreSQL's own parser:
//   - spelling and layout: whitespace, comments, letter case of keywords and
//     unquoted identifiers, redundant parentheses (none of them survive parsing);
//   - source positions (location fields) are dropped;
//   - constants compare by their text: 0, '0' and '0'::numeric are equal,
//     as are -1 and '-1'::integer (the catalog prints negative numbers as
//     quoted casts); NULL stays distinct from 'NULL';
//   - casts of constants and of ARRAY[...] of constants are dropped
//     ('x'::text, (0)::numeric, ARRAY['a'::text]::text[]), and so are the
//     casts the catalog adds to string-typed columns (col::text,
//     col::character varying) — the column's type decides those;
//   - type names: the pg_catalog qualifier and aliases (int, int4,
//     integer; varchar, character varying; timestamptz, timestamp with time
//     zone; bool, boolean) compare equal;
//   - the default schema qualifier on relations and regclass literals
//     ('public.seq'::regclass vs 'seq');
//   - functions and types compare by what the name resolves to in catalog
//     text, which is printed with an empty search_path: pg_catalog.f and f
//     are the same function, public.f is another one (pgcrypto's
//     public.gen_random_uuid() is not the built-in gen_random_uuid());
//   - now(), transaction_timestamp() and CURRENT_TIMESTAMP (without
//     precision) are the same function;
//   - x IN (a, b) equals x = ANY (ARRAY[a, b]); x NOT IN (...) equals
//     x <> ALL (ARRAY[...]); x BETWEEN a AND b equals x >= a AND x <= b;
//     LIKE/ILIKE equal the ~~/~~* operators the catalog prints;
//   - nested AND/OR are flattened.
//
// Nothing else is rewritten: a difference that survives is reported.

// NormalizeExpr returns the normalized form of a scalar expression (a
// column default, a generated column, a policy's USING clause).
func NormalizeExpr(expr string, opts NormalizeOptions) (string, error) {
	return normalize("SELECT "+expr, opts)
}

// NormalizeConstraint returns the normalized form of a table or domain
// constraint definition as pg_get_constraintdef prints it
// ("CHECK ((price > (0)::numeric))", "FOREIGN KEY (a) REFERENCES t(id)").
func NormalizeConstraint(def string, opts NormalizeOptions) (string, error) {
	return normalize("ALTER TABLE t ADD CONSTRAINT c "+def, opts)
}

// NormalizeStatement returns the normalized form of a whole statement (a
// CREATE INDEX, a CREATE TRIGGER, a view's SELECT).
func NormalizeStatement(sql string, opts NormalizeOptions) (string, error) {
	return normalize(sql, opts)
}

// EqualExpr reports whether two expressions are equal as texts or as
// normalized parse trees; an expression that does not parse only equals
// its exact text.
func EqualExpr(a, b string, opts NormalizeOptions) bool {
	return equalWith(a, b, opts, NormalizeExpr)
}

// EqualConstraint is EqualExpr for constraint definitions.
func EqualConstraint(a, b string, opts NormalizeOptions) bool {
	return equalWith(a, b, opts, NormalizeConstraint)
}

// EqualStatement is EqualExpr for whole statements.
func EqualStatement(a, b string, opts NormalizeOptions) bool {
	return equalWith(a, b, opts, NormalizeStatement)
}

func equalWith(a, b string, opts NormalizeOptions, f func(string, NormalizeOptions) (string, error)) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	na, err := f(a, opts)
	if err != nil {
		return false
	}
	nb, err := f(b, opts)
	if err != nil {
		return false
	}
	return na == nb
}

func normalize(sql string, opts NormalizeOptions) (string, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return "", syntaxError(sql, 0, err)
	}
	if opts.DefaultSchema == "" {
		opts.DefaultSchema = "public"
	}
	n := &normalizer{opts: opts}
	stmts := tree.GetStmts()
	out := make([]any, 0, len(stmts))
	for _, s := range stmts {
		out = append(out, n.node(generic(reflect.ValueOf(s.GetStmt()))))
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("normalizing %q: %w", sql, err)
	}
	return string(b), nil
}

// tnode is a parse tree node in generic form: its type name ("TypeCast")
// and its fields.
type tnode struct {
	T string         `json:"t"`
	F map[string]any `json:"f,omitempty"`
}

func mk(t string, f map[string]any) *tnode { return &tnode{T: t, F: f} }

var aConstType = reflect.TypeOf(pg_query.A_Const{})

// generic converts a pg_query protobuf value into maps, slices and scalars,
// dropping positions and protobuf bookkeeping. Structs become
// {"TypeName": {fields}}; Node wrappers and oneof wrappers disappear.
func generic(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		e := v.Elem()
		if v.Kind() == reflect.Interface && e.Kind() == reflect.Pointer && e.Elem().Kind() == reflect.Struct && e.Elem().NumField() == 1 {
			// a oneof wrapper (Node_TypeCast{TypeCast: ...}): keep its content
			return generic(e.Elem().Field(0))
		}
		return generic(e)
	case reflect.Struct:
		t := v.Type()
		if t == aConstType {
			return constNode(v.Addr().Interface().(*pg_query.A_Const))
		}
		if t.Name() == "Node" {
			return generic(v.FieldByName("Node"))
		}
		fields := map[string]any{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			switch f.Name {
			case "Location", "StmtLocation", "StmtLen":
				continue
			}
			fields[f.Name] = generic(v.Field(i))
		}
		return mk(t.Name(), fields)
	case reflect.Slice:
		if v.Len() == 0 {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = generic(v.Index(i))
		}
		return out
	case reflect.Int32:
		if s, ok := v.Interface().(fmt.Stringer); ok {
			return s.String()
		}
		return v.Int()
	default:
		return v.Interface()
	}
}

// constNode gives every constant its text, whatever its lexical kind.
func constNode(c *pg_query.A_Const) any {
	if c.GetIsnull() {
		return mk("Null", nil)
	}
	var s string
	switch {
	case c.GetIval() != nil:
		s = strconv.Itoa(int(c.GetIval().GetIval()))
	case c.GetFval() != nil:
		s = c.GetFval().GetFval()
	case c.GetBoolval() != nil:
		s = strconv.FormatBool(c.GetBoolval().GetBoolval())
	case c.GetSval() != nil:
		s = c.GetSval().GetSval()
	case c.GetBsval() != nil:
		s = c.GetBsval().GetBsval()
	}
	return mk("Const", map[string]any{"v": s})
}

type normalizer struct{ opts NormalizeOptions }

// node normalizes children first, then the node itself.
func (n *normalizer) node(v any) any {
	switch x := v.(type) {
	case []any:
		for i := range x {
			x[i] = n.node(x[i])
		}
		return x
	case *tnode:
		for k, c := range x.F {
			x.F[k] = n.node(c)
		}
		return n.rewrite(x)
	}
	return v
}

func (n *normalizer) rewrite(self *tnode) any {
	f := self.F
	switch self.T {
	case "TypeCast":
		arg := f["Arg"]
		if isConst(arg) || isConstArray(arg) {
			if isType(f["TypeName"], "regclass") {
				if c, ok := arg.(*tnode); ok && c.T == "Const" {
					s, _ := c.F["v"].(string)
					return mk("Const", map[string]any{"v": strings.TrimPrefix(s, n.opts.DefaultSchema+".")})
				}
			}
			return arg
		}
		if isNode(arg, "ColumnRef") && isType(f["TypeName"], "text", "varchar", "bpchar", "name") {
			return arg
		}
	case "TypeName":
		// Only pg_catalog: an unqualified name in catalog text is a
		// pg_catalog one, so public.x and x are different objects.
		f["Names"] = n.stripQualifier(f["Names"], "pg_catalog")
	case "FuncCall":
		f["Funcname"] = n.stripQualifier(f["Funcname"], "pg_catalog")
		if names, ok := f["Funcname"].([]any); ok && len(names) == 1 && f["Args"] == nil {
			switch stringOf(names[0]) {
			case "now", "transaction_timestamp":
				return mk("Now", nil)
			}
		}
	case "SQLValueFunction":
		if f["Op"] == "SVFOP_CURRENT_TIMESTAMP" && f["Typmod"] == int64(-1) {
			return mk("Now", nil)
		}
	case "RangeVar":
		if f["Schemaname"] == n.opts.DefaultSchema {
			f["Schemaname"] = ""
		}
	case "A_Expr":
		return rewriteAExpr(f, self)
	case "BoolExpr":
		f["Args"] = flattenBool(f["Boolop"], f["Args"])
	}
	return self
}

func rewriteAExpr(f map[string]any, self *tnode) any {
	op := ""
	if names, ok := f["Name"].([]any); ok && len(names) == 1 {
		op = stringOf(names[0])
	}
	switch f["Kind"] {
	case "AEXPR_IN":
		items, _ := listItems(f["Rexpr"])
		kind := "AEXPR_OP_ANY"
		if op == "<>" {
			kind = "AEXPR_OP_ALL"
		}
		f["Kind"] = kind
		f["Rexpr"] = mk("A_ArrayExpr", map[string]any{"Elements": items})
	case "AEXPR_LIKE", "AEXPR_ILIKE":
		f["Kind"] = "AEXPR_OP"
	case "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN":
		items, ok := listItems(f["Rexpr"])
		if !ok || len(items) != 2 {
			return self
		}
		lo, hi, bop := ">=", "<=", "AND_EXPR"
		if f["Kind"] == "AEXPR_NOT_BETWEEN" {
			lo, hi, bop = "<", ">", "OR_EXPR"
		}
		return mk("BoolExpr", map[string]any{
			"Boolop": bop,
			"Args":   []any{opExpr(lo, f["Lexpr"], items[0]), opExpr(hi, f["Lexpr"], items[1])},
			"Xpr":    nil,
		})
	}
	return self
}

func opExpr(op string, l, r any) *tnode {
	return mk("A_Expr", map[string]any{
		"Kind":  "AEXPR_OP",
		"Name":  []any{mk("String", map[string]any{"Sval": op})},
		"Lexpr": l,
		"Rexpr": r,
	})
}

func flattenBool(op any, args any) any {
	list, ok := args.([]any)
	if !ok {
		return args
	}
	var out []any
	for _, a := range list {
		if b, ok := a.(*tnode); ok && b.T == "BoolExpr" {
			if inner := b.F; inner["Boolop"] == op && op != "NOT_EXPR" {
				if sub, ok := inner["Args"].([]any); ok {
					out = append(out, sub...)
					continue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

func listItems(v any) ([]any, bool) {
	if n, ok := v.(*tnode); ok && n.T == "List" {
		items, _ := n.F["Items"].([]any)
		return items, true
	}
	if items, ok := v.([]any); ok {
		return items, true
	}
	return nil, false
}

// stripQualifier drops a leading schema name that is one of qualifiers
// from a dotted name list.
func (n *normalizer) stripQualifier(v any, qualifiers ...string) any {
	names, ok := v.([]any)
	if !ok || len(names) < 2 {
		return v
	}
	first := stringOf(names[0])
	for _, q := range qualifiers {
		if first == q {
			return names[1:]
		}
	}
	return v
}

func stringOf(v any) string {
	if n, ok := v.(*tnode); ok && n.T == "String" {
		str, _ := n.F["Sval"].(string)
		return str
	}
	return ""
}

func isNode(v any, name string) bool {
	n, ok := v.(*tnode)
	return ok && n.T == name
}

func isConst(v any) bool { return isNode(v, "Const") }

func isConstArray(v any) bool {
	n, ok := v.(*tnode)
	if !ok || n.T != "A_ArrayExpr" {
		return false
	}
	elems, _ := n.F["Elements"].([]any)
	for _, e := range elems {
		if !isConst(e) {
			return false
		}
	}
	return true
}

// isType reports whether a TypeName node (already normalized) names one of
// the given catalog types, ignoring typmods and array bounds.
func isType(v any, names ...string) bool {
	n, ok := v.(*tnode)
	if !ok || n.T != "TypeName" {
		return false
	}
	parts, _ := n.F["Names"].([]any)
	if len(parts) != 1 {
		return false
	}
	s := stringOf(parts[0])
	for _, want := range names {
		if s == want {
			return true
		}
	}
	return false
}
