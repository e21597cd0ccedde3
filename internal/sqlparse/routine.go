package sqlparse

import (
	"fmt"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// Routine describes a CREATE FUNCTION or CREATE PROCEDURE statement.
type Routine struct {
	Schema, Name string // Schema is "" when the name is unqualified
	Procedure    bool
	Params       []Param
	// Returns is the declared result type; nil for procedures. For RETURNS
	// TABLE (...) it is SETOF record and the columns are TABLE params.
	Returns *TypeName
	// Language is lower case; "sql" when the statement has a SQL-standard
	// body (BEGIN ATOMIC ... END or RETURN expr).
	Language        string
	Volatility      string // "immutable", "stable" or "" (volatile)
	Parallel        string // "safe", "restricted" or "" (unsafe)
	Strict          bool
	SecurityDefiner bool
	Leakproof       bool
	Window          bool
	Cost, Rows      float64 // 0 when not given
	// Set are SET name TO value clauses: name and the values as text.
	Set []SetClause
	// Source is the body of AS '...' (prosrc); Binary is the object file of
	// AS 'file', 'symbol' (probin), with Source the symbol.
	Source, Binary string
	// StandardBody is true for SQL-standard bodies, which only PostgreSQL
	// can print back.
	StandardBody bool
}

// Param is one declared parameter of a routine.
type Param struct {
	Name string
	// Mode is "IN", "OUT", "INOUT", "VARIADIC" or "TABLE".
	Mode string
	Type *TypeName
	// Default is the DEFAULT expression as deparsed by pg_query; "" for none.
	Default string
}

// SetClause is SET name TO value[, ...] on a routine. FromCurrent is SET
// name FROM CURRENT (which stores the value current at creation).
type SetClause struct {
	Name        string
	Values      []string
	FromCurrent bool
}

// ParseRoutine parses a single CREATE [OR REPLACE] FUNCTION or PROCEDURE
// statement.
func ParseRoutine(sql string) (*Routine, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil, syntaxError(sql, 0, err)
	}
	if len(tree.GetStmts()) != 1 {
		return nil, fmt.Errorf("want exactly one CREATE FUNCTION statement, have %d statements", len(tree.GetStmts()))
	}
	fs := tree.GetStmts()[0].GetStmt().GetCreateFunctionStmt()
	if fs == nil {
		return nil, fmt.Errorf("not a CREATE FUNCTION or CREATE PROCEDURE statement")
	}
	r := &Routine{Procedure: fs.GetIsProcedure()}
	names := stringList(fs.GetFuncname())
	switch len(names) {
	case 1:
		r.Name = names[0]
	case 2:
		r.Schema, r.Name = names[0], names[1]
	default:
		return nil, fmt.Errorf("function name %q: want name or schema.name", strings.Join(names, "."))
	}
	for _, p := range fs.GetParameters() {
		fp := p.GetFunctionParameter()
		t, err := convertTypeNameNode(fp.GetArgType())
		if err != nil {
			return nil, fmt.Errorf("parameter %q: %w", fp.GetName(), err)
		}
		par := Param{Name: fp.GetName(), Mode: paramMode(fp.GetMode()), Type: t}
		if d := fp.GetDefexpr(); d != nil {
			if par.Default, err = DeparseExpr(d); err != nil {
				return nil, fmt.Errorf("parameter %q default: %w", fp.GetName(), err)
			}
		}
		r.Params = append(r.Params, par)
	}
	if rt := fs.GetReturnType(); rt != nil {
		if r.Returns, err = convertTypeName(rt); err != nil {
			return nil, fmt.Errorf("result type: %w", err)
		}
	}
	if fs.GetSqlBody() != nil {
		r.StandardBody = true
		r.Language = "sql"
	}
	for _, o := range fs.GetOptions() {
		if err := r.option(o.GetDefElem()); err != nil {
			return nil, err
		}
	}
	if r.Language == "" {
		r.Language = "sql"
	}
	return r, nil
}

