package lint

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// checkTypes is prefer-timestamptz and prefer-bigint-ids, about the types
// of columns a statement declares (CREATE TABLE, ADD COLUMN, ALTER COLUMN
// TYPE), on new tables as well as existing ones.
func checkTypes(_ *linter, p *sqlparse.Parsed, emit emitFunc) {
	switch n := p.Node; {
	case n.GetCreateStmt() != nil:
		c := n.GetCreateStmt()
		rel := rangeVarName(c.GetRelation())
		pk := map[string]bool{}
		for _, e := range c.GetTableElts() {
			if con := e.GetConstraint(); con != nil && con.GetContype() == pg_query.ConstrType_CONSTR_PRIMARY {
				for _, k := range con.GetKeys() {
					pk[k.GetString_().GetSval()] = true
				}
			}
		}
		for _, e := range c.GetTableElts() {
			if def := e.GetColumnDef(); def != nil {
				checkColumnType(colName{Rel: rel, Column: def.GetColname()}, def, pk[def.GetColname()], emit)
			}
		}
	case n.GetAlterTableStmt().GetObjtype() == pg_query.ObjectType_OBJECT_TABLE:
		a := n.GetAlterTableStmt()
		rel := rangeVarName(a.GetRelation())
		for _, c := range a.GetCmds() {
			cmd := c.GetAlterTableCmd()
			def := cmd.GetDef().GetColumnDef()
			switch cmd.GetSubtype() {
			case pg_query.AlterTableType_AT_AddColumn:
				checkColumnType(colName{Rel: rel, Column: def.GetColname()}, def, false, emit)
			case pg_query.AlterTableType_AT_AlterColumnType:
				if isTimestamp(def.GetTypeName()) {
					emit(PreferTimestamptz, "column %s is changed to timestamp without time zone", colName{Rel: rel, Column: cmd.GetName()})
				}
			}
		}
	}
}

// checkColumnType judges one column definition; inPK says a table-level
// PRIMARY KEY of the same statement lists it.
func checkColumnType(col colName, def *pg_query.ColumnDef, inPK bool, emit emitFunc) {
	tn := def.GetTypeName()
	if isTimestamp(tn) {
		emit(PreferTimestamptz, "column %s is timestamp without time zone: its values mean different instants to sessions in different time zones", col)
	}
	if s := serialType(tn); s == "serial" || s == "smallserial" {
		emit(PreferBigintIDs, "column %s is %s: its sequence runs out at %s", col, s, intLimit(s))
		return
	}
	small := smallIntType(tn)
	if small == "" {
		return
	}
	why := ""
	switch {
	case inPK:
		why = "the primary key"
	default:
		for _, n := range def.GetConstraints() {
			switch n.GetConstraint().GetContype() {
			case pg_query.ConstrType_CONSTR_PRIMARY:
				why = "the primary key"
			case pg_query.ConstrType_CONSTR_IDENTITY:
				why = "an identity column"
			}
		}
	}
	if why != "" {
		emit(PreferBigintIDs, "column %s is %s and %s: ids run out at %s", col, small, why, intLimit(small))
	}
}

// typeWord returns the last part of a type name ("int4" for
// pg_catalog.int4), or "" for an array type, which is never an id.
func typeWord(tn *pg_query.TypeName) string {
	names := tn.GetNames()
	if len(names) == 0 || len(tn.GetArrayBounds()) > 0 {
		return ""
	}
	return names[len(names)-1].GetString_().GetSval()
}

func isTimestamp(tn *pg_query.TypeName) bool {
	names := tn.GetNames()
	return len(names) > 0 && names[len(names)-1].GetString_().GetSval() == "timestamp"
}

// serialType returns the serial pseudo-type a column is declared with
// ("serial", "smallserial", "bigserial"), or "".
func serialType(tn *pg_query.TypeName) string {
	if len(tn.GetNames()) != 1 {
		return ""
	}
	switch typeWord(tn) {
	case "serial", "serial4":
		return "serial"
	case "smallserial", "serial2":
		return "smallserial"
	case "bigserial", "serial8":
		return "bigserial"
	}
	return ""
}

// smallIntType returns "integer" or "smallint" for the 32- and 16-bit
// integer types, else "".
func smallIntType(tn *pg_query.TypeName) string {
	switch typeWord(tn) {
	case "int4":
		return "integer"
	case "int2":
		return "smallint"
	}
	return ""
}

func intLimit(t string) string {
	if t == "smallint" || t == "smallserial" {
		return "32,767"
	}
	return "2,147,483,647"
}
