package sqlparse

import (
	"fmt"
	"strconv"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// TypeName is a type reference as PostgreSQL's grammar reads it: keyword
// spellings are already resolved (int → pg_catalog.int4, double precision →
// pg_catalog.float8, char → pg_catalog.bpchar(1), float(30) →
// pg_catalog.float8), other names are kept as written.
type TypeName struct {
	// Names is the possibly qualified name: ["pg_catalog", "int4"],
	// ["text"], ["public", "status"].
	Names []string
	// Mods are the type modifiers as written: integers for the built-in
	// types, identifiers or strings for some extension types.
	Mods []TypeMod
	// ArrayDims is the number of [] (or ARRAY) suffixes.
	ArrayDims int
	// Setof is true for "SETOF type" (function results only).
	Setof bool
}

// TypeMod is one type modifier: an integer (IsInt) or a word.
type TypeMod struct {
	Int   int64
	Word  string
	IsInt bool
}

// String renders the modifier the way format_type's default typmodout does.
func (m TypeMod) String() string {
	if m.IsInt {
		return strconv.FormatInt(m.Int, 10)
	}
	return m.Word
}

// ParseTypeName parses a type as it would be written in a column definition
// ("varchar(100)", "timestamp with time zone", "public.status", "int[]").
// Anything else in the text (a second type, a COLLATE clause, a trailing
// expression) is an error, so the result describes exactly one type.
func ParseTypeName(typ string) (*TypeName, error) {
	if v, ok := typeMemo.Load(typ); ok {
		p := v.(parsedType)
		return p.tn.clone(), p.err
	}
	tn, err := parseTypeName(typ)
	typeMemo.Store(typ, parsedType{tn.clone(), err})
	return tn, err
}

func parseTypeName(typ string) (*TypeName, error) {
	tree, err := pg_query.Parse("SELECT NULL::" + typ)
	if err != nil {
		return nil, fmt.Errorf("type %q: %w", typ, fragmentError(typ, len("SELECT NULL::"), err))
	}
	tn := onlyCastType(tree)
	if tn == nil {
		return nil, fmt.Errorf("type %q: not a single type name", typ)
	}
	return convertTypeName(tn)
}

// onlyCastType returns the type of "SELECT NULL::<type>" when the tree is
// exactly that statement, else nil.
func onlyCastType(tree *pg_query.ParseResult) *pg_query.TypeName {
	if len(tree.GetStmts()) != 1 {
		return nil
	}
	sel := tree.GetStmts()[0].GetStmt().GetSelectStmt()
	if sel == nil || len(sel.GetTargetList()) != 1 || sel.GetFromClause() != nil ||
		sel.GetWhereClause() != nil || sel.GetGroupClause() != nil || sel.GetHavingClause() != nil ||
		sel.GetSortClause() != nil || sel.GetLimitCount() != nil || sel.GetLimitOffset() != nil ||
		sel.GetLockingClause() != nil || sel.GetWithClause() != nil || sel.GetDistinctClause() != nil ||
		sel.GetWindowClause() != nil || sel.GetIntoClause() != nil {
		return nil
	}
	rt := sel.GetTargetList()[0].GetResTarget()
	if rt == nil || rt.GetName() != "" {
		return nil
	}
	tc := rt.GetVal().GetTypeCast()
	if tc == nil {
		return nil
	}
	if c := tc.GetArg().GetAConst(); c == nil || !c.GetIsnull() {
		return nil
	}
	return tc.GetTypeName()
}

func convertTypeName(tn *pg_query.TypeName) (*TypeName, error) {
	if tn.GetPctType() {
		return nil, fmt.Errorf("%%TYPE references are not supported")
	}
	out := &TypeName{ArrayDims: len(tn.GetArrayBounds()), Setof: tn.GetSetof()}
	for _, n := range tn.GetNames() {
		out.Names = append(out.Names, n.GetString_().GetSval())
	}
	for _, m := range tn.GetTypmods() {
		mod, err := convertTypeMod(m)
		if err != nil {
			return nil, err
		}
		out.Mods = append(out.Mods, mod)
	}
	return out, nil
}

func convertTypeMod(n *pg_query.Node) (TypeMod, error) {
	if c := n.GetAConst(); c != nil {
		switch {
		case c.GetIval() != nil:
			return TypeMod{Int: int64(c.GetIval().GetIval()), IsInt: true}, nil
		case c.GetSval() != nil:
			return TypeMod{Word: c.GetSval().GetSval()}, nil
		case c.GetFval() != nil:
			return TypeMod{Word: c.GetFval().GetFval()}, nil
		}
		// An A_Const with no value set is the integer 0.
		return TypeMod{IsInt: true}, nil
	}
	if cr := n.GetColumnRef(); cr != nil && len(cr.GetFields()) == 1 {
		return TypeMod{Word: cr.GetFields()[0].GetString_().GetSval()}, nil
	}
	return TypeMod{}, fmt.Errorf("unsupported type modifier")
}

// convertTypeNameNode is convertTypeName for callers holding a parse tree.
func convertTypeNameNode(tn *pg_query.TypeName) (*TypeName, error) {
	if tn == nil {
		return nil, nil
	}
	return convertTypeName(tn)
}