func (r *Routine) option(d *pg_query.DefElem) error {
	arg := d.GetArg()
	switch d.GetDefname() {
	case "language":
		r.Language = strings.ToLower(arg.GetString_().GetSval())
	case "volatility":
		if v := arg.GetString_().GetSval(); v != "volatile" {
			r.Volatility = v
		} else {
			r.Volatility = ""
		}
	case "parallel":
		if v := strings.ToLower(arg.GetString_().GetSval()); v != "unsafe" {
			r.Parallel = v
		} else {
			r.Parallel = ""
		}
	case "strict":
		r.Strict = arg.GetBoolean().GetBoolval()
	case "security":
		r.SecurityDefiner = arg.GetBoolean().GetBoolval()
	case "leakproof":
		r.Leakproof = arg.GetBoolean().GetBoolval()
	case "window":
		r.Window = arg.GetBoolean().GetBoolval()
	case "cost":
		r.Cost = numberValue(arg)
	case "rows":
		r.Rows = numberValue(arg)
	case "set":
		vs := arg.GetVariableSetStmt()
		sc := SetClause{Name: strings.ToLower(vs.GetName())}
		switch vs.GetKind() {
		case pg_query.VariableSetKind_VAR_SET_CURRENT:
			sc.FromCurrent = true
		case pg_query.VariableSetKind_VAR_SET_VALUE:
			for _, a := range vs.GetArgs() {
				sc.Values = append(sc.Values, constText(a))
			}
		default:
			return fmt.Errorf("SET %s: only SET name TO value is supported in a declared function", vs.GetName())
		}
		r.Set = append(r.Set, sc)
	case "as":
		items := arg.GetList().GetItems()
		switch len(items) {
		case 1:
			r.Source = items[0].GetString_().GetSval()
		case 2:
			r.Binary = items[0].GetString_().GetSval()
			r.Source = items[1].GetString_().GetSval()
		}
	case "support", "transform":
		return fmt.Errorf("%s clauses are not supported in a declared function", strings.ToUpper(d.GetDefname()))
	}
	return nil
}

func paramMode(m pg_query.FunctionParameterMode) string {
	switch m {
	case pg_query.FunctionParameterMode_FUNC_PARAM_OUT:
		return "OUT"
	case pg_query.FunctionParameterMode_FUNC_PARAM_INOUT:
		return "INOUT"
	case pg_query.FunctionParameterMode_FUNC_PARAM_VARIADIC:
		return "VARIADIC"
	case pg_query.FunctionParameterMode_FUNC_PARAM_TABLE:
		return "TABLE"
	}
	return "IN"
}

func numberValue(n *pg_query.Node) float64 {
	switch {
	case n.GetInteger() != nil:
		return float64(n.GetInteger().GetIval())
	case n.GetFloat() != nil:
		f, _ := strconv.ParseFloat(n.GetFloat().GetFval(), 64)
		return f
	}
	return 0
}

// constText is the text of a constant in a SET clause, as
// flatten_set_variable_args stores it.
func constText(n *pg_query.Node) string {
	c := n.GetAConst()
	switch {
	case c == nil:
		return ""
	case c.GetSval() != nil:
		return c.GetSval().GetSval()
	case c.GetIval() != nil:
		return strconv.FormatInt(int64(c.GetIval().GetIval()), 10)
	case c.GetFval() != nil:
		return c.GetFval().GetFval()
	case c.GetBoolval() != nil:
		if c.GetBoolval().GetBoolval() {
			return "on"
		}
		return "off"
	}
	return "0"
}

func stringList(nodes []*pg_query.Node) []string {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, n.GetString_().GetSval())
	}
	return out
}

// DeparseExpr prints an expression tree back as SQL with pg_query's
// deparser.
func DeparseExpr(n *pg_query.Node) (string, error) {
	tree := &pg_query.ParseResult{Stmts: []*pg_query.RawStmt{{
		Stmt: &pg_query.Node{Node: &pg_query.Node_SelectStmt{SelectStmt: &pg_query.SelectStmt{
			TargetList: []*pg_query.Node{{Node: &pg_query.Node_ResTarget{ResTarget: &pg_query.ResTarget{Val: n}}}},
			Op:         pg_query.SetOperation_SETOP_NONE,
		}}},
	}}}
	out, err := pg_query.Deparse(tree)
	if err != nil {
		return "", err
	}
	return strings.TrimPrefix(out, "SELECT "), nil
}

