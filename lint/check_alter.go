package lint

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// checkAlterTable judges each subcommand of ALTER TABLE on a table that
// existed before the section: the rules about adding columns, changing
// types, constraints and dropping columns.
func checkAlterTable(l *linter, p *sqlparse.Parsed, emit emitFunc) {
	a := p.Node.GetAlterTableStmt()
	if a == nil || a.GetObjtype() != pg_query.ObjectType_OBJECT_TABLE {
		return
	}
	rel := rangeVarName(a.GetRelation())
	if l.newTable(rel) {
		return
	}
	for _, c := range a.GetCmds() {
		cmd := c.GetAlterTableCmd()
		col := colName{Rel: rel, Column: cmd.GetName()}
		switch cmd.GetSubtype() {
		case pg_query.AlterTableType_AT_AddColumn:
			l.checkAddColumn(rel, cmd.GetDef().GetColumnDef(), emit)
		case pg_query.AlterTableType_AT_AlterColumnType:
			emit(ChangeColumnType, "changing the type of %s rewrites %s and its indexes under an ACCESS EXCLUSIVE lock unless the old type converts without a rewrite, and a narrower type fails or loses data", col, rel)
		case pg_query.AlterTableType_AT_SetNotNull:
			if !l.provenNotNull.has(col) && !l.validatedElsewhere.has(rel) {
				emit(SetNotNull, "SET NOT NULL on %s scans every row of %s under an ACCESS EXCLUSIVE lock", col, rel)
			}
		case pg_query.AlterTableType_AT_AddConstraint:
			l.checkAddConstraint(rel, cmd.GetDef().GetConstraint(), emit)
		case pg_query.AlterTableType_AT_DropColumn:
			if !l.newColumn(col) && !l.undo.undoesColumn(col) {
				emit(DropColumn, "dropping column %s deletes its values", col)
			}
		}
	}
}

// checkAddColumn judges ADD COLUMN on an existing table.
func (l *linter) checkAddColumn(rel relName, def *pg_query.ColumnDef, emit emitFunc) {
	col := colName{Rel: rel, Column: def.GetColname()}
	var notNull, hasDefault, nullDefault, identity, generated bool
	var defExpr *pg_query.Node
	for _, n := range def.GetConstraints() {
		con := n.GetConstraint()
		switch con.GetContype() {
		case pg_query.ConstrType_CONSTR_NOTNULL, pg_query.ConstrType_CONSTR_PRIMARY:
			notNull = true
		case pg_query.ConstrType_CONSTR_DEFAULT:
			hasDefault, defExpr = true, con.GetRawExpr()
			nullDefault = defExpr.GetAConst() != nil && defExpr.GetAConst().GetIsnull()
		case pg_query.ConstrType_CONSTR_IDENTITY:
			identity = true
		case pg_query.ConstrType_CONSTR_GENERATED:
			generated = true
		}
		l.checkInlineConstraint(col, con, emit)
	}
	serial := serialType(def.GetTypeName()) != ""
	switch {
	case generated:
		emit(VolatileDefault, "the stored generated column %s is computed for every existing row, rewriting %s under an ACCESS EXCLUSIVE lock", col, rel)
	case identity:
		emit(VolatileDefault, "the identity column %s takes a sequence value for every existing row, rewriting %s under an ACCESS EXCLUSIVE lock", col, rel)
	case serial:
		emit(VolatileDefault, "the serial column %s takes a sequence value for every existing row, rewriting %s under an ACCESS EXCLUSIVE lock", col, rel)
	case hasDefault && !nullDefault:
		if f, known := l.volatileCall(defExpr); f != "" {
			why := "a volatile function"
			if !known {
				why = "a function lint cannot tell is not VOLATILE (functions are VOLATILE unless created STABLE or IMMUTABLE)"
			}
			emit(VolatileDefault, "the default of %s calls %s(), %s: every existing row is rewritten under an ACCESS EXCLUSIVE lock", col, f, why)
		}
	case notNull && nullDefault:
		emit(AddNotNullColumn, "%s is added NOT NULL with DEFAULT NULL: the statement fails if %s has rows", col, rel)
	case notNull:
		emit(AddNotNullColumn, "%s is added NOT NULL without a default: the statement fails if %s has rows", col, rel)
	}
}

// checkInlineConstraint judges a constraint written in an added column's
// definition: it is checked against every existing row like a table
// constraint, and has no NOT VALID form.
func (l *linter) checkInlineConstraint(col colName, con *pg_query.Constraint, emit emitFunc) {
	switch con.GetContype() {
	case pg_query.ConstrType_CONSTR_UNIQUE, pg_query.ConstrType_CONSTR_PRIMARY:
		emit(UniqueConstraintWithoutIndex, "the %s of new column %s builds its index under an ACCESS EXCLUSIVE lock on %s", constraintKind(con), col, col.Rel)
	case pg_query.ConstrType_CONSTR_CHECK:
		emit(CheckNotValid, "the CHECK of new column %s is validated against every row of %s under an ACCESS EXCLUSIVE lock", col, col.Rel)
	case pg_query.ConstrType_CONSTR_FOREIGN:
		emit(ForeignKeyNotValid, "the REFERENCES of new column %s is validated against every row of %s while writes to it and to %s are blocked", col, col.Rel, rangeVarName(con.GetPktable()))
	}
}

// checkAddConstraint judges ADD CONSTRAINT on an existing table.
func (l *linter) checkAddConstraint(rel relName, con *pg_query.Constraint, emit emitFunc) {
	name := con.GetConname()
	if name != "" {
		name += " "
	}
	switch con.GetContype() {
	case pg_query.ConstrType_CONSTR_FOREIGN:
		if !con.GetSkipValidation() {
			emit(ForeignKeyNotValid, "adding foreign key %son %s checks every row while writes to %s and %s are blocked", name, rel, rel, rangeVarName(con.GetPktable()))
		}
	case pg_query.ConstrType_CONSTR_CHECK:
		if !con.GetSkipValidation() {
			emit(CheckNotValid, "adding check constraint %son %s scans every row under an ACCESS EXCLUSIVE lock", name, rel)
		}
	case pg_query.ConstrType_CONSTR_UNIQUE, pg_query.ConstrType_CONSTR_PRIMARY:
		if con.GetIndexname() == "" {
			emit(UniqueConstraintWithoutIndex, "adding %s %son %s builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes", constraintKind(con), name, rel)
		}
	}
}

func constraintKind(con *pg_query.Constraint) string {
	if con.GetContype() == pg_query.ConstrType_CONSTR_PRIMARY {
		return "PRIMARY KEY"
	}
	return "UNIQUE constraint"
}
