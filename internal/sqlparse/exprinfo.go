package sqlparse

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pganalyze/pg_query_go/v5/parser"
)

// parseExpr parses a single scalar expression (as written in a DEFAULT,
// CHECK, index key or WHERE clause) and returns its tree.
func parseExpr(expr string) (*pg_query.Node, error) {
	tree, err := pg_query.Parse("SELECT " + expr)
	if err != nil {
		return nil, fmt.Errorf("expression %q: %w", expr, fragmentError(expr, len("SELECT "), err))
	}
	if len(tree.GetStmts()) != 1 {
		return nil, fmt.Errorf("expression %q: not a single expression", expr)
	}
	sel := tree.GetStmts()[0].GetStmt().GetSelectStmt()
	if sel == nil || len(sel.GetTargetList()) != 1 || sel.GetFromClause() != nil ||
		sel.GetWhereClause() != nil || sel.GetSortClause() != nil || sel.GetLimitCount() != nil ||
		sel.GetGroupClause() != nil || sel.GetWithClause() != nil || sel.GetIntoClause() != nil {
		return nil, fmt.Errorf("expression %q: not a single expression", expr)
	}
	rt := sel.GetTargetList()[0].GetResTarget()
	if rt == nil || rt.GetName() != "" {
		return nil, fmt.Errorf("expression %q: not a single expression", expr)
	}
	return rt.GetVal(), nil
}

// CheckExpr reports whether expr parses as one scalar expression.
func CheckExpr(expr string) error {
	if v, ok := checkMemo.Load(expr); ok {
		return errOrNil(v)
	}
	_, err := parseExpr(expr)
	checkMemo.Store(expr, err)
	return err
}

// ExprColumns returns the distinct column names an expression refers to, in
// order of first appearance (for "t.col" the last part). It is what
// PostgreSQL looks at when it names a CHECK constraint after its column.
func ExprColumns(expr string) ([]string, error) {
	js, err := pg_query.ParseToJSON("SELECT " + expr)
	if err != nil {
		return nil, fmt.Errorf("expression %q: %w", expr, fragmentError(expr, len("SELECT "), err))
	}
	var tree any
	if err := json.Unmarshal([]byte(js), &tree); err != nil {
		return nil, fmt.Errorf("expression %q: %w", expr, err)
	}
	var cols []string
	seen := map[string]bool{}
	walkJSON(tree, func(key string, v any) {
		if key != "ColumnRef" {
			return
		}
		m, _ := v.(map[string]any)
		fields, _ := m["fields"].([]any)
		if len(fields) == 0 {
			return
		}
		last, _ := fields[len(fields)-1].(map[string]any)
		s, _ := last["String"].(map[string]any)
		name, _ := s["sval"].(string)
		if name != "" && !seen[name] {
			seen[name] = true
			cols = append(cols, name)
		}
	})
	return cols, nil
}

// walkJSON calls fn for every key/value pair of every object in v, depth
// first in document order.
func walkJSON(v any, fn func(key string, v any)) {
	switch x := v.(type) {
	case map[string]any:
		// Map order is random; sorting the keys makes the walk
		// deterministic. Source order survives inside arrays, which is
		// where sibling references occur.
		for _, k := range slices.Sorted(maps.Keys(x)) {
			fn(k, x[k])
			walkJSON(x[k], fn)
		}
	case []any:
		for _, e := range x {
			walkJSON(e, fn)
		}
	}
}

// ColumnName returns the name PostgreSQL gives an expression when nothing
// names it explicitly (FigureColname): the column for a column reference,
// the function name for a call, "case", "coalesce", ... It returns "" when
// PostgreSQL would fall back to a generic name ("?column?", "expr").
func ColumnName(expr string) (string, error) {
	n, err := parseExpr(expr)
	if err != nil {
		return "", err
	}
	name, _ := figureColname(n)
	return name, nil
}

