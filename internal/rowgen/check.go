package rowgen

import (
	"math"
	"slices"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// cons is what a column's values must satisfy beyond their type, as far
// as the generator understands CHECK constraints: bounds, lists of
// allowed or refused values, lengths, LIKE patterns and case. A check it
// does not understand adds nothing; rows violating it are dropped when
// inserted.
type cons struct {
	min, max         float64 // inclusive bounds; valid when hasMin/hasMax
	hasMin, hasMax   bool
	allowed          []string // nil: no list
	hasAllowed       bool
	denied           []string
	minLen, maxLen   int // in characters; maxLen 0: none
	like             []string
	upper, lower     bool
	notNull, nonZero bool
}

// and is the conjunction of two constraint sets.
func (c cons) and(o cons) cons {
	if o.hasMin && (!c.hasMin || o.min > c.min) {
		c.min, c.hasMin = o.min, true
	}
	if o.hasMax && (!c.hasMax || o.max < c.max) {
		c.max, c.hasMax = o.max, true
	}
	if o.hasAllowed {
		if c.hasAllowed {
			var both []string
			for _, v := range c.allowed {
				if slices.Contains(o.allowed, v) {
					both = append(both, v)
				}
			}
			c.allowed = both
		} else {
			c.allowed = slices.Clone(o.allowed)
		}
		c.hasAllowed = true
	}
	c.denied = append(slices.Clone(c.denied), o.denied...)
	c.minLen = max(c.minLen, o.minLen)
	if o.maxLen > 0 && (c.maxLen == 0 || o.maxLen < c.maxLen) {
		c.maxLen = o.maxLen
	}
	c.like = append(slices.Clone(c.like), o.like...)
	c.upper = c.upper || o.upper
	c.lower = c.lower || o.lower
	c.notNull = c.notNull || o.notNull
	c.nonZero = c.nonZero || o.nonZero
	return c
}

// parseCheck reads a CHECK definition (pg_get_constraintdef's text) and
// returns what it demands of the named column (lower case as the parser
// folds it: "value" for a domain's checks).
func parseCheck(def, column string) cons {
	return parseChecks(def)[column]
}

// parseChecks reads a CHECK definition into per-column constraints.
func parseChecks(def string) map[string]cons {
	expr := strings.TrimSpace(def)
	expr = strings.TrimPrefix(expr, "CHECK ")
	for _, suf := range []string{" NOT VALID", " NO INHERIT"} {
		expr = strings.TrimSuffix(expr, suf)
	}
	tree, err := pg_query.Parse("SELECT " + expr)
	if err != nil || len(tree.GetStmts()) != 1 {
		return nil
	}
	sel := tree.GetStmts()[0].GetStmt().GetSelectStmt()
	if sel == nil || len(sel.GetTargetList()) != 1 {
		return nil
	}
	out := map[string]cons{}
	walkCheck(sel.GetTargetList()[0].GetResTarget().GetVal(), out)
	return out
}

func walkCheck(n *pg_query.Node, out map[string]cons) {
	add := func(col string, c cons) { out[col] = out[col].and(c) }
	if b := n.GetBoolExpr(); b != nil {
		if b.GetBoolop() == pg_query.BoolExprType_AND_EXPR {
			for _, a := range b.GetArgs() {
				walkCheck(a, out)
			}
		}
		return
	}
	if nt := n.GetNullTest(); nt != nil {
		if col := colOf(nt.GetArg()); col != "" && nt.GetNulltesttype() == pg_query.NullTestType_IS_NOT_NULL {
			add(col, cons{notNull: true})
		}
		return
	}
	e := n.GetAExpr()
	if e == nil {
		return
	}
	op := opName(e)
	switch e.GetKind() {
	case pg_query.A_Expr_Kind_AEXPR_OP:
		if op == "=" {
			if col, f := colOf(e.GetLexpr()), e.GetRexpr().GetFuncCall(); col != "" && f != nil && len(f.GetArgs()) == 1 && colOf(f.GetArgs()[0]) == col {
				switch funcName(f) {
				case "upper":
					add(col, cons{upper: true})
				case "lower":
					add(col, cons{lower: true})
				}
				return
			}
		}
		col, val, flipped := colConst(e.GetLexpr(), e.GetRexpr())
		if op == "~~" {
			if col != "" && !flipped {
				add(col, cons{like: []string{val}})
			}
			return
		}
		if col == "" {
			if lc, n, ok := lengthConst(e.GetLexpr(), e.GetRexpr()); ok {
				addLength(out, lc, op, n)
			}
			return
		}
		if f, ok := map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<="}[op]; flipped && ok {
			op = f
		}
		add(col, compare(op, val))
	case pg_query.A_Expr_Kind_AEXPR_LIKE:
		col, val, flipped := colConst(e.GetLexpr(), e.GetRexpr())
		if col != "" && !flipped && op == "~~" {
			add(col, cons{like: []string{val}})
		}
	case pg_query.A_Expr_Kind_AEXPR_OP_ANY, pg_query.A_Expr_Kind_AEXPR_IN:
		col := colOf(e.GetLexpr())
		if col == "" || op != "=" {
			return
		}
		var items []*pg_query.Node
		r := e.GetRexpr()
		for r.GetTypeCast() != nil {
			r = r.GetTypeCast().GetArg()
		}
		switch {
		case r.GetAArrayExpr() != nil:
			items = r.GetAArrayExpr().GetElements()
		case r.GetList() != nil:
			items = r.GetList().GetItems()
		default:
			return
		}
		c := cons{hasAllowed: true}
		for _, it := range items {
			v, ok := constOf(it)
			if !ok {
				return
			}
			c.allowed = append(c.allowed, v)
		}
		add(col, c)
	case pg_query.A_Expr_Kind_AEXPR_BETWEEN:
		col := colOf(e.GetLexpr())
		l := e.GetRexpr().GetList()
		if col == "" || l == nil || len(l.GetItems()) != 2 {
			return
		}
		lo, ok1 := constOf(l.GetItems()[0])
		hi, ok2 := constOf(l.GetItems()[1])
		if ok1 && ok2 {
			add(col, compare(">=", lo).and(compare("<=", hi)))
		}
	}
}

