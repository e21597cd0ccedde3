package sqlparse

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// After ALTER TABLE ... RENAME COLUMN, PostgreSQL prints the definitions
// that use the column (indexes, constraints, generated columns) with the
// new name: they refer to it by number. These functions do the same to a
// definition read before the rename, so that it compares equal to the
// one read after it. The result is PostgreSQL's deparsed text, meant for
// comparison (Equal*), not for display; when nothing refers to the column
// the definition comes back unchanged.

// ColumnRename is a column rename applied to a definition: Old becomes
// New in the references to columns of the definition's own table (Local)
// and, for a foreign key, in its referenced columns (Referenced).
type ColumnRename struct {
	Old, New          string
	Local, Referenced bool
}

// RenameColumnInIndex rewrites a CREATE INDEX statement on the renamed
// column's table: key columns, INCLUDE columns, expressions and the
// predicate.
func RenameColumnInIndex(def string, r ColumnRename) (string, error) {
	return renameIn(def, "", r)
}

// RenameColumnInConstraint rewrites a table constraint definition as
// pg_get_constraintdef prints it.
func RenameColumnInConstraint(def string, r ColumnRename) (string, error) {
	return renameIn(def, constraintPrefix, r)
}

// RenameColumnInPartitionKey rewrites a partition key as
// pg_get_partkeydef prints it ("RANGE (created_at)").
func RenameColumnInPartitionKey(key string, r ColumnRename) (string, error) {
	return renameIn(key, PartitionKeyPrefix, r)
}

// RenameColumnInTrigger rewrites a CREATE TRIGGER statement on the
// renamed column's table: UPDATE OF columns and the WHEN condition.
func RenameColumnInTrigger(def string, r ColumnRename) (string, error) {
	return renameIn(def, "", r)
}

// PartitionKeyPrefix turns a partition key into a statement that parses
// (and normalizes, for comparison).
const PartitionKeyPrefix = "CREATE TABLE t () PARTITION BY "

// RenameColumnInExpr rewrites a scalar expression over the table's columns
// (a generated column's expression).
func RenameColumnInExpr(expr string, r ColumnRename) (string, error) {
	return renameIn(expr, "SELECT ", r)
}

const constraintPrefix = "ALTER TABLE t ADD CONSTRAINT c "

func renameIn(def, prefix string, r ColumnRename) (string, error) {
	tree, err := pg_query.Parse(prefix + def)
	if err != nil {
		return "", syntaxError(prefix+def, 0, err)
	}
	changed := false
	set := func(s *string) {
		if *s == r.Old {
			*s = r.New
			changed = true
		}
	}
	names := func(list []*pg_query.Node) {
		for _, n := range list {
			if s := n.GetString_(); s != nil {
				set(&s.Sval)
			}
		}
	}
	for _, st := range tree.GetStmts() {
		Walk(st, func(m proto.Message) bool {
			switch x := m.(type) {
			case *pg_query.ColumnRef:
				if !r.Local || len(x.GetFields()) == 0 {
					return true
				}
				if s := x.GetFields()[len(x.GetFields())-1].GetString_(); s != nil {
					set(&s.Sval)
				}
			case *pg_query.IndexElem:
				if r.Local {
					set(&x.Name)
				}
			case *pg_query.PartitionElem:
				if r.Local {
					set(&x.Name)
				}
			case *pg_query.CreateTrigStmt:
				if r.Local {
					names(x.GetColumns())
				}
			case *pg_query.Constraint:
				if r.Local {
					names(x.GetKeys())
					names(x.GetIncluding())
					names(x.GetFkAttrs())
					names(x.GetFkDelSetCols())
				}
				if r.Referenced {
					names(x.GetPkAttrs())
				}
			}
			return true
		})
	}
	if !changed {
		return def, nil
	}
	out, err := pg_query.Deparse(tree)
	if err != nil {
		return "", fmt.Errorf("renaming column %s in %q: %w", r.Old, def, err)
	}
	if prefix == "" {
		return out, nil
	}
	rest, ok := strings.CutPrefix(out, prefix)
	if !ok {
		return "", fmt.Errorf("renaming column %s in %q: unexpected deparse %q", r.Old, def, out)
	}
	return rest, nil
}