// figureColname mirrors FigureColnameInternal: it returns a name and its
// strength (0 none, 1 a fallback such as a type name, 2 a real name).
func figureColname(n *pg_query.Node) (string, int) {
	switch {
	case n == nil:
		return "", 0
	case n.GetColumnRef() != nil:
		f := n.GetColumnRef().GetFields()
		for i := len(f) - 1; i >= 0; i-- {
			if s := f[i].GetString_(); s != nil {
				return s.GetSval(), 2
			}
		}
	case n.GetAIndirection() != nil:
		ind := n.GetAIndirection().GetIndirection()
		for i := len(ind) - 1; i >= 0; i-- {
			if s := ind[i].GetString_(); s != nil {
				return s.GetSval(), 2
			}
		}
		return figureColname(n.GetAIndirection().GetArg())
	case n.GetFuncCall() != nil:
		fn := n.GetFuncCall().GetFuncname()
		if len(fn) > 0 {
			return fn[len(fn)-1].GetString_().GetSval(), 2
		}
	case n.GetAExpr() != nil:
		if n.GetAExpr().GetKind() == pg_query.A_Expr_Kind_AEXPR_NULLIF {
			return "nullif", 2
		}
	case n.GetTypeCast() != nil:
		name, strength := figureColname(n.GetTypeCast().GetArg())
		if strength <= 1 {
			if names := n.GetTypeCast().GetTypeName().GetNames(); len(names) > 0 {
				return names[len(names)-1].GetString_().GetSval(), 1
			}
		}
		return name, strength
	case n.GetCollateClause() != nil:
		return figureColname(n.GetCollateClause().GetArg())
	case n.GetGroupingFunc() != nil:
		return "grouping", 2
	case n.GetSubLink() != nil:
		switch n.GetSubLink().GetSubLinkType() {
		case pg_query.SubLinkType_EXISTS_SUBLINK:
			return "exists", 2
		case pg_query.SubLinkType_ARRAY_SUBLINK:
			return "array", 2
		case pg_query.SubLinkType_EXPR_SUBLINK, pg_query.SubLinkType_MULTIEXPR_SUBLINK:
			sel := n.GetSubLink().GetSubselect().GetSelectStmt()
			if sel != nil && len(sel.GetTargetList()) > 0 {
				if rt := sel.GetTargetList()[0].GetResTarget(); rt != nil && rt.GetName() != "" {
					return rt.GetName(), 2
				}
			}
		}
	case n.GetCaseExpr() != nil:
		name, strength := figureColname(n.GetCaseExpr().GetDefresult())
		if strength <= 1 {
			return "case", 1
		}
		return name, strength
	case n.GetAArrayExpr() != nil:
		return "array", 2
	case n.GetRowExpr() != nil:
		return "row", 2
	case n.GetCoalesceExpr() != nil:
		return "coalesce", 2
	case n.GetMinMaxExpr() != nil:
		if n.GetMinMaxExpr().GetOp() == pg_query.MinMaxOp_IS_GREATEST {
			return "greatest", 2
		}
		return "least", 2
	case n.GetSqlvalueFunction() != nil:
		return sqlValueFunctionName(n.GetSqlvalueFunction().GetOp()), 2
	case n.GetXmlExpr() != nil:
		return xmlExprName(n.GetXmlExpr().GetOp()), 2
	case n.GetXmlSerialize() != nil:
		return "xmlserialize", 2
	}
	return "", 0
}

func sqlValueFunctionName(op pg_query.SQLValueFunctionOp) string {
	switch op {
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
		return "current_date"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N:
		return "current_time"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N:
		return "current_timestamp"
	case pg_query.SQLValueFunctionOp_SVFOP_LOCALTIME, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
		return "localtime"
	case pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
		return "localtimestamp"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_ROLE:
		return "current_role"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_USER:
		return "current_user"
	case pg_query.SQLValueFunctionOp_SVFOP_USER:
		return "user"
	case pg_query.SQLValueFunctionOp_SVFOP_SESSION_USER:
		return "session_user"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_CATALOG:
		return "current_catalog"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_SCHEMA:
		return "current_schema"
	}
	return ""
}

func xmlExprName(op pg_query.XmlExprOp) string {
	switch op {
	case pg_query.XmlExprOp_IS_XMLCONCAT:
		return "xmlconcat"
	case pg_query.XmlExprOp_IS_XMLELEMENT:
		return "xmlelement"
	case pg_query.XmlExprOp_IS_XMLFOREST:
		return "xmlforest"
	case pg_query.XmlExprOp_IS_XMLPARSE:
		return "xmlparse"
	case pg_query.XmlExprOp_IS_XMLPI:
		return "xmlpi"
	case pg_query.XmlExprOp_IS_XMLROOT:
		return "xmlroot"
	case pg_query.XmlExprOp_IS_XMLSERIALIZE:
		return "xmlserialize"
	case pg_query.XmlExprOp_IS_DOCUMENT:
		return ""
	}
	return ""
}

// ExprKind classifies an expression for rendering an index key the way
// pg_get_indexdef does: a bare column, a function call (printed without
// extra parentheses), or another expression (wrapped in parentheses).
type ExprKind int

// Expression kinds returned by ClassifyExpr.
const (
	ExprOther ExprKind = iota
	ExprColumn
	ExprFuncCall
)

// ClassifyExpr parses expr and reports its kind; for ExprColumn it also
// returns the column name.
func ClassifyExpr(expr string) (ExprKind, string, error) {
	if v, ok := classifyMemo.Load(expr); ok {
		c := v.(classified)
		return c.kind, c.col, c.err
	}
	kind, col, err := classifyExpr(expr)
	classifyMemo.Store(expr, classified{kind, col, err})
	return kind, col, err
}

func classifyExpr(expr string) (ExprKind, string, error) {
	n, err := parseExpr(expr)
	if err != nil {
		return ExprOther, "", err
	}
	if cr := n.GetColumnRef(); cr != nil && len(cr.GetFields()) == 1 && cr.GetFields()[0].GetString_() != nil {
		return ExprColumn, cr.GetFields()[0].GetString_().GetSval(), nil
	}
	if n.GetFuncCall() != nil || n.GetCoalesceExpr() != nil || n.GetMinMaxExpr() != nil ||
		n.GetSqlvalueFunction() != nil {
		return ExprFuncCall, "", nil
	}
	return ExprOther, "", nil
}