// TriggerInfo describes a CREATE TRIGGER statement.
type TriggerInfo struct {
	Name          string
	Schema, Table string // Schema is "" when unqualified
	// FuncSchema is "" when the function name is unqualified.
	FuncSchema, FuncName string
	Args                 []string
	Timing               string   // "BEFORE", "AFTER" or "INSTEAD OF"
	Events               []string // in pg_get_triggerdef order: INSERT, DELETE, UPDATE, TRUNCATE
	UpdateColumns        []string
	ForEachRow           bool
	// When is the WHEN condition deparsed by pg_query; "" for none.
	When              string
	Constraint        bool
	Deferrable        bool
	InitiallyDeferred bool
	OldTable          string
	NewTable          string
}

// Trigger type bits as stored in pg_trigger.tgtype.
const (
	trigRow      = 1 << 0
	trigBefore   = 1 << 1
	trigInsert   = 1 << 2
	trigDelete   = 1 << 3
	trigUpdate   = 1 << 4
	trigTruncate = 1 << 5
	trigInstead  = 1 << 6
)

// ParseTrigger parses a single CREATE TRIGGER statement.
func ParseTrigger(sql string) (*TriggerInfo, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil, syntaxError(sql, 0, err)
	}
	if len(tree.GetStmts()) != 1 {
		return nil, fmt.Errorf("want exactly one CREATE TRIGGER statement, have %d statements", len(tree.GetStmts()))
	}
	ts := tree.GetStmts()[0].GetStmt().GetCreateTrigStmt()
	if ts == nil {
		return nil, fmt.Errorf("not a CREATE TRIGGER statement")
	}
	ti := &TriggerInfo{
		Name:              ts.GetTrigname(),
		Schema:            ts.GetRelation().GetSchemaname(),
		Table:             ts.GetRelation().GetRelname(),
		Args:              stringList(ts.GetArgs()),
		ForEachRow:        ts.GetRow(),
		UpdateColumns:     stringList(ts.GetColumns()),
		Constraint:        ts.GetIsconstraint(),
		Deferrable:        ts.GetDeferrable(),
		InitiallyDeferred: ts.GetInitdeferred(),
	}
	fn := stringList(ts.GetFuncname())
	switch len(fn) {
	case 1:
		ti.FuncName = fn[0]
	case 2:
		ti.FuncSchema, ti.FuncName = fn[0], fn[1]
	default:
		return nil, fmt.Errorf("trigger function %q: want name or schema.name", strings.Join(fn, "."))
	}
	switch t := ts.GetTiming(); {
	case t&trigBefore != 0:
		ti.Timing = "BEFORE"
	case t&trigInstead != 0:
		ti.Timing = "INSTEAD OF"
	default:
		ti.Timing = "AFTER"
	}
	ev := ts.GetEvents()
	for _, e := range []struct {
		bit  int32
		name string
	}{{trigInsert, "INSERT"}, {trigDelete, "DELETE"}, {trigUpdate, "UPDATE"}, {trigTruncate, "TRUNCATE"}} {
		if ev&e.bit != 0 {
			ti.Events = append(ti.Events, e.name)
		}
	}
	if w := ts.GetWhenClause(); w != nil {
		if ti.When, err = DeparseExpr(w); err != nil {
			return nil, fmt.Errorf("trigger %s: WHEN: %w", ti.Name, err)
		}
	}
	for _, tr := range ts.GetTransitionRels() {
		rel := tr.GetTriggerTransition()
		if rel.GetIsNew() {
			ti.NewTable = rel.GetName()
		} else {
			ti.OldTable = rel.GetName()
		}
	}
	return ti, nil
}
