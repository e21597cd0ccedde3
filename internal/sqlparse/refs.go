package sqlparse

import (
	"encoding/json"
	"reflect"
	"sort"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// Name is a possibly schema-qualified object name found in SQL text;
// Schema is empty when the text does not qualify it.
type Name struct{ Schema, Name string }

// References parses sql and returns the relations (FROM items, including
// those inside subqueries and CTEs) and the functions it names, each once,
// in a deterministic order. CTE names show up as relations too; callers
// match them against real objects.
func References(sql string) (relations, functions []Name, err error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil, nil, syntaxError(sql, 0, err)
	}
	seenR, seenF := map[Name]bool{}, map[Name]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case *tnode:
			switch x.T {
			case "RangeVar":
				s, _ := x.F["Schemaname"].(string)
				r, _ := x.F["Relname"].(string)
				n := Name{Schema: s, Name: r}
				if !seenR[n] {
					seenR[n] = true
					relations = append(relations, n)
				}
			case "FuncCall":
				parts, _ := x.F["Funcname"].([]any)
				var n Name
				switch len(parts) {
				case 1:
					n = Name{Name: stringOf(parts[0])}
				case 2:
					n = Name{Schema: stringOf(parts[0]), Name: stringOf(parts[1])}
				}
				if n.Name != "" && !seenF[n] {
					seenF[n] = true
					functions = append(functions, n)
				}
			}
			keys := make([]string, 0, len(x.F))
			for k := range x.F {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(x.F[k])
			}
		}
	}
	for _, s := range tree.GetStmts() {
		walk(generic(reflect.ValueOf(s.GetStmt())))
	}
	return relations, functions, nil
}

// ArgTypes parses a function's argument list as
// pg_get_function_identity_arguments prints it ("a integer, VARIADIC b
// text[]") and returns one normalized key per argument: its mode and type,
// without its name, so two lists that differ only in argument names give
// equal keys.
func ArgTypes(args string) ([]string, error) {
	sql := "CREATE FUNCTION f(" + args + ") RETURNS void LANGUAGE sql AS ''"
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil, syntaxError(sql, 0, err)
	}
	stmts := tree.GetStmts()
	if len(stmts) != 1 || stmts[0].GetStmt().GetCreateFunctionStmt() == nil {
		return nil, &SyntaxError{Msg: "not an argument list: " + args, Offset: -1}
	}
	n := &normalizer{opts: NormalizeOptions{DefaultSchema: "public"}}
	var out []string
	for _, p := range stmts[0].GetStmt().GetCreateFunctionStmt().GetParameters() {
		fp := p.GetFunctionParameter()
		if fp == nil {
			continue
		}
		t := n.node(generic(reflect.ValueOf(fp.GetArgType())))
		b, err := json.Marshal(t)
		if err != nil {
			return nil, err
		}
		out = append(out, fp.GetMode().String()+" "+string(b))
	}
	return out, nil
}