// SelectColumns returns the output column names of a SELECT (the names a
// view over it gets), or nil when they cannot be known without the catalog
// (a * in the target list, or a set operation).
func SelectColumns(query string) ([]string, error) {
	tree, err := pg_query.Parse(query)
	if err != nil {
		return nil, fmt.Errorf("query: %w", syntaxError(query, 0, err))
	}
	if len(tree.GetStmts()) != 1 {
		return nil, fmt.Errorf("query: want exactly one SELECT statement, have %d statements", len(tree.GetStmts()))
	}
	sel := tree.GetStmts()[0].GetStmt().GetSelectStmt()
	if sel == nil {
		return nil, fmt.Errorf("query: not a SELECT statement")
	}
	if sel.GetOp() != pg_query.SetOperation_SETOP_NONE || sel.GetValuesLists() != nil {
		return nil, nil
	}
	var cols []string
	for _, t := range sel.GetTargetList() {
		rt := t.GetResTarget()
		if rt.GetName() != "" {
			cols = append(cols, rt.GetName())
			continue
		}
		if cr := rt.GetVal().GetColumnRef(); cr != nil {
			f := cr.GetFields()
			if len(f) > 0 && f[len(f)-1].GetAStar() != nil {
				return nil, nil
			}
		}
		name, _ := figureColname(rt.GetVal())
		if name == "" {
			name = "?column?"
		}
		cols = append(cols, name)
	}
	return cols, nil
}

// IndexKey is one element of an index's key list, as written inside
// CREATE INDEX's parentheses.
type IndexKey struct {
	// Column is set for a plain column key; Expr (deparsed by pg_query)
	// for an expression key, and ExprIsCall when it is a function call
	// (pg_get_indexdef prints those without extra parentheses).
	Column     string
	Expr       string
	ExprIsCall bool
	// FigureName is the name PostgreSQL derives for an expression key
	// ("lower" for lower(email)); "" when there is none.
	FigureName string
	Collation  []string // possibly qualified
	Opclass    []string // possibly qualified
	Desc       bool
	// Nulls is "FIRST", "LAST" or "" when not given.
	Nulls string
}

// ParseIndexKey parses one index key: a column or an expression, with
// optional COLLATE, operator class, ASC/DESC and NULLS FIRST/LAST.
func ParseIndexKey(key string) (*IndexKey, error) {
	tree, err := pg_query.Parse("CREATE INDEX i ON t (" + key + ")")
	if err != nil {
		return nil, fmt.Errorf("index key %q: %w", key, fragmentError(key, len("CREATE INDEX i ON t ("), err))
	}
	if len(tree.GetStmts()) != 1 {
		return nil, fmt.Errorf("index key %q: not a single key", key)
	}
	is := tree.GetStmts()[0].GetStmt().GetIndexStmt()
	if is == nil || len(is.GetIndexParams()) != 1 || is.GetWhereClause() != nil || is.GetIndexIncludingParams() != nil {
		return nil, fmt.Errorf("index key %q: not a single key", key)
	}
	el := is.GetIndexParams()[0].GetIndexElem()
	k := &IndexKey{
		Column:    el.GetName(),
		Collation: stringList(el.GetCollation()),
		Opclass:   stringList(el.GetOpclass()),
		Desc:      el.GetOrdering() == pg_query.SortByDir_SORTBY_DESC,
	}
	if len(el.GetOpclassopts()) > 0 {
		return nil, fmt.Errorf("index key %q: operator class parameters are not supported", key)
	}
	switch el.GetNullsOrdering() {
	case pg_query.SortByNulls_SORTBY_NULLS_FIRST:
		k.Nulls = "FIRST"
	case pg_query.SortByNulls_SORTBY_NULLS_LAST:
		k.Nulls = "LAST"
	}
	if e := el.GetExpr(); e != nil {
		if k.Expr, err = DeparseExpr(e); err != nil {
			return nil, fmt.Errorf("index key %q: %w", key, err)
		}
		k.ExprIsCall = e.GetFuncCall() != nil || e.GetCoalesceExpr() != nil || e.GetMinMaxExpr() != nil || e.GetSqlvalueFunction() != nil
		k.FigureName, _ = figureColname(e)
	}
	return k, nil
}

// fragmentError is a syntax error in fragment, which the parser saw after
// prefix bytes of generated text (SELECT <expr>): its position is made
// relative to the fragment.
func fragmentError(fragment string, prefix int, err error) error {
	var pe *parser.Error
	if !errors.As(err, &pe) {
		return err
	}
	se := &SyntaxError{Msg: pe.Message, Offset: -1}
	if pos := pe.Cursorpos - 1 - prefix; pe.Cursorpos > 0 && pos >= 0 {
		se.Offset = runeOffset(fragment, pos)
		se.Line, se.Column = Position(fragment, se.Offset)
	}
	return se
}