// compare is the constraint "column op val".
func compare(op, val string) cons {
	f, err := strconv.ParseFloat(val, 64)
	num := err == nil
	switch op {
	case "=":
		return cons{hasAllowed: true, allowed: []string{val}}
	case "<>", "!=":
		switch {
		case val == "":
			return cons{minLen: 1}
		case num && f == 0:
			return cons{nonZero: true, denied: []string{val}}
		}
		return cons{denied: []string{val}}
	}
	if !num {
		return cons{}
	}
	switch op {
	case ">":
		return cons{hasMin: true, min: math.Nextafter(f, math.Inf(1))}
	case ">=":
		return cons{hasMin: true, min: f}
	case "<":
		return cons{hasMax: true, max: math.Nextafter(f, math.Inf(-1))}
	case "<=":
		return cons{hasMax: true, max: f}
	}
	return cons{}
}

// addLength records "length(col) op n".
func addLength(out map[string]cons, col, op string, n int) {
	c := out[col]
	switch op {
	case "<":
		c = c.and(cons{maxLen: max(n-1, 1)})
	case "<=":
		c = c.and(cons{maxLen: max(n, 1)})
	case ">":
		c = c.and(cons{minLen: n + 1})
	case ">=":
		c = c.and(cons{minLen: n})
	case "=":
		c = c.and(cons{minLen: n, maxLen: n})
	}
	out[col] = c
}

func opName(e *pg_query.A_Expr) string {
	names := e.GetName()
	if len(names) == 0 {
		return ""
	}
	return names[len(names)-1].GetString_().GetSval()
}

func funcName(f *pg_query.FuncCall) string {
	names := f.GetFuncname()
	if len(names) == 0 {
		return ""
	}
	return names[len(names)-1].GetString_().GetSval()
}

// colConst matches "column op constant" either way round.
func colConst(l, r *pg_query.Node) (col, val string, flipped bool) {
	if c := colOf(l); c != "" {
		if v, ok := constOf(r); ok {
			return c, v, false
		}
	}
	if c := colOf(r); c != "" {
		if v, ok := constOf(l); ok {
			return c, v, true
		}
	}
	return "", "", false
}

// lengthConst matches "length(column) op integer".
func lengthConst(l, r *pg_query.Node) (string, int, bool) {
	f := l.GetFuncCall()
	if f == nil || len(f.GetArgs()) != 1 {
		return "", 0, false
	}
	switch funcName(f) {
	case "length", "char_length", "character_length":
	default:
		return "", 0, false
	}
	col := colOf(f.GetArgs()[0])
	v, ok := constOf(r)
	if col == "" || !ok {
		return "", 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return "", 0, false
	}
	return col, n, true
}

// colOf returns the column a (possibly cast or collated) column reference
// names, or "".
func colOf(n *pg_query.Node) string {
	for {
		switch {
		case n.GetTypeCast() != nil:
			n = n.GetTypeCast().GetArg()
		case n.GetCollateClause() != nil:
			n = n.GetCollateClause().GetArg()
		default:
			cr := n.GetColumnRef()
			if cr == nil || len(cr.GetFields()) == 0 {
				return ""
			}
			return cr.GetFields()[len(cr.GetFields())-1].GetString_().GetSval()
		}
	}
}

// constOf returns the text of a (possibly cast or negated) constant.
func constOf(n *pg_query.Node) (string, bool) {
	for n.GetTypeCast() != nil {
		n = n.GetTypeCast().GetArg()
	}
	if e := n.GetAExpr(); e != nil && e.GetLexpr() == nil && opName(e) == "-" {
		v, ok := constOf(e.GetRexpr())
		return "-" + v, ok
	}
	c := n.GetAConst()
	if c == nil || c.GetIsnull() {
		return "", false
	}
	switch {
	case c.GetIval() != nil:
		return strconv.FormatInt(int64(c.GetIval().GetIval()), 10), true
	case c.GetFval() != nil:
		return c.GetFval().GetFval(), true
	case c.GetSval() != nil:
		return c.GetSval().GetSval(), true
	case c.GetBoolval() != nil:
		return strconv.FormatBool(c.GetBoolval().GetBoolval()), true
	}
	return "0", true // an A_Const with nothing set is integer 0
}
