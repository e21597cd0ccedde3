package sqlparse

import (
	"encoding/json"
	"fmt"
	"slices"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// ScriptRole says how a tool that applies a schema script in batched
// transactions must treat one statement of it.
type ScriptRole int

// Statement roles for ClassifyScriptStatement.
const (
	// ScriptPlain statements run inside a batch.
	ScriptPlain ScriptRole = iota
	// ScriptTransactionControl statements (BEGIN, COMMIT, SAVEPOINT, ...)
	// are the applier's business: it skips them.
	ScriptTransactionControl
	// ScriptCommitAfter statements must be committed before later
	// statements may use what they create: ALTER TYPE ... ADD VALUE.
	ScriptCommitAfter
)

// ClassifyScriptStatement parses one statement (as returned by Split) and
// returns its role. Statements that cannot run in a transaction block are
// reported by Split (Statement.NoTransaction).
func ClassifyScriptStatement(sql string) (ScriptRole, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return ScriptPlain, syntaxError(sql, 0, err)
	}
	if len(tree.GetStmts()) != 1 {
		return ScriptPlain, fmt.Errorf("want one statement, have %d", len(tree.GetStmts()))
	}
	n := tree.GetStmts()[0].GetStmt()
	switch {
	case n.GetTransactionStmt() != nil:
		return ScriptTransactionControl, nil
	case n.GetAlterEnumStmt() != nil && n.GetAlterEnumStmt().GetOldVal() == "":
		return ScriptCommitAfter, nil
	}
	return ScriptPlain, nil
}

// ReferencedRoles returns the role names a script grants to, creates
// policies for, or hands ownership to (not PUBLIC, CURRENT_USER and the
// like), sorted and each once.
func ReferencedRoles(sql string) ([]string, error) {
	js, err := pg_query.ParseToJSON(sql)
	if err != nil {
		return nil, syntaxError(sql, 0, err)
	}
	var tree any
	if err := json.Unmarshal([]byte(js), &tree); err != nil {
		return nil, err
	}
	var roles []string
	walkJSON(tree, func(key string, v any) {
		if key != "RoleSpec" {
			return
		}
		m, _ := v.(map[string]any)
		if m["roletype"] != "ROLESPEC_CSTRING" {
			return
		}
		if name, _ := m["rolename"].(string); name != "" && !slices.Contains(roles, name) {
			roles = append(roles, name)
		}
	})
	slices.Sort(roles)
	return roles, nil
}
